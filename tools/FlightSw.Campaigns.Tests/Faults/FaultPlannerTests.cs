using FlightSw.Campaigns.Config;
using FlightSw.Campaigns.Faults;

namespace FlightSw.Campaigns.Tests.Faults;

public class FaultPlannerTests
{
    private static readonly FaultTarget[] Targets =
    [
        new(FaultSiteKind.Weight, "small", 0, 10, 32),
        new(FaultSiteKind.Weight, "large", 0, 990, 32),
        new(FaultSiteKind.Activation, "small", 0, 100, 32),
    ];

    [Test]
    public void Plan_SameSeedAndTrial_DrawsTheSameFault()
    {
        var a = new FaultPlanner(new FaultModelConfig(), 42, 4, Targets, "v", strikeTimes: true);
        var b = new FaultPlanner(new FaultModelConfig(), 42, 4, Targets, "v", strikeTimes: true);
        Assert.That(Enumerable.Range(0, 100).Select(i => b.Plan(i)), Is.EqualTo(Enumerable.Range(0, 100).Select(i => a.Plan(i))));
    }

    [Test]
    public void Plan_OtherSeed_DrawsOtherFaults()
    {
        var a = new FaultPlanner(new FaultModelConfig(), 1, 4, Targets, "v", strikeTimes: true);
        var b = new FaultPlanner(new FaultModelConfig(), 2, 4, Targets, "v", strikeTimes: true);
        Assert.That(Enumerable.Range(0, 20).Count(i => a.Plan(i) == b.Plan(i)), Is.LessThan(2));
    }

    [Test]
    public void Plan_TargetsOfDifferentSize_AreHitInProportionToTheirBits()
    {
        var planner = new FaultPlanner(new FaultModelConfig(), 7, 1, Targets, "v", strikeTimes: true);
        int small = Enumerable.Range(0, 10_000).Count(i => planner.Plan(i).Fault.Target == "small");

        // 10 of 1,000 weights: about 1 %; the binomial 99.9 % band around 100 of 10,000 is 70 to 133.
        Assert.That(small, Is.InRange(70, 133));
    }

    [Test]
    public void Plan_ExponentBits_StayInTheExponent()
    {
        var planner = new FaultPlanner(new FaultModelConfig { Bits = new BitSelection(BitSelectionKind.Exponent, []) }, 3, 1, Targets, "v", strikeTimes: true);
        var bits = Enumerable.Range(0, 2_000).Select(i => planner.Plan(i).Fault).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(bits.Select(f => f.Bit).Distinct().Order(), Is.EqualTo(Enumerable.Range(23, 8)));
            Assert.That(bits.Select(f => f.BitClass).Distinct(), Is.EqualTo(new[] { "exponent" }));
        });
    }

    [Test]
    public void Plan_AdjacentBits_StartOnlyWhereTheRunFitsTheFloat()
    {
        var planner = new FaultPlanner(new FaultModelConfig { Kind = FaultKind.AdjacentBits, Width = 3, Bits = new BitSelection(BitSelectionKind.Exponent, []) }, 3, 1, Targets, "v", strikeTimes: true);
        var faults = Enumerable.Range(0, 2_000).Select(i => planner.Plan(i).Fault).ToList();
        Assert.Multiple(() =>
        {
            // Starts 23 to 29 (30 and 31 would pass the sign), each about as often: none folded onto another.
            Assert.That(faults.Select(f => f.Bit).Distinct().Order(), Is.EqualTo(Enumerable.Range(23, 7)));
            Assert.That(faults.GroupBy(f => f.Bit).Select(g => g.Count()), Is.All.InRange(2_000 / 7 * 0.7, 2_000 / 7 * 1.3));
            Assert.That(faults[0].FloatChange.Flip, Is.EqualTo(0b111u << faults[0].Bit));
        });
    }

    [Test]
    public void Constructor_AdjacentRunThatCannotFit_IsRefused()
    {
        var faults = new FaultModelConfig { Kind = FaultKind.AdjacentBits, Width = 2, Bits = new BitSelection(BitSelectionKind.Sign, []) };
        Assert.That(() => new FaultPlanner(faults, 1, 1, Targets, "v", strikeTimes: true), Throws.ArgumentException.With.Message.Contains("starts 2 adjacent bits"));
    }

    [Test]
    public void Plan_WithoutStrikeTimes_AtIsZero()
    {
        var planner = new FaultPlanner(new FaultModelConfig(), 3, 1, Targets, "v", strikeTimes: false);
        Assert.That(Enumerable.Range(0, 50).Select(i => planner.Plan(i).Fault.At), Is.All.EqualTo(0.0));
    }

    [Test]
    public void Plan_RandomValue_ReplacesTheWholeFloat()
    {
        var planner = new FaultPlanner(new FaultModelConfig { Kind = FaultKind.RandomValue }, 3, 1, Targets, "v", strikeTimes: true);
        var fault = planner.Plan(5).Fault;
        Assert.Multiple(() =>
        {
            Assert.That(fault.FloatChange.Apply(0x1234_5678u), Is.EqualTo((uint)fault.Value));
            Assert.That(fault.BitClass, Is.EqualTo("value"));
        });
    }

    [TestCase(0, 0x0000_0000u)]
    [TestCase(1, 0x0000_0100u)]
    public void Plan_StuckAt_ForcesTheBit(int value, uint expected)
    {
        var planner = new FaultPlanner(new FaultModelConfig { Kind = FaultKind.StuckAt, StuckValue = value, Bits = new BitSelection(BitSelectionKind.List, [8]) }, 3, 1, Targets, "v", strikeTimes: true);
        var change = planner.Plan(0).Fault.FloatChange;
        Assert.Multiple(() =>
        {
            Assert.That(change.Apply(0x0000_0000u) & 0x100u, Is.EqualTo(expected));
            Assert.That(change.Apply(0x0000_0100u) & 0x100u, Is.EqualTo(expected));
        });
    }

    [Test]
    public void Plan_InputsAreSpreadOverTheInputCount()
    {
        var planner = new FaultPlanner(new FaultModelConfig(), 3, 5, Targets, "v", strikeTimes: true);
        Assert.That(Enumerable.Range(0, 500).Select(i => planner.Plan(i).Input).Distinct().Order(), Is.EqualTo(Enumerable.Range(0, 5)));
    }

    [Test]
    public void Constructor_SiteWithoutTargets_RefusesNamingTheVariant()
    {
        var faults = new FaultModelConfig { Sites = [FaultSiteKind.Accumulator] };
        Assert.That(() => new FaultPlanner(faults, 1, 1, Targets, "tmr", strikeTimes: true), Throws.ArgumentException.With.Message.Contains("'tmr' has no accumulator target"));
    }
}
