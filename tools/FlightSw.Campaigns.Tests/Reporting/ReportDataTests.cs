using FlightSw.Campaigns.Faults;
using FlightSw.Campaigns.Reporting;
using FlightSw.Campaigns.Running;
using FlightSw.Campaigns.Trials;

namespace FlightSw.Campaigns.Tests.Reporting;

public class ReportDataTests
{
    [Test]
    public void Of_Trials_SdcByBitClassPerVariantOverThatClassTrials()
    {
        var header = CampaignSamples.Header(["none", "tmr"], 3);
        var results = new CampaignResults(header,
        [
            CampaignSamples.Trial(0, "none", TrialOutcome.Sdc, CampaignSamples.Fault(bit: 27)),
            CampaignSamples.Trial(1, "none", TrialOutcome.Masked, CampaignSamples.Fault(bit: 25)),
            CampaignSamples.Trial(2, "none", TrialOutcome.Sdc, CampaignSamples.Fault(bit: 31)),
            CampaignSamples.Trial(3, "tmr", TrialOutcome.DetectedRecovered, CampaignSamples.Fault(bit: 27)),
            CampaignSamples.Trial(4, "tmr", TrialOutcome.Masked, CampaignSamples.Fault(bit: 3)),
            CampaignSamples.Trial(5, "tmr", TrialOutcome.Sdc, CampaignSamples.Fault(bit: 3)),
        ]);

        var byBit = ReportData.Of(results).ByBitClass;

        Assert.Multiple(() =>
        {
            Assert.That(byBit.Groups, Is.EqualTo(new[] { "sign", "exponent", "mantissa" }));
            Assert.That(byBit.Cell(0, 1).Trials, Is.EqualTo(2), "none: two exponent trials");
            Assert.That(byBit.Cell(0, 1).Count(TrialOutcome.Sdc), Is.EqualTo(1));
            Assert.That(byBit.Cell(0, 0).Rate(TrialOutcome.Sdc).Rate, Is.EqualTo(1));
            Assert.That(byBit.Cell(0, 2).Trials, Is.Zero, "none has no mantissa trial");
            Assert.That(byBit.Cell(1, 2).Rate(TrialOutcome.Sdc).Rate, Is.EqualTo(0.5));
            Assert.That(byBit.Cell(1, 0).Trials, Is.Zero);
        });
    }

    [Test]
    public void Of_Replicas_PooledByTarget()
    {
        var header = CampaignSamples.Header(["tmr"], 4);
        var results = new CampaignResults(header,
        [
            CampaignSamples.Trial(0, "tmr", TrialOutcome.Sdc, CampaignSamples.Fault("conv10", replica: 0)),
            CampaignSamples.Trial(1, "tmr", TrialOutcome.Masked, CampaignSamples.Fault("conv10", replica: 2)),
            CampaignSamples.Trial(2, "tmr", TrialOutcome.Sdc, CampaignSamples.Fault("conv2", replica: 1)),
            CampaignSamples.Trial(3, "tmr", TrialOutcome.Masked, CampaignSamples.Fault("region", 3, -1, FaultSiteKind.EccWord)),
        ]);

        var byTarget = ReportData.Of(results).ByTarget;

        Assert.Multiple(() =>
        {
            Assert.That(byTarget.Groups, Is.EqualTo(new[] { "conv2", "conv10", "region" }), "numbers read as numbers");
            Assert.That(byTarget.Cell(0, 1).Trials, Is.EqualTo(2));
            Assert.That(byTarget.Cell(0, 1).Count(TrialOutcome.Sdc), Is.EqualTo(1));
        });
    }

    [Test]
    public void Of_ManySdcTargets_TopTwentyMostSdcFirst()
    {
        var header = CampaignSamples.Header(["none", "tmr"], 300);
        var trials = new List<TrialResult>();
        for (int layer = 0; layer < 25; layer++)
        {
            // Layer k has k SDCs under none and one under tmr from layer 20 on.
            for (int i = 0; i < layer; i++)
            {
                trials.Add(CampaignSamples.Trial(trials.Count, "none", TrialOutcome.Sdc, CampaignSamples.Fault($"layer{layer}")));
            }

            trials.Add(CampaignSamples.Trial(trials.Count, "tmr", layer >= 20 ? TrialOutcome.Sdc : TrialOutcome.Masked, CampaignSamples.Fault($"layer{layer}")));
        }

        var data = ReportData.Of(new CampaignResults(header, trials));
        var top = data.TopSdcTargets.Select(g => data.ByTarget.Groups[g]).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(top, Has.Count.EqualTo(ReportData.TopTargetCount));
            Assert.That(top[0], Is.EqualTo("layer24"));
            Assert.That(top[^1], Is.EqualTo("layer5"));
            Assert.That(data.ByTarget.Total(data.TopSdcTargets[0], TrialOutcome.Sdc), Is.EqualTo(25));
        });
    }

    [Test]
    public void Of_TrialsOfUnlistedVariant_ReportedAfterListedOnes()
    {
        var header = CampaignSamples.Header(["none"], 1);
        var results = new CampaignResults(header, [CampaignSamples.Trial(0, "none", TrialOutcome.Masked), CampaignSamples.Trial(1, "extra", TrialOutcome.Sdc)]);

        var data = ReportData.Of(results);

        Assert.That(data.Variants.Select(v => v.Key), Is.EqualTo(new[] { "none", "extra" }));
    }

    [Test]
    public void PartialNote_CompleteWholeCampaign_IsNull()
    {
        Assert.That(ReportData.Of(CampaignSamples.Realistic(30)).PartialNote, Is.Null);
    }

    [Test]
    public void PartialNote_StoppedRun_SaysHowManyOfAll()
    {
        var note = ReportData.Of(CampaignSamples.Realistic(30, stopAfter: 40)).PartialNote;

        Assert.That(note, Does.StartWith("partial: 40 of 90 trials (the run stopped early"));
    }

    [Test]
    public void PartialNote_CompleteShard_NamesTheShard()
    {
        var results = CampaignSamples.Realistic(30, new ShardSpec(2, 3));
        Assume.That(results.IsComplete, Is.True);

        Assert.That(ReportData.Of(results).PartialNote, Does.StartWith("partial: 30 of 90 trials (shard 2/3 of the campaign)"));
    }

    [Test]
    public void PartialNote_StoppedShard_SaysWhatTheShardHolds()
    {
        var note = ReportData.Of(CampaignSamples.Realistic(30, new ShardSpec(2, 3), stopAfter: 10)).PartialNote;

        Assert.That(note, Does.StartWith("partial: 10 of 90 trials (shard 2/3, which holds 30: the run stopped early"));
    }
}
