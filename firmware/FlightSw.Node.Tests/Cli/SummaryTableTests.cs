using FlightSw.Core.Events;
using FlightSw.Core.Modes;
using FlightSw.Hal;
using FlightSw.Node.Cli;
using FlightSw.Node.Simulation;

namespace FlightSw.Node.Tests.Cli;

public sealed class SummaryTableTests
{
    [Test]
    public void Render_UpsetsInjected_ShowsTheCount()
    {
        string text = SummaryTable.Render(Summary(upsets: 1234, corrected: 0, uncorrectable: 0));

        Assert.That(text, Does.Match(@"Upsets injected\s+│ 1234 "));
    }

    [Test]
    public void Render_ScrubberCounts_ShowsWordsCorrectedAndUncorrectable()
    {
        string text = SummaryTable.Render(Summary(upsets: 70, corrected: 68, uncorrectable: 2));

        Assert.That(text, Does.Match(@"ECC \(this boot\)\s+│ 68 words corrected, 2 uncorrectable "));
    }

    [TestCase(null, null)]
    [TestCase(5UL, null)]
    [TestCase(null, 5UL)]
    public void Render_NoScrubberCounts_SaysNoScrubber(ulong? corrected, ulong? uncorrectable)
    {
        string text = SummaryTable.Render(Summary(upsets: 0, corrected, uncorrectable));

        Assert.That(text, Does.Match(@"ECC \(this boot\)\s+│ no scrubber "));
    }

    [Test]
    public void Render_EccRow_ComesRightAfterUpsetsInjected()
    {
        string[] lines = SummaryTable.Render(Summary(upsets: 3, corrected: 3, uncorrectable: 0)).Split('\n');
        int upsets = Array.FindIndex(lines, line => line.Contains("Upsets injected", StringComparison.Ordinal));

        Assert.That(upsets, Is.GreaterThanOrEqualTo(0));
        Assert.That(lines[upsets + 1], Does.Contain("ECC (this boot)"));
    }

    [Test]
    public void Render_InferenceCounts_ShowsRunsOutcomesAndDeferralsRightAfterTheEccRow()
    {
        var summary = Summary(upsets: 3, corrected: 3, uncorrectable: 0) with { Inference = new InferenceSummary(28, 24, 2, 1, 1, 3) };

        string[] lines = SummaryTable.Render(summary).Split('\n');
        int ecc = Array.FindIndex(lines, line => line.Contains("ECC (this boot)", StringComparison.Ordinal));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(lines[ecc + 1], Does.Match(@"Inferences\s+│ 28 run \(all boots\) "));
            Assert.That(lines[ecc + 2], Does.Match(@"Inference outcomes\s+│ 24 unanimous, 2 masked, 1 recomputed, 1 failed "));
            Assert.That(lines[ecc + 3], Does.Match(@"Inferences deferred\s+│ 3 waits for power "));
        }
    }

    [Test]
    public void Render_NoInferenceJob_SaysSoInOneRow()
    {
        string text = SummaryTable.Render(Summary(upsets: 0, corrected: 0, uncorrectable: 0));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.Match(@"Inferences\s+│ no inference job "));
            Assert.That(text, Does.Not.Contain("Inference outcomes"));
        }
    }

    private static NodeSummary Summary(int upsets, ulong? corrected, ulong? uncorrectable) => new(
        "sim",
        1,
        TimeSpan.FromMinutes(1),
        1,
        new Dictionary<ResetCause, int>(),
        0,
        600,
        0,
        Enum.GetValues<EventSeverity>().ToDictionary(severity => severity, _ => 0L),
        FlightMode.Nominal,
        5.0,
        0.6,
        25.0,
        upsets,
        corrected,
        uncorrectable);
}
