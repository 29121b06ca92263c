using FlightSw.Sim.Environment.Power;

namespace FlightSw.Sim.Tests.Environment.Power;

public class LoadSpecTests
{
    [Test]
    public void Validate_Defaults_DoesNotThrow()
    {
        Assert.That(new LoadSpec().Validate, Throws.Nothing);
    }

    [Test]
    public void Validate_NegativeLoad_ThrowsNamingTheField()
    {
        Assert.That(
            new LoadSpec { PerJobWatts = -1 }.Validate,
            Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo(nameof(LoadSpec.PerJobWatts)));
    }

    [Test]
    public void Validate_NotFiniteLoad_ThrowsNamingTheField()
    {
        Assert.That(
            new LoadSpec { IdleWatts = double.NaN }.Validate,
            Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo(nameof(LoadSpec.IdleWatts)));
    }
}
