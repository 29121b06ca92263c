using FlightSw.Campaigns.Reporting;
using FlightSw.Campaigns.Running;
using FlightSw.Campaigns.Trials;

namespace FlightSw.Campaigns.Tests.Reporting;

public class CampaignSummaryTests
{
    [Test]
    public void Markdown_TwoVariants_HeaderAndRowPerVariant()
    {
        var lines = CampaignSummary.Markdown(TenEach()).Split('\n');

        Assert.Multiple(() =>
        {
            Assert.That(lines, Does.Contain("| Variant | Trials | SDC rate [95 % Wilson interval] | DUE | Detected-Recovered | Corrected | Masked | Crash | Hang |"));
            Assert.That(lines, Does.Contain("| none | 10 | 50.0 % [23.7, 76.3] | 1 (10.0 %) | 0 | 0 | 4 (40.0 %) | 0 | 0 |"));
            Assert.That(lines, Does.Contain("| tmr | 10 | 0.0 % [0.0, 27.8] | 0 | 2 (20.0 %) | 0 | 8 (80.0 %) | 0 | 0 |"));
            Assert.That(Array.FindIndex(lines, l => l.StartsWith("| none", StringComparison.Ordinal)), Is.LessThan(Array.FindIndex(lines, l => l.StartsWith("| tmr", StringComparison.Ordinal))), "header order");
        });
    }

    [Test]
    public void Markdown_AnyResults_EndsWithConfigShaAndSoftwareLine()
    {
        string markdown = CampaignSummary.Markdown(TenEach());

        Assert.Multiple(() =>
        {
            Assert.That(markdown, Does.EndWith($"Config sha256 `{CampaignSamples.ConfigSha}` · software {CampaignSamples.Software}\n"));
            Assert.That(markdown, Does.Not.Contain("partial"));
            Assert.That(markdown, Does.Not.Contain("\r"));
        });
    }

    [Test]
    public void Markdown_StoppedRun_FirstLineMarksPartial()
    {
        var full = TenEach();
        var stopped = full with { Trials = [.. full.Trials.Take(15)] };

        string firstLine = CampaignSummary.Markdown(stopped).Split('\n')[0];

        Assert.That(firstLine, Does.StartWith("> **partial: 15 of 20 trials**"));
    }

    [Test]
    public void Markdown_VariantWithoutTrials_RateNotApplicable()
    {
        var results = CampaignSamples.Realistic(30, new ShardSpec(2, 3), stopAfter: 5);

        Assert.That(CampaignSummary.Markdown(results).Split('\n'), Does.Contain("| abft+tmr | 0 | n/a | 0 | 0 | 0 | 0 | 0 | 0 |"));
    }

    [Test]
    public void Markdown_PipeAndNewlineInNames_KeptInsideTheCell()
    {
        var header = CampaignSamples.Header(["a|b"], 1) with { Workload = "two\nlines" };
        var results = new CampaignResults(header, [CampaignSamples.Trial(0, "a|b", TrialOutcome.Masked)]);

        string markdown = CampaignSummary.Markdown(results);

        Assert.Multiple(() =>
        {
            Assert.That(markdown.Split('\n'), Has.Some.StartWith("| a\\|b | 1 |"));
            Assert.That(markdown, Does.Contain("two lines"));
        });
    }

    [Test]
    public void Markdown_SameResults_SameText()
    {
        string first = CampaignSummary.Markdown(CampaignSamples.Realistic(200));
        string second = CampaignSummary.Markdown(CampaignSamples.Realistic(200));

        Assert.That(second, Is.EqualTo(first));
    }

    /// <summary>none: 5 SDC, 1 DUE, 4 masked; tmr: 2 detected-recovered, 8 masked.</summary>
    private static CampaignResults TenEach()
    {
        var header = CampaignSamples.Header(["none", "tmr"], 10);
        var trials = new List<TrialResult>();
        TrialOutcome[] none = [.. Enumerable.Repeat(TrialOutcome.Sdc, 5), TrialOutcome.Due, .. Enumerable.Repeat(TrialOutcome.Masked, 4)];
        TrialOutcome[] tmr = [.. Enumerable.Repeat(TrialOutcome.DetectedRecovered, 2), .. Enumerable.Repeat(TrialOutcome.Masked, 8)];
        trials.AddRange(none.Select((o, i) => CampaignSamples.Trial(i, "none", o)));
        trials.AddRange(tmr.Select((o, i) => CampaignSamples.Trial(10 + i, "tmr", o)));
        return new CampaignResults(header, trials);
    }
}
