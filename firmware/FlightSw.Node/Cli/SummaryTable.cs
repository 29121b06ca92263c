using System.Globalization;
using FlightSw.Core.Events;
using FlightSw.Node.Simulation;
using Spectre.Console;

namespace FlightSw.Node.Cli;

/// <summary>Renders a <see cref="NodeSummary"/> as a table. Numbers use the invariant culture, so the text is the same everywhere.</summary>
public static class SummaryTable
{
    /// <summary>Width the table is laid out for, whatever the terminal, so that output compares byte for byte.</summary>
    public const int Width = 100;

    /// <summary>Builds the table.</summary>
    public static Table Build(NodeSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var table = new Table().Title("FlightSw node summary").AddColumn("Item").AddColumn("Value");
        void Row(string item, string value) => table.AddRow(Markup.Escape(item), Markup.Escape(value));

        Row("Board", summary.Board);
        Row("Seed", summary.Seed.ToString(CultureInfo.InvariantCulture));
        Row("Simulated time", $"{Format(summary.SimulatedTime)} ({summary.SimulatedTime.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s)");
        Row("Cycles run", $"{summary.Ticks.ToString("N0", CultureInfo.InvariantCulture)} base ticks at 10 Hz");
        Row("Slips", summary.Slips.ToString(CultureInfo.InvariantCulture));
        Row("Events", string.Join(", ", summary.EventsBySeverity.Select(e => $"{e.Key} {e.Value.ToString(CultureInfo.InvariantCulture)}")));
        Row("Boots", summary.Boots.ToString(CultureInfo.InvariantCulture));
        Row("Watchdog resets", summary.WatchdogResets.ToString(CultureInfo.InvariantCulture));
        Row("Resets by cause", summary.ResetsByCause.Count == 0 ? "none" : string.Join(", ", summary.ResetsByCause.Select(r => $"{r.Key} {r.Value}")));
        Row("Mode", summary.Mode?.ToString().ToUpperInvariant() ?? "not running");
        Row("Supply (last)", summary.BusVolts is double v && summary.CurrentAmps is double a
            ? string.Create(CultureInfo.InvariantCulture, $"{v:0.000} V, {a:0.000} A")
            : "no reading");
        Row("Upsets injected", summary.UpsetsInjected.ToString(CultureInfo.InvariantCulture));
        Row("ECC (this boot)", summary.EccCorrected is ulong corrected && summary.EccUncorrectable is ulong uncorrectable
            ? $"{corrected.ToString(CultureInfo.InvariantCulture)} words corrected, {uncorrectable.ToString(CultureInfo.InvariantCulture)} uncorrectable"
            : "no scrubber");
        Row("Temperature (last)", summary.Celsius is double c ? string.Create(CultureInfo.InvariantCulture, $"{c:0.00} C") : "no reading");
        return table;
    }

    /// <summary>Writes the table to <paramref name="console"/> at <see cref="Width"/> columns.</summary>
    public static void Write(IAnsiConsole console, NodeSummary summary)
    {
        ArgumentNullException.ThrowIfNull(console);
        console.Profile.Width = Width;
        console.Write(Build(summary));
    }

    /// <summary>Renders the table to plain text, as <see cref="Write"/> prints it without colour.</summary>
    public static string Render(NodeSummary summary)
    {
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        Write(console, summary);
        return writer.ToString();
    }

    private static string Format(TimeSpan time) =>
        $"{(int)time.TotalDays}d {time.Hours:00}:{time.Minutes:00}:{time.Seconds:00}.{time.Milliseconds:000}";
}
