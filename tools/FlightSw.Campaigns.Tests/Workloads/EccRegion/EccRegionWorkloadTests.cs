using FlightSw.Campaigns.Config;
using FlightSw.Campaigns.Faults;
using FlightSw.Campaigns.Trials;
using FlightSw.Campaigns.Workloads.EccRegion;
using System.Globalization;
using FlightSw.Edac.Codec;
using FlightSw.Edac.Recovery;

namespace FlightSw.Campaigns.Tests.Workloads.EccRegion;

public sealed class EccRegionWorkloadTests
{
    private const string Region = EccRegionWorkloadFactory.RegionName;

    private static EccRegionWorkloadFactory Factory(EccRecoveryChoice recovery = EccRecoveryChoice.Golden) =>
        new(new EccRegionWorkloadConfig { Words = 256, InterleaveDepths = [1, 4], Recovery = recovery, DataSeed = 7 });

    private static PlannedFault Fault(long word, int bit, FaultKind kind = FaultKind.SingleBit, int width = 1, ulong value = 0) =>
        new(FaultSiteKind.EccWord, Region, -1, word, bit, width, kind, value, 0);

    private static TrialVerdict RunOne(string variant, PlannedFault fault, EccRecoveryChoice recovery = EccRecoveryChoice.Golden)
    {
        using var factory = Factory(recovery);
        using var workload = factory.Create(variant);
        return workload.Run(0, fault);
    }

    [Test]
    public void Factory_Config_OffersOneVariantPerDepthAndOneRegionTarget()
    {
        using var factory = Factory();

        Assert.Multiple(() =>
        {
            Assert.That(factory.Variants, Is.EqualTo(new[] { "interleave-1", "interleave-4" }));
            Assert.That(factory.InputCount, Is.EqualTo(1));
            Assert.That(factory.RunsOnVirtualTime, Is.False);
            Assert.That(factory.TargetsOf("interleave-4"), Is.EqualTo(new[] { new FaultTarget(FaultSiteKind.EccWord, Region, -1, 256, 72) }));
            Assert.That(() => factory.TargetsOf("interleave-2"), Throws.ArgumentException.With.Message.Contains("interleave-1, interleave-4"));
        });
    }

    [Test]
    public void Factory_DepthAnEccRegionCannotHave_IsRefused()
    {
        var config = new EccRegionWorkloadConfig { Words = 256, InterleaveDepths = [16] };

        Assert.That(() => new EccRegionWorkloadFactory(config), Throws.ArgumentException.With.Message.Contains("InterleaveDepth 16"));
    }

    [Test]
    public void Factory_GoldenImage_IsOneVerifiedFileNamedByItsChecksumThatOutlivesTheFactory()
    {
        string first;
        using (var factory = Factory())
        using (var workload = (EccRegionWorkload)factory.Create("interleave-1"))
        {
            var image = ((GoldenImageRecovery)workload.Region.Recovery).Image;
            first = image.Path;
            Assert.That(image.TryLoadVerified(out _, out _), Is.True);
            Assert.That(Path.GetFileName(first), Is.EqualTo($"ecc-golden-{image.Checksum.Hex}.bin"));
        }

        using var again = Factory();
        using var other = (EccRegionWorkload)again.Create("interleave-4");

        Assert.Multiple(() =>
        {
            Assert.That(File.Exists(first), Is.True, "shared by every factory on the machine, so never deleted: a killed run leaks nothing new");
            Assert.That(((GoldenImageRecovery)other.Region.Recovery).Image.Path, Is.EqualTo(first));
        });
    }

    [Test]
    public void Factory_EscalateRecovery_NeedsNoGoldenImage()
    {
        using var factory = Factory(EccRecoveryChoice.Escalate);
        using var workload = (EccRegionWorkload)factory.Create("interleave-1");

        Assert.That(workload.Region.Recovery, Is.SameAs(RegionRecovery.Escalate));
    }

    [Test]
    public void Run_GoldenImageVanishedDuringTheCampaign_IsAToolFailureNotADue()
    {
        // A data seed of its own: no other test shares this file.
        using var factory = new EccRegionWorkloadFactory(new EccRegionWorkloadConfig { Words = 256, InterleaveDepths = [1], DataSeed = 9_917 });
        using var workload = (EccRegionWorkload)factory.Create("interleave-1");
        File.Delete(((GoldenImageRecovery)workload.Region.Recovery).Image.Path);

        Assert.Multiple(() =>
        {
            Assert.That(() => workload.Run(0, Fault(17, 20, FaultKind.AdjacentBits, 2)), Throws.InvalidOperationException.With.Message.Contains("tool failure"));
            Assert.That(workload.Run(0, Fault(17, 20)).Outcome, Is.EqualTo(TrialOutcome.Corrected), "a trial that needs no reload still runs");
        });

        using var next = (EccRegionWorkload)factory.Create("interleave-1");
        Assert.That(next.Run(0, Fault(17, 20, FaultKind.AdjacentBits, 2)).Outcome, Is.EqualTo(TrialOutcome.DetectedRecovered), "a new worker writes the file again");
    }

    [Test]
    public void Run_Details_HoldNoPathAndReadTheSameUnderAnotherCulture()
    {
        PlannedFault[] faults =
        [
            Fault(17, 20), Fault(17, 20, FaultKind.AdjacentBits, 2), Fault(100, 0, FaultKind.AdjacentBits, 3),
            Fault(100, 13, FaultKind.AdjacentBits, 3), Fault(3, 0, FaultKind.RandomValue, 72, 0x0123_4567_89ab_cdef),
        ];
        var invariant = faults.Select(fault => RunOne("interleave-1", fault)).ToList();
        var escalated = RunOne("interleave-1", Fault(17, 20, FaultKind.AdjacentBits, 2), EccRecoveryChoice.Escalate);
        var culture = CultureInfo.CurrentCulture;
        List<TrialVerdict> german;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            german = faults.Select(fault => RunOne("interleave-1", fault)).ToList();
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }

        Assert.Multiple(() =>
        {
            Assert.That(german, Is.EqualTo(invariant));
            Assert.That(invariant.Append(escalated).Select(verdict => verdict.Detail), Has.None.Contains(Path.GetTempPath()).And.None.Contains("/").And.None.Contains(".bin"));
        });
    }

    [TestCase("interleave-1", 5)]
    [TestCase("interleave-1", 70)]
    [TestCase("interleave-4", 5)]
    [TestCase("interleave-4", 70)]
    public void Run_SingleBitFlip_IsCorrected(string variant, int bit)
    {
        var verdict = RunOne(variant, Fault(17, bit));

        Assert.That(verdict.Outcome, Is.EqualTo(TrialOutcome.Corrected), verdict.Detail);
        Assert.That(verdict.Detail, Does.Contain("scrub corrected 1 word(s)"));
    }

    [Test]
    public void Run_AdjacentTwoBitUpsetWithoutInterleavingAndGoldenReload_IsDetectedRecovered()
    {
        var verdict = RunOne("interleave-1", Fault(17, 20, FaultKind.AdjacentBits, 2));

        Assert.That(verdict.Outcome, Is.EqualTo(TrialOutcome.DetectedRecovered), verdict.Detail);
        Assert.That(verdict.Detail, Does.Contain("recovery restored 1 word(s) (2 bit(s))"));
    }

    [Test]
    public void Run_AdjacentTwoBitUpsetWithoutInterleavingAndNoCopy_IsDue()
    {
        var verdict = RunOne("interleave-1", Fault(17, 20, FaultKind.AdjacentBits, 2), EccRecoveryChoice.Escalate);

        Assert.That(verdict.Outcome, Is.EqualTo(TrialOutcome.Due), verdict.Detail);
        Assert.That(verdict.Detail, Does.Contain("recovery escalated"));
    }

    [TestCase(EccRecoveryChoice.Golden)]
    [TestCase(EccRecoveryChoice.Escalate)]
    public void Run_AdjacentTwoBitUpsetInterleavedFourDeep_IsCorrectedInTwoCodewords(EccRecoveryChoice recovery)
    {
        var verdict = RunOne("interleave-4", Fault(17, 20, FaultKind.AdjacentBits, 2), recovery);

        Assert.That(verdict.Outcome, Is.EqualTo(TrialOutcome.Corrected), verdict.Detail);
        Assert.That(verdict.Detail, Does.Contain("2 flipped bit(s): scrub corrected 2 word(s)"));
    }

    [Test]
    public void Run_AdjacentUpsetAtTheRegionsLastBit_IsClippedToTheRegion()
    {
        // Check bit 71 of the last word is the region's last physical bit: the run stops there.
        var verdict = RunOne("interleave-1", Fault(255, 71, FaultKind.AdjacentBits, 4));

        Assert.That(verdict.Outcome, Is.EqualTo(TrialOutcome.Corrected), verdict.Detail);
        Assert.That(verdict.Detail, Does.StartWith("1 flipped bit(s)"));
    }

    [TestCase(0)]
    [TestCase(1)]
    public void Run_StuckAtTheValueTheBitHolds_IsMasked(int bit)
    {
        using var factory = Factory();
        using var workload = (EccRegionWorkload)factory.Create("interleave-4");
        ulong stored = workload.Region.ReadWord(42) >> bit & 1;

        var same = workload.Run(0, Fault(42, bit, FaultKind.StuckAt, value: stored));
        var other = workload.Run(0, Fault(42, bit, FaultKind.StuckAt, value: stored ^ 1));

        Assert.Multiple(() =>
        {
            Assert.That(same.Outcome, Is.EqualTo(TrialOutcome.Masked), same.Detail);
            Assert.That(other.Outcome, Is.EqualTo(TrialOutcome.Corrected), other.Detail);
        });
    }

    [Test]
    public void Run_RandomValue_FlipsOnlyTheDataBitsThatDiffer()
    {
        using var factory = Factory();
        using var workload = (EccRegionWorkload)factory.Create("interleave-1");
        ulong stored = workload.Region.ReadWord(3);

        var unchanged = workload.Run(0, Fault(3, 0, FaultKind.RandomValue, 72, stored));
        var twoBits = workload.Run(0, Fault(3, 0, FaultKind.RandomValue, 72, stored ^ 0b101));

        Assert.Multiple(() =>
        {
            Assert.That(unchanged.Outcome, Is.EqualTo(TrialOutcome.Masked), unchanged.Detail);
            Assert.That(twoBits.Outcome, Is.EqualTo(TrialOutcome.DetectedRecovered), twoBits.Detail);
        });
    }

    // Three adjacent data bits b, b+1, b+2 of one codeword: the syndrome is the XOR of their three
    // Hsiao columns. Bits 0-2: 0x07 ^ 0x0B ^ 0x0D = 0x01, check bit 64's column, so the code
    // "corrects" check bit 64 and the three wrong data bits become a valid codeword. Bits 5-7:
    // 0x1A, data bit 8's column, so a fourth data bit is flipped. Bits 13-15: 0x2F, weight 5 but
    // not one of the eight weight-5 columns: detected as uncorrectable.
    [TestCase(0, "check bit")]
    [TestCase(5, "data bit")]
    public void Run_ThreeAdjacentBitsThatHsiaoMiscorrects_IsSdc(int bit, string miscorrected)
    {
        int syndrome = Hsiao7264.Column(bit) ^ Hsiao7264.Column(bit + 1) ^ Hsiao7264.Column(bit + 2);
        Assert.That(Hsiao7264.Decode((byte)syndrome).Status, Is.EqualTo(CodewordStatus.Corrected), $"the syndrome points at a {miscorrected}");

        var verdict = RunOne("interleave-1", Fault(100, bit, FaultKind.AdjacentBits, 3));

        Assert.That(verdict.Outcome, Is.EqualTo(TrialOutcome.Sdc), verdict.Detail);
        Assert.That(verdict.Detail, Does.Contain("1 word(s) read back wrong after the code 'corrected' 1 word(s) (a miscorrection)"));
    }

    [TestCase(EccRecoveryChoice.Golden, TrialOutcome.DetectedRecovered)]
    [TestCase(EccRecoveryChoice.Escalate, TrialOutcome.Due)]
    public void Run_ThreeAdjacentBitsHsiaoDetects_FollowsTheRecovery(EccRecoveryChoice recovery, TrialOutcome expected)
    {
        int syndrome = Hsiao7264.Column(13) ^ Hsiao7264.Column(14) ^ Hsiao7264.Column(15);
        Assert.That(Hsiao7264.Decode((byte)syndrome).Status, Is.EqualTo(CodewordStatus.Uncorrectable));

        var verdict = RunOne("interleave-1", Fault(100, 13, FaultKind.AdjacentBits, 3), recovery);

        Assert.That(verdict.Outcome, Is.EqualTo(expected), verdict.Detail);
    }

    [Test]
    public void Run_FourDataBitsWhoseColumnsCancel_IsSdcWithNoErrorSeen()
    {
        // An even-weight upset the code cannot see: the codeword stays valid with wrong data.
        int[] bits = FourCancellingDataBits();
        ulong mask = bits.Aggregate(0UL, (sum, bit) => sum | (1UL << bit));
        using var factory = Factory();
        using var workload = (EccRegionWorkload)factory.Create("interleave-1");
        ulong stored = workload.Region.ReadWord(42);

        var verdict = workload.Run(0, Fault(42, 0, FaultKind.RandomValue, 72, stored ^ mask));

        Assert.That(verdict.Outcome, Is.EqualTo(TrialOutcome.Sdc), verdict.Detail);
        Assert.That(verdict.Detail, Does.Contain("4 flipped bit(s): 1 word(s) read back wrong with no error seen by the code"));
    }

    private static int[] FourCancellingDataBits()
    {
        for (int a = 0; a < 64; a++)
        {
            for (int b = a + 1; b < 64; b++)
            {
                for (int c = b + 1; c < 64; c++)
                {
                    for (int d = c + 1; d < 64; d++)
                    {
                        if ((Hsiao7264.Column(a) ^ Hsiao7264.Column(b) ^ Hsiao7264.Column(c) ^ Hsiao7264.Column(d)) == 0)
                        {
                            return [a, b, c, d];
                        }
                    }
                }
            }
        }

        throw new InvalidOperationException("No four data columns of the code XOR to zero.");
    }

    [Test]
    public void Run_ThreeAdjacentBitsInterleavedFourDeep_IsCorrectedInThreeCodewords()
    {
        var verdict = RunOne("interleave-4", Fault(100, 0, FaultKind.AdjacentBits, 3));

        Assert.That(verdict.Outcome, Is.EqualTo(TrialOutcome.Corrected), verdict.Detail);
        Assert.That(verdict.Detail, Does.Contain("scrub corrected 3 word(s)"));
    }

    [Test]
    public void Run_SameFaultTwiceWithAnotherBetween_SameVerdict()
    {
        using var factory = Factory();
        using var workload = factory.Create("interleave-1");
        var fault = Fault(9, 30, FaultKind.AdjacentBits, 2);

        var first = workload.Run(0, fault);
        var between = workload.Run(0, Fault(9, 40, FaultKind.AdjacentBits, 3));
        var second = workload.Run(0, fault);

        Assert.Multiple(() =>
        {
            Assert.That(second, Is.EqualTo(first), "the region is restored before every trial");
            Assert.That(first.Outcome, Is.EqualTo(TrialOutcome.DetectedRecovered), first.Detail);
            Assert.That(between.Outcome, Is.Not.EqualTo(TrialOutcome.Crash), between.Detail);
        });
    }

    [Test]
    public void Run_FaultOfAnotherSite_IsAToolErrorNotATrial()
    {
        using var factory = Factory();
        using var workload = factory.Create("interleave-1");

        Assert.Multiple(() =>
        {
            Assert.That(() => workload.Run(0, new PlannedFault(FaultSiteKind.Weight, "conv1", 0, 1, 1, 1, FaultKind.SingleBit, 0, 0)), Throws.ArgumentException);
            Assert.That(() => workload.Run(0, Fault(256, 0)), Throws.ArgumentException.With.Message.Contains("outside"));
        });
    }

    [Test]
    public void GoldenTime_AFaultFreePass_IsMeasuredAndPositive()
    {
        using var factory = Factory();
        using var workload = factory.Create("interleave-4");

        Assert.That(workload.GoldenTime(0), Is.GreaterThan(TimeSpan.Zero));
    }
}
