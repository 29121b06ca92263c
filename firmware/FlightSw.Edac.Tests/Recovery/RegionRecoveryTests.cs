using FlightSw.Edac.Golden;
using FlightSw.Edac.Recovery;

namespace FlightSw.Edac.Tests.Recovery;

public class RegionRecoveryTests
{
    [Test]
    public void Factories_EachAction_GiveTheirConcreteTypes()
    {
        var image = new GoldenImage("/golden/a.bin", GoldenChecksum.Parse("crc32c:00000000"));
        var escalateAgain = RegionRecovery.Escalate;

        Assert.Multiple(() =>
        {
            Assert.That(RegionRecovery.Escalate, Is.TypeOf<EscalateRecovery>());
            Assert.That(escalateAgain, Is.SameAs(RegionRecovery.Escalate), "one stateless instance");
            Assert.That(RegionRecovery.ReloadFromGolden(image), Is.TypeOf<GoldenImageRecovery>().With.Property(nameof(GoldenImageRecovery.Image)).SameAs(image));
            Assert.That(RegionRecovery.Recompute(_ => 0), Is.TypeOf<RecomputeRecovery>());
        });
    }

    [Test]
    public void Factories_NullArguments_Throw()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => RegionRecovery.ReloadFromGolden(null!), Throws.ArgumentNullException);
            Assert.That(() => RegionRecovery.Recompute(null!), Throws.ArgumentNullException);
        });
    }

    [Test]
    public void ToString_AnyAction_IsItsDescription()
    {
        Assert.That(RegionRecovery.Escalate.ToString(), Is.EqualTo(RegionRecovery.Escalate.Description));
    }
}
