using FlightSw.Hal.Memory;

namespace FlightSw.Hal.Tests.Memory;

public class MemoryMapTests
{
    [Test]
    public void Register_Targets_ListedInOrderWithTotalBits()
    {
        var map = new MemoryMap();
        map.Register(new Target("a", 72));
        map.Register(new Target("b", 144));

        Assert.Multiple(() =>
        {
            Assert.That(map.Targets.Select(t => t.Name), Is.EqualTo(new[] { "a", "b" }));
            Assert.That(map.TotalBits, Is.EqualTo(216));
        });
    }

    [Test]
    public void Register_DuplicateName_ThrowsNamingIt()
    {
        var map = new MemoryMap();
        map.Register(new Target("a", 72));

        Assert.That(() => map.Register(new Target("a", 8)), Throws.InvalidOperationException.With.Message.Contains("'a'"));
    }

    [Test]
    public void Unregister_Registered_RemovedAndFalseTheSecondTime()
    {
        var map = new MemoryMap();
        var target = new Target("a", 72);
        map.Register(target);

        Assert.Multiple(() =>
        {
            Assert.That(map.Unregister(target), Is.True);
            Assert.That(map.Unregister(target), Is.False);
            Assert.That(map.Targets, Is.Empty);
            Assert.That(map.TotalBits, Is.Zero);
        });
    }

    [Test]
    public void TryFind_ByName_FindsOnlyRegistered()
    {
        var map = new MemoryMap();
        var target = new Target("a", 72);
        map.Register(target);

        Assert.Multiple(() =>
        {
            Assert.That(map.TryFind("a", out var found), Is.True);
            Assert.That(found, Is.SameAs(target));
            Assert.That(map.TryFind("b", out _), Is.False);
        });
    }

    [Test]
    public void Targets_IsASnapshot()
    {
        var map = new MemoryMap();
        map.Register(new Target("a", 72));
        var snapshot = map.Targets;
        map.Register(new Target("b", 72));

        Assert.That(snapshot, Has.Count.EqualTo(1));
    }

    private sealed class Target(string name, long bits) : IUpsetTarget
    {
        public string Name { get; } = name;

        public long BitCount { get; } = bits;

        public void FlipBit(long physicalBit)
        {
        }

        public CodewordBit Locate(long physicalBit) => new(physicalBit / 72, (int)(physicalBit % 72));

        public long PhysicalBitOf(CodewordBit location) => location.Codeword * 72 + location.Bit;
    }
}
