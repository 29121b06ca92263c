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
        if (summary.SafeBoot is { } safeBoot)
        {
            Row("SAFE boot", safeBoot);
        }

        Row("Supply (last)", summary.BusVolts is double v && summary.CurrentAmps is double a
            ? string.Create(CultureInfo.InvariantCulture, $"{v:0.000} V, {a:0.000} A")
            : "no reading");
        Row("Upsets injected", summary.UpsetsInjected.ToString(CultureInfo.InvariantCulture));
        Row("ECC (this boot)", summary.EccCorrected is ulong corrected && summary.EccUncorrectable is ulong uncorrectable
            ? $"{corrected.ToString(CultureInfo.InvariantCulture)} words corrected, {uncorrectable.ToString(CultureInfo.InvariantCulture)} uncorrectable"
            : "no scrubber");
        AddInference(Row, summary.Inference);
        Row("Temperature (last)", summary.Celsius is double c ? string.Create(CultureInfo.InvariantCulture, $"{c:0.00} C") : "no reading");
        if (summary.PowerMode is { } powerMode)
        {
            Row("Power mode (last)", powerMode.ToUpperInvariant());
        }

        if (summary.LatchUpsDetected is uint detected)
        {
            Row("Latch-ups power-cycled", $"{detected.ToString(CultureInfo.InvariantCulture)} (persistent count)");
        }

        if (summary.Environment is { } environment)
        {
            AddEnvironment(Row, environment);
        }

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

    private static void AddInference(Action<string, string> row, InferenceSummary? inference)
    {
        var inv = CultureInfo.InvariantCulture;
        if (inference is null)
        {
            row("Inferences", "no inference job");
            return;
        }

        row("Inferences", string.Create(inv, $"{inference.Runs} run (all boots)"));
        row("Inference outcomes", string.Create(inv, $"{inference.Unanimous} unanimous, {inference.Masked} masked, {inference.Recomputed} recomputed, {inference.Failed} failed"));
        row("Inferences deferred", string.Create(inv, $"{inference.Deferred} waits for power"));
    }

    private static void AddEnvironment(Action<string, string> row, EnvironmentSummary environment)
    {
        var inv = CultureInfo.InvariantCulture;
        row("Scenario", environment.Scenario);
        row("Radiation", string.Create(inv, $"{environment.SaaPasses} SAA passes, peak rate x{environment.PeakRateFactor:0.#}, dose {environment.DoseRad:0.0} rad"));
        row("Power", string.Create(inv, $"{environment.Brownouts} brownouts, battery {environment.BatteryStateOfCharge:P1} at the end, {environment.SolarWattHours:0.0} Wh solar, {environment.LoadWattHours:0.0} Wh load"));
        row("Latch-ups", environment.LatchUps == 0
            ? "none"
            : string.Create(inv, $"{environment.LatchUps} struck, {environment.LatchUpsCleared} cleared in time{(environment.LongestLatchUp is { } longest ? $" (longest {longest.TotalSeconds:0.###} s)" : "")}"));
        row("Functional interrupts", environment.FunctionalInterrupts.ToString(inv));
        row("Board", environment.Damage is { } damage ? "DAMAGED: " + damage : "undamaged");
    }

    private static string Format(TimeSpan time) =>
        $"{(int)time.TotalDays}d {time.Hours:00}:{time.Minutes:00}:{time.Seconds:00}.{time.Milliseconds:000}";
}
