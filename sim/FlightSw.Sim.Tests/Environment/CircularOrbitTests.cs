using FlightSw.Sim.Environment;

namespace FlightSw.Sim.Tests.Environment;

public class CircularOrbitTests
{
    [Test]
    public void Period_Leo500_Is94Point6Minutes()
    {
        var period = CircularOrbit.Leo500.Period;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(period.TotalSeconds, Is.InRange(5676.0, 5678.0));
            Assert.That(Math.Round(period.TotalMinutes, 1), Is.EqualTo(94.6));
            Assert.That(CircularOrbit.Leo500.AltitudeKm, Is.EqualTo(500.0));
        }
    }

    [Test]
    public void Period_Leo500_Gives15Point2OrbitsPerDay()
    {
        double orbitsPerDay = TimeSpan.FromDays(1) / CircularOrbit.Leo500.Period;

        Assert.That(Math.Round(orbitsPerDay, 1), Is.EqualTo(15.2));
    }

    [Test]
    public void Period_GeostationaryAltitude_IsOneSiderealDay()
    {
        // 35,786 km above the equator: one sidereal day, 86,164.1 s.
        var period = new CircularOrbit(35786).Period;

        Assert.That(period.TotalSeconds, Is.EqualTo(86164.1).Within(5.0));
    }

    [Test]
    public void Period_HigherOrbit_IsLonger()
    {
        Assert.That(new CircularOrbit(800).Period, Is.GreaterThan(new CircularOrbit(400).Period));
    }

    [Test]
    public void Period_AnyAltitude_IsRoundedToTheMillisecond()
    {
        var period = new CircularOrbit(537.123).Period;

        Assert.That(period.Ticks % TimeSpan.TicksPerMillisecond, Is.Zero);
    }

    [Test]
    public void Equality_SameAltitude_IsTheSameOrbit()
    {
        Assert.That(new CircularOrbit(500), Is.EqualTo(CircularOrbit.Leo500));
    }
}
