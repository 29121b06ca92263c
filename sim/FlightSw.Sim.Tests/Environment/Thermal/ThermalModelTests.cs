using FlightSw.Sim.Environment.Thermal;

namespace FlightSw.Sim.Tests.Environment.Thermal;

public class ThermalModelTests
{
    private static readonly TimeSpan Tau = TimeSpan.FromMinutes(20);

    [Test]
    public void Constructor_Defaults_StartsAtInitialCelsius()
    {
        var model = new ThermalModel(new ThermalSpec());

        Assert.That(model.BoardCelsius, Is.EqualTo(20.0));
    }

    [Test]
    public void Constructor_InvalidSpec_ThrowsNamingTheField()
    {
        Assert.That(
            () => new ThermalModel(new ThermalSpec { TimeConstant = TimeSpan.Zero }),
            Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo(nameof(ThermalSpec.TimeConstant)));
    }

    [TestCase(false, 0.0, -10.0)]
    [TestCase(true, 0.0, 15.0)]
    [TestCase(false, 4.0, 2.0)]
    [TestCase(true, 9.0, 42.0)]
    public void EquilibriumCelsius_Defaults_IsEclipsePlusSunPlusPerWatt(bool sunlit, double watts, double expected)
    {
        Assert.That(new ThermalModel(new ThermalSpec()).EquilibriumCelsius(sunlit, watts), Is.EqualTo(expected).Within(1e-12));
    }

    [Test]
    public void Advance_OneTimeConstant_ClosesAllButOneOverEOfTheGap()
    {
        var model = new ThermalModel(new ThermalSpec());

        model.Advance(Tau, sunlit: false, dissipatedWatts: 0);

        // From 20 towards -10: -10 + 30 / e.
        Assert.That(model.BoardCelsius, Is.EqualTo(-10 + (30 / Math.E)).Within(1e-12));
    }

    [Test]
    public void Advance_ManyTimeConstants_SettlesAtEquilibrium()
    {
        var model = new ThermalModel(new ThermalSpec());

        model.Advance(Tau * 40, sunlit: true, dissipatedWatts: 4);

        Assert.That(model.BoardCelsius, Is.EqualTo(27.0).Within(1e-9));
    }

    [Test]
    public void Advance_InTwoHalves_EqualsOneWholeStep()
    {
        var whole = new ThermalModel(new ThermalSpec());
        var halves = new ThermalModel(new ThermalSpec());

        whole.Advance(TimeSpan.FromMinutes(30), true, 7);
        halves.Advance(TimeSpan.FromMinutes(15), true, 7);
        halves.Advance(TimeSpan.FromMinutes(15), true, 7);

        Assert.That(halves.BoardCelsius, Is.EqualTo(whole.BoardCelsius).Within(1e-12));
    }

    [Test]
    public void Advance_ZeroDuration_ChangesNothing()
    {
        var model = new ThermalModel(new ThermalSpec());

        model.Advance(TimeSpan.Zero, true, 100);

        Assert.That(model.BoardCelsius, Is.EqualTo(20.0));
    }

    [Test]
    public void Advance_InvalidArguments_Throw()
    {
        var model = new ThermalModel(new ThermalSpec());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(() => model.Advance(TimeSpan.FromTicks(-1), true, 0), Throws.TypeOf<ArgumentOutOfRangeException>());
            Assert.That(() => model.Advance(Tau, true, double.NaN), Throws.TypeOf<ArgumentOutOfRangeException>());
        }
    }
}
