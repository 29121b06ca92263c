using FlightSw.Campaigns.Statistics;
using FlightSw.Campaigns.Tests.Reporting;
using FlightSw.Campaigns.Trials;

namespace FlightSw.Campaigns.Tests.Statistics;

public class OutcomeTallyTests
{
    [Test]
    public void Of_Outcomes_CountsEachAndAllTrials()
    {
        var tally = OutcomeTally.Of("tmr", [TrialOutcome.Sdc, TrialOutcome.Masked, TrialOutcome.Masked, TrialOutcome.Hang]);

        Assert.Multiple(() =>
        {
            Assert.That(tally.Key, Is.EqualTo("tmr"));
            Assert.That(tally.Trials, Is.EqualTo(4));
            Assert.That(tally.Count(TrialOutcome.Masked), Is.EqualTo(2));
            Assert.That(tally.Count(TrialOutcome.Sdc), Is.EqualTo(1));
            Assert.That(tally.Count(TrialOutcome.Hang), Is.EqualTo(1));
            Assert.That(tally.Count(TrialOutcome.Due), Is.Zero);
        });
    }

    [Test]
    public void Rate_Outcome_IsWilsonOfCountOverTrials()
    {
        var tally = OutcomeTally.Of("none", [TrialOutcome.Sdc, TrialOutcome.Masked, TrialOutcome.Masked, TrialOutcome.Masked]);

        Assert.Multiple(() =>
        {
            Assert.That(tally.Rate(TrialOutcome.Sdc), Is.EqualTo(WilsonInterval.Of(1, 4)));
            Assert.That(tally.Rate(TrialOutcome.Masked, 0.99), Is.EqualTo(WilsonInterval.Of(3, 4, 0.99)));
        });
    }

    [Test]
    public void Of_UndefinedOutcome_Throws()
    {
        Assert.That(() => OutcomeTally.Of("x", [(TrialOutcome)99]), Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void By_Variant_TalliesEachVariantOverItsOwnTrials()
    {
        TrialResult[] trials =
        [
            CampaignSamples.Trial(0, "none", TrialOutcome.Sdc),
            CampaignSamples.Trial(1, "none", TrialOutcome.Masked),
            CampaignSamples.Trial(2, "tmr", TrialOutcome.DetectedRecovered),
            CampaignSamples.Trial(3, "tmr", TrialOutcome.DetectedRecovered),
            CampaignSamples.Trial(4, "tmr", TrialOutcome.Due),
        ];

        var tallies = OutcomeTally.By(trials, t => t.Variant, ["none", "tmr"]);

        Assert.Multiple(() =>
        {
            Assert.That(tallies.Select(t => t.Key), Is.EqualTo(new[] { "none", "tmr" }));
            Assert.That(tallies[0].Trials, Is.EqualTo(2));
            Assert.That(tallies[0].Rate(TrialOutcome.Sdc).Rate, Is.EqualTo(0.5));
            Assert.That(tallies[1].Trials, Is.EqualTo(3));
            Assert.That(tallies[1].Count(TrialOutcome.DetectedRecovered), Is.EqualTo(2));
            Assert.That(tallies[1].Count(TrialOutcome.Due), Is.EqualTo(1));
        });
    }

    [Test]
    public void By_Order_OrderedKeysFirstEvenEmptyThenOthersOrdinal()
    {
        TrialResult[] trials =
        [
            CampaignSamples.Trial(0, "zeta", TrialOutcome.Masked),
            CampaignSamples.Trial(1, "alpha", TrialOutcome.Masked),
            CampaignSamples.Trial(2, "tmr", TrialOutcome.Masked),
        ];

        var tallies = OutcomeTally.By(trials, t => t.Variant, ["tmr", "dmr"]);

        Assert.Multiple(() =>
        {
            Assert.That(tallies.Select(t => t.Key), Is.EqualTo(new[] { "tmr", "dmr", "alpha", "zeta" }));
            Assert.That(tallies[1].Trials, Is.Zero);
            Assert.That(tallies[1].Rate(TrialOutcome.Sdc).Rate, Is.NaN);
        });
    }
}
