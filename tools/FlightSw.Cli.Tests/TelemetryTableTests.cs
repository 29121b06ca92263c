using FlightSw.Cli.Tests.Fixtures;
using FlightSw.Core.Telemetry;
using FlightSw.Ground;

namespace FlightSw.Cli.Tests;

[TestFixture]
public class TelemetryTableTests
{
    private static readonly DateTimeOffset Time = new(2030, 1, 2, 3, 4, 5, 678, TimeSpan.Zero);

    [TestCase(null, "-")]
    [TestCase(true, "true")]
    [TestCase(1.5f, "1.5")]
    [TestCase(0.1, "0.1")]
    [TestCase(0.6013000000000001, "0.6013")]
    [TestCase(4.04e-7, "4.04E-07")]
    [TestCase(-3, "-3")]
    [TestCase("NOMINAL", "NOMINAL")]
    public void FormatValue_Value_InvariantText(object? value, string expected)
    {
        Assert.That(TelemetryTable.FormatValue(value), Is.EqualTo(expected));
    }

    [Test]
    public void Build_SomeChannelsReceived_EveryDictionaryChannelAndUnlistedOnesAfter()
    {
        var samples = new[]
        {
            new GroundSample(TestDictionary.BusVolts, "BRD_BUS_V", TelemetryType.Float64, 4.75, Time, 12),
            new GroundSample(0x0999, "0x0999", TelemetryType.Int32, 7, Time, 1),
        };

        string[] lines = Render(TelemetryTable.Build(TestDictionary.Create(), samples, "node on board"));

        string volts = lines.Single(l => l.Contains("BRD_BUS_V", StringComparison.Ordinal));
        Assert.That(volts, Does.Contain("4.75").And.Contain(" V ").And.Contain("12").And.Contain(" 03:04:05.678 "));
        string mode = lines.Single(l => l.Contains("MODE_CURRENT", StringComparison.Ordinal));
        Assert.That(mode, Does.Contain(" - "));
        int modeRow = Array.IndexOf(lines, mode);
        Assert.That(Array.FindIndex(lines, l => l.Contains("0x0999", StringComparison.Ordinal)), Is.GreaterThan(modeRow));
        Assert.That(lines.Any(l => l.Contains("node on board, board time 2030-01-02 UTC", StringComparison.Ordinal)), Is.True);
    }

    [Test]
    public void Build_Filter_OnlyTheChannelsItShows()
    {
        string[] lines = Render(TelemetryTable.Build(TestDictionary.Create(), [], "node", name => name.StartsWith("MODE", StringComparison.Ordinal)));

        Assert.That(lines.Any(l => l.Contains("MODE_CURRENT", StringComparison.Ordinal)), Is.True);
        Assert.That(lines.Any(l => l.Contains("BRD_BUS_V", StringComparison.Ordinal)), Is.False);
    }

    private static string[] Render(Spectre.Console.Rendering.IRenderable table)
    {
        using var output = new StringWriter();
        var console = CliConsole.Create(new CliEnvironment(output, TextWriter.Null, _ => null, Interactive: false));
        console.Write(table);
        return output.ToString().Split('\n');
    }
}
