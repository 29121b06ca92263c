using FlightSw.Hal.Memory;
using FlightSw.Sim.Faults;

namespace FlightSw.Sim.Tests.Faults;

public class InjectedUpsetTests
{
    private static readonly TimeSpan At = TimeSpan.FromSeconds(5);

    [Test]
    public void IsMultiBit_OneBit_False()
    {
        var upset = new InjectedUpset(At, 1, "ram", [3L], [new CodewordBit(0, 3)]);

        Assert.That(upset.IsMultiBit, Is.False);
    }

    [Test]
    public void IsMultiBit_TwoBits_True()
    {
        var upset = new InjectedUpset(At, 1, "ram", [3L, 4L], [new CodewordBit(0, 3), new CodewordBit(0, 4)]);

        Assert.That(upset.IsMultiBit, Is.True);
    }

    [Test]
    public void Equals_SameValuesInDifferentLists_AreEqualWithTheSameHash()
    {
        var first = new InjectedUpset(At, 2, "ram", new List<long> { 70, 71 }, new List<CodewordBit> { new(0, 70), new(0, 71) });
        var second = new InjectedUpset(At, 2, "ram", new[] { 70L, 71L }, new[] { new CodewordBit(0, 70), new CodewordBit(0, 71) });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(second, Is.EqualTo(first));
            Assert.That(second.GetHashCode(), Is.EqualTo(first.GetHashCode()));
        }
    }

    [Test]
    public void Equals_DifferentBitOrBoot_AreNotEqual()
    {
        var upset = new InjectedUpset(At, 2, "ram", [70L], [new CodewordBit(0, 70)]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(upset with { PhysicalBits = [71L] }, Is.Not.EqualTo(upset));
            Assert.That(upset with { Boot = 3 }, Is.Not.EqualTo(upset));
            Assert.That(upset.Equals(null), Is.False);
        }
    }

    [Test]
    public void ToString_NamesTheTargetBitsAndCodewords()
    {
        var upset = new InjectedUpset(At, 2, "ram", [72L, 73L], [new CodewordBit(1, 0), new CodewordBit(1, 1)]);

        Assert.That(upset.ToString(), Is.EqualTo("00:00:05 boot 2 ram bits [72, 73] at [word 1 bit 0, word 1 bit 1]"));
    }
}
