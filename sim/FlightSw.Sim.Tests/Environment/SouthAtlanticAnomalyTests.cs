using FlightSw.Sim.Environment;

namespace FlightSw.Sim.Tests.Environment;

public class SouthAtlanticAnomalyTests
{
    [TestCase(-26.0, -50.0)]
    [TestCase(-25.0, -25.0)]
    [TestCase(-30.0, -80.0)]
    [TestCase(-30.0, 25.0)]
    [TestCase(-5.0, -30.0)]
    public void Contains_PointInTheAnomaly_IsTrue(double latitude, double longitude)
    {
        Assert.That(SouthAtlanticAnomaly.Contains(new GroundPoint(latitude, longitude)), Is.True);
    }

    [TestCase(10.0, -50.0)]
    [TestCase(-60.0, -50.0)]
    [TestCase(-26.0, 100.0)]
    [TestCase(-26.0, -120.0)]
    [TestCase(-26.0, 179.0)]
    [TestCase(45.0, 7.0)]
    public void Contains_PointOutsideTheAnomaly_IsFalse(double latitude, double longitude)
    {
        Assert.That(SouthAtlanticAnomaly.Contains(new GroundPoint(latitude, longitude)), Is.False);
    }

    [TestCase(0.0, -25.0)]
    [TestCase(-50.0, -25.0)]
    [TestCase(-25.0, -90.0)]
    [TestCase(-25.0, 40.0)]
    public void Contains_PointOnTheBoundary_IsFalse(double latitude, double longitude)
    {
        Assert.That(SouthAtlanticAnomaly.Contains(new GroundPoint(latitude, longitude)), Is.False);
    }

    [Test]
    public void Contains_LongitudeOutsideTheNormalRange_IsWrapped()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(SouthAtlanticAnomaly.Contains(new GroundPoint(-26, 310)), Is.True, "310 E is 50 W");
            Assert.That(SouthAtlanticAnomaly.Contains(new GroundPoint(-26, -410)), Is.True, "-410 E is 50 W");
        }
    }

    [Test]
    public void Contains_EquatorialOrbitOverADay_IsNeverInside()
    {
        // The footprint's northern tip only touches the equator, and the boundary is outside.
        var orbit = CircularOrbit.Leo500;

        Assert.That(SecondsInside(orbit, TimeSpan.FromDays(1)), Is.Zero);
    }

    [Test]
    public void Contains_LowInclinationOrbitOverADay_IsSometimesInside()
    {
        var orbit = CircularOrbit.Leo500 with { InclinationDegrees = 10 };

        Assert.That(SecondsInside(orbit, TimeSpan.FromDays(1)), Is.GreaterThan(0));
    }

    [TestCase(0.0)]
    [TestCase(90.0)]
    [TestCase(-120.0)]
    public void Contains_IssLikeOrbitOverADay_InsideAFewPercentOfTheTime(double node)
    {
        // A 51.6 degree orbit crosses the anomaly on about a third of its ~15 orbits a day for
        // a few to ~15 minutes each: several percent of the day. This outer-contour footprint
        // gives about 11 %; 5..15 % brackets that without depending on the node.
        var orbit = CircularOrbit.Leo500 with { InclinationDegrees = 51.6, AscendingNodeLongitudeDegrees = node };

        double fraction = SecondsInside(orbit, TimeSpan.FromDays(1)) / TimeSpan.FromDays(1).TotalSeconds;

        Assert.That(fraction, Is.InRange(0.05, 0.15));
    }

    [Test]
    public void Contains_SameOrbitTwice_SameSecondsInside()
    {
        var orbit = CircularOrbit.Leo500 with { InclinationDegrees = 51.6, AscendingNodeLongitudeDegrees = 33 };

        int first = SecondsInside(orbit, TimeSpan.FromHours(12));
        int second = SecondsInside(orbit, TimeSpan.FromHours(12));

        Assert.That(second, Is.EqualTo(first));
    }

    private static int SecondsInside(CircularOrbit orbit, TimeSpan span)
    {
        int seconds = 0;
        for (var t = TimeSpan.Zero; t < span; t += TimeSpan.FromSeconds(1))
        {
            if (SouthAtlanticAnomaly.Contains(orbit.SubSatellitePoint(t)))
            {
                seconds++;
            }
        }

        return seconds;
    }
}
