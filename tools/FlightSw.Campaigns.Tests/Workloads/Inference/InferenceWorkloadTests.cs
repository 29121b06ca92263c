using FlightSw.Campaigns.Config;
using FlightSw.Campaigns.Faults;
using FlightSw.Campaigns.Trials;
using FlightSw.Campaigns.Workloads.Inference;
using FlightSw.Inference.Protection;

namespace FlightSw.Campaigns.Tests.Workloads.Inference;

/// <summary>Crafted faults whose outcome is known, on the MobileNet-style model (32x32, seed 1).</summary>
public class InferenceWorkloadTests
{
    private string _darkFrame = null!;

    [OneTimeSetUp]
    public void WriteDarkFrame()
    {
        // An all-zero input (a dark frame): every stem weight is multiplied by zero.
        _darkFrame = Path.Combine(Path.GetTempPath(), $"dark-frame-{Guid.NewGuid():N}.bin");
        File.WriteAllBytes(_darkFrame, new byte[3 * 32 * 32 * sizeof(float)]);
    }

    [OneTimeTearDown]
    public void DeleteDarkFrame() => File.Delete(_darkFrame);

    [Test]
    public void Run_FlipInAWeightTheInputNeverReaches_IsMasked()
    {
        using var factory = new InferenceWorkloadFactory(Config(ProtectionMode.None) with { SamplesFile = _darkFrame, InputCount = null, Compare = OutputComparison.Exact });
        using var workload = factory.Create("none");
        var stem = FirstWeightTarget(factory, "none");

        // A sign or mantissa flip keeps the weight finite: zero times it is still zero, bit for bit.
        var sign = workload.Run(0, Flip(FaultSiteKind.Weight, stem.Name, 0, 5, 31));
        var mantissa = workload.Run(0, Flip(FaultSiteKind.Weight, stem.Name, 0, 17, 22));
        Assert.Multiple(() =>
        {
            Assert.That(sign.Outcome, Is.EqualTo(TrialOutcome.Masked), sign.Detail);
            Assert.That(mantissa.Outcome, Is.EqualTo(TrialOutcome.Masked), mantissa.Detail);
            Assert.That(sign.Detail, Is.EqualTo("output identical to the golden run"));
        });
    }

    [Test]
    public void Run_ExponentFlipInAWeightWithoutProtection_IsSdc()
    {
        using var factory = new InferenceWorkloadFactory(Config(ProtectionMode.None));
        using var workload = factory.Create("none");
        var verdict = workload.Run(0, StemExponentFlip(factory, "none", replica: 0));
        Assert.That(verdict.Outcome, Is.EqualTo(TrialOutcome.Sdc), verdict.Detail);
    }

    [TestCase("tmr", TrialOutcome.DetectedRecovered)]
    [TestCase("dmr", TrialOutcome.DetectedRecovered)]
    public void Run_SameExponentFlipUnderRedundancy_IsDetectedRecovered(string variant, TrialOutcome expected)
    {
        using var factory = new InferenceWorkloadFactory(Config(ProtectionMode.None, ProtectionMode.Dmr, ProtectionMode.Tmr));
        using var workload = factory.Create(variant);
        var verdict = workload.Run(0, StemExponentFlip(factory, variant, replica: 1));
        Assert.That(verdict.Outcome, Is.EqualTo(expected), verdict.Detail);
    }

    [Test]
    public void Run_CorruptedAccumulatorUnderAbft_IsDetectedRecovered()
    {
        using var factory = new InferenceWorkloadFactory(Config(ProtectionMode.Abft));
        using var workload = factory.Create("abft");
        var layer = factory.TargetsOf("abft").First(t => t.Site == FaultSiteKind.Accumulator);
        var verdict = workload.Run(0, Flip(FaultSiteKind.Accumulator, layer.Name, 0, 3, 30));
        Assert.Multiple(() =>
        {
            Assert.That(verdict.Outcome, Is.EqualTo(TrialOutcome.DetectedRecovered), verdict.Detail);
            Assert.That(verdict.Detail, Does.Contain("recomputed"));
        });
    }

    [Test]
    public void Run_CorruptedAccumulatorWithoutProtection_IsNotDetected()
    {
        using var factory = new InferenceWorkloadFactory(Config(ProtectionMode.None));
        using var workload = factory.Create("none");
        var layer = factory.TargetsOf("none").First(t => t.Site == FaultSiteKind.Accumulator);
        var verdict = workload.Run(0, Flip(FaultSiteKind.Accumulator, layer.Name, 0, 3, 30));
        Assert.That(verdict.Outcome, Is.AnyOf(TrialOutcome.Masked, TrialOutcome.Sdc), verdict.Detail);
    }

    [Test]
    public void Run_WeightFaultWithoutProtection_IsWipedBeforeTheNextTrial()
    {
        using var factory = new InferenceWorkloadFactory(Config(ProtectionMode.None));
        using var workload = factory.Create("none");
        var fault = StemExponentFlip(factory, "none", replica: 0);
        Assert.That(workload.Run(0, fault).Outcome, Is.EqualTo(TrialOutcome.Sdc));

        // The next trial's fault is harmless; the earlier flip must not still be in memory.
        var harmless = workload.Run(0, Flip(FaultSiteKind.Activation, fault.Target, 0, 0, 0));
        Assert.That(harmless.Outcome, Is.EqualTo(TrialOutcome.Masked), harmless.Detail);
    }

    [Test]
    public void Run_SameFaultTwice_GivesTheSameVerdict()
    {
        using var factory = new InferenceWorkloadFactory(Config(ProtectionMode.Tmr));
        using var first = factory.Create("tmr");
        using var second = factory.Create("tmr");
        var fault = StemExponentFlip(factory, "tmr", replica: 2);
        Assert.That(second.Run(0, fault), Is.EqualTo(first.Run(0, fault)));
    }

    [Test]
    public void TargetsOf_Tmr_HasThreeReplicasOfEveryWeight()
    {
        using var factory = new InferenceWorkloadFactory(Config(ProtectionMode.None, ProtectionMode.Tmr));
        long none = factory.TargetsOf("none").Where(t => t.Site == FaultSiteKind.Weight).Sum(t => t.Bits);
        long tmr = factory.TargetsOf("tmr").Where(t => t.Site == FaultSiteKind.Weight).Sum(t => t.Bits);
        Assert.That(tmr, Is.EqualTo(3 * none));
    }

    [Test]
    public void Create_UnknownVariant_RefusesNamingTheVariants()
    {
        using var factory = new InferenceWorkloadFactory(Config(ProtectionMode.None));
        Assert.That(() => factory.Create("tmr"), Throws.ArgumentException.With.Message.Contains("its variants: none"));
    }

    [Test]
    public void Constructor_MoreInputsThanTheSamplesFileHolds_RefusesNamingTheField()
    {
        Assert.That(() => new InferenceWorkloadFactory(Config(ProtectionMode.None) with { SamplesFile = _darkFrame, InputCount = 2 }), Throws.ArgumentException.With.Message.Contains("workload.inputs.count: 2 inputs asked for").And.Message.Contains("holds 1 samples"));
    }

    internal static InferenceWorkloadConfig Config(params ProtectionMode[] modes) => new() { Protections = modes, InputCount = 2 };

    private static FaultTarget FirstWeightTarget(InferenceWorkloadFactory factory, string variant) =>
        factory.TargetsOf(variant).First(t => t.Site == FaultSiteKind.Weight);

    // The stem's weights are He-initialised (|w| < 2): setting exponent bit 30 multiplies one by
    // 2^128, and HardSwish passes the huge positive values it makes on to the rest of the network.
    private static PlannedFault StemExponentFlip(InferenceWorkloadFactory factory, string variant, int replica) =>
        Flip(FaultSiteKind.Weight, FirstWeightTarget(factory, variant).Name, replica, 5, 30);

    private static PlannedFault Flip(FaultSiteKind site, string target, int replica, long element, int bit) =>
        new(site, target, replica, element, bit, 1, FaultKind.SingleBit, 0, 0);
}
