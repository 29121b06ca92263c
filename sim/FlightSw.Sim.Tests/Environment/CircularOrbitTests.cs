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

    [Test]
    public void Equality_DifferentInclination_IsADifferentOrbit()
    {
        Assert.That(CircularOrbit.Leo500 with { InclinationDegrees = 51.6 }, Is.Not.EqualTo(CircularOrbit.Leo500));
    }

    [Test]
    public void Constructor_Defaults_AreAnEquatorialOrbitWithTheSunInThePlane()
    {
        var orbit = new CircularOrbit(500);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(orbit.InclinationDegrees, Is.Zero);
            Assert.That(orbit.BetaDegrees, Is.Zero);
            Assert.That(orbit.SunArgumentOfLatitudeDegrees, Is.Zero);
            Assert.That(orbit.AscendingNodeLongitudeDegrees, Is.Zero);
            Assert.That(orbit.ArgumentOfLatitudeAtEpochDegrees, Is.Zero);
        }
    }

    [TestCase(0.0)]
    [TestCase(-1.0)]
    [TestCase(double.NaN)]
    [TestCase(double.PositiveInfinity)]
    public void Constructor_AltitudeNotAboveZero_ThrowsWithAClearMessage(double km)
    {
        Assert.That(
            () => new CircularOrbit(km),
            Throws.TypeOf<ArgumentOutOfRangeException>()
                .With.Message.Contains("Altitude must be a finite number of km above zero")
                .And.Property("ParamName").EqualTo("AltitudeKm"));
    }

    [Test]
    public void With_AltitudeNotAboveZero_ThrowsWithAClearMessage()
    {
        Assert.That(
            () => CircularOrbit.Leo500 with { AltitudeKm = -500 },
            Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contains("Altitude must be a finite number of km above zero"));
    }

    [TestCase(-0.1)]
    [TestCase(180.1)]
    public void InclinationDegrees_OutsideZeroTo180_ThrowsWithAClearMessage(double degrees)
    {
        Assert.That(
            () => CircularOrbit.Leo500 with { InclinationDegrees = degrees },
            Throws.TypeOf<ArgumentOutOfRangeException>()
                .With.Message.Contains("Inclination must be between 0 and 180 degrees")
                .And.Property("ParamName").EqualTo("InclinationDegrees"));
    }

    [TestCase(-90.1)]
    [TestCase(90.1)]
    public void BetaDegrees_OutsideMinus90To90_ThrowsWithAClearMessage(double degrees)
    {
        Assert.That(
            () => CircularOrbit.Leo500 with { BetaDegrees = degrees },
            Throws.TypeOf<ArgumentOutOfRangeException>()
                .With.Message.Contains("Beta must be between -90 and 90 degrees")
                .And.Property("ParamName").EqualTo("BetaDegrees"));
    }

    [Test]
    public void AngleProperties_NotFinite_ThrowWithAClearMessage()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(() => CircularOrbit.Leo500 with { BetaDegrees = double.NaN }, Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contains("Beta must be a finite number of degrees"));
            Assert.That(() => CircularOrbit.Leo500 with { SunArgumentOfLatitudeDegrees = double.NaN }, Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contains("Sun argument of latitude must be a finite number of degrees"));
            Assert.That(() => CircularOrbit.Leo500 with { AscendingNodeLongitudeDegrees = double.PositiveInfinity }, Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contains("Ascending node longitude must be a finite number of degrees"));
            Assert.That(() => CircularOrbit.Leo500 with { ArgumentOfLatitudeAtEpochDegrees = double.NegativeInfinity }, Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contains("Argument of latitude at epoch must be a finite number of degrees"));
        }
    }

    [Test]
    public void EclipseDuration_Leo500BetaZero_Is35Point75MinutesOr37Point8Percent()
    {
        var orbit = CircularOrbit.Leo500;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(orbit.Period.TotalMinutes, Is.EqualTo(94.6).Within(0.1));
            Assert.That(orbit.EclipseDuration.TotalMinutes, Is.EqualTo(35.75).Within(0.1));
            Assert.That(Math.Round(orbit.EclipseFraction * 100, 1), Is.EqualTo(37.8));
        }
    }

    [Test]
    public void EclipseFraction_BetaZero_IsTheArchitectureFormula()
    {
        // ARCHITECTURE.md: f = 1/2 - arccos(R/(R+h))/pi at beta = 0.
        double ratio = CircularOrbit.EarthRadiusMeters / (CircularOrbit.EarthRadiusMeters + 500_000.0);

        Assert.That(CircularOrbit.Leo500.EclipseFraction, Is.EqualTo(0.5 - (Math.Acos(ratio) / Math.PI)).Within(1e-12));
    }

    [Test]
    public void CriticalBetaDegrees_Leo500_Is68Degrees()
    {
        Assert.That(CircularOrbit.Leo500.CriticalBetaDegrees, Is.EqualTo(68.0).Within(0.1));
    }

    [TestCase(68.1)]
    [TestCase(-68.1)]
    [TestCase(75.0)]
    [TestCase(90.0)]
    public void EclipseDuration_BetaAboveCritical_IsZeroAndNeverInShadow(double beta)
    {
        var orbit = CircularOrbit.Leo500 with { BetaDegrees = beta };

        using (Assert.EnterMultipleScope())
        {
            Assert.That(orbit.EclipseFraction, Is.Zero);
            Assert.That(orbit.EclipseDuration, Is.EqualTo(TimeSpan.Zero));
            Assert.That(SecondsInShadow(orbit, orbit.Period), Is.Zero);
            Assert.That(orbit.NextEclipse(TimeSpan.Zero), Is.Null);
        }
    }

    [Test]
    public void EclipseDuration_BetaJustBelowCritical_IsShortButNotZero()
    {
        var orbit = CircularOrbit.Leo500 with { BetaDegrees = 67.9 };

        Assert.That(orbit.EclipseDuration, Is.GreaterThan(TimeSpan.Zero).And.LessThan(TimeSpan.FromMinutes(10)));
    }

    [Test]
    public void EclipseDuration_GrowingAbsoluteBeta_ShrinksMonotonically()
    {
        var durations = Enumerable.Range(0, 70)
            .Select(beta => (CircularOrbit.Leo500 with { BetaDegrees = beta }).EclipseDuration)
            .ToArray();
        var southern = Enumerable.Range(0, 70)
            .Select(beta => (CircularOrbit.Leo500 with { BetaDegrees = -beta }).EclipseDuration)
            .ToArray();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(durations, Is.Ordered.Descending);
            Assert.That(durations.Zip(durations.Skip(1)).All(pair => pair.First > pair.Second || pair.Second == TimeSpan.Zero), Is.True, "strictly shrinking until zero");
            Assert.That(durations[68], Is.GreaterThan(TimeSpan.Zero), "68 deg is just below the critical 68.02 deg");
            Assert.That(durations[69], Is.EqualTo(TimeSpan.Zero));
            Assert.That(southern, Is.EqualTo(durations), "symmetric in the sign of beta");
        }
    }

    [TestCase(0.0, 0.0, 0.0)]
    [TestCase(30.0, 75.0, 10.0)]
    [TestCase(-55.0, 200.0, 123.0)]
    public void IsInEclipse_IntegratedOverOneOrbit_MatchesEclipseDuration(double beta, double sunU, double u0)
    {
        var orbit = CircularOrbit.Leo500 with { BetaDegrees = beta, SunArgumentOfLatitudeDegrees = sunU, ArgumentOfLatitudeAtEpochDegrees = u0 };

        Assert.That(SecondsInShadow(orbit, orbit.Period), Is.EqualTo(orbit.EclipseDuration.TotalSeconds).Within(2.0));
    }

    [Test]
    public void IsInEclipse_SunAtTheNode_ShadowIsCentredHalfAnOrbitLater()
    {
        var orbit = CircularOrbit.Leo500;
        var half = orbit.Period / 2;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(orbit.IsInEclipse(TimeSpan.Zero), Is.False, "facing the Sun");
            Assert.That(orbit.IsInEclipse(half), Is.True, "behind the Earth");
            Assert.That(orbit.IsInEclipse(orbit.Period / 4), Is.False, "over the terminator");
        }
    }

    [TestCase(0.0, 0.0, 0.0, 0.0)]
    [TestCase(40.0, 90.0, 30.0, 1000.0)]
    [TestCase(-20.0, 300.0, 250.0, 86_400.0)]
    public void NextEclipse_AnyOrbit_BracketsTheIsInEclipseTransitions(double beta, double sunU, double u0, double afterSeconds)
    {
        var orbit = CircularOrbit.Leo500 with { BetaDegrees = beta, SunArgumentOfLatitudeDegrees = sunU, ArgumentOfLatitudeAtEpochDegrees = u0 };
        var after = TimeSpan.FromSeconds(afterSeconds);
        var oneMs = TimeSpan.FromMilliseconds(1);

        var (entry, exit) = orbit.NextEclipse(after)!.Value;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(entry, Is.GreaterThanOrEqualTo(after).And.LessThan(after + orbit.Period));
            Assert.That(orbit.IsInEclipse(entry - oneMs), Is.False, "before entry");
            Assert.That(orbit.IsInEclipse(entry), Is.True, "at entry");
            Assert.That(orbit.IsInEclipse(exit - oneMs), Is.True, "before exit");
            Assert.That(orbit.IsInEclipse(exit), Is.False, "at exit");
            Assert.That((exit - entry).TotalMilliseconds, Is.EqualTo(orbit.EclipseDuration.TotalMilliseconds).Within(2.0));
        }
    }

    [Test]
    public void NextEclipse_AfterAnEntry_ReturnsThatEclipseThenTheNextOrbits()
    {
        var orbit = CircularOrbit.Leo500 with { BetaDegrees = 10 };

        var (entry, exit) = orbit.NextEclipse(TimeSpan.Zero)!.Value;
        var same = orbit.NextEclipse(entry)!.Value;
        var next = orbit.NextEclipse(entry + TimeSpan.FromMilliseconds(1))!.Value;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(same, Is.EqualTo((entry, exit)));
            Assert.That((next.Entry - entry).TotalMilliseconds, Is.EqualTo(orbit.Period.TotalMilliseconds).Within(1.0));
            Assert.That((next.Exit - exit).TotalMilliseconds, Is.EqualTo(orbit.Period.TotalMilliseconds).Within(1.0));
        }
    }

    [Test]
    public void NextEclipse_OverADay_AgreesWithOneSecondSampling()
    {
        var orbit = CircularOrbit.Leo500 with { BetaDegrees = 25, SunArgumentOfLatitudeDegrees = 40 };
        var day = TimeSpan.FromDays(1);
        double fromIntervals = 0;
        var cursor = TimeSpan.Zero;
        while (orbit.NextEclipse(cursor) is var (entry, exit) && exit <= day)
        {
            fromIntervals += (exit - entry).TotalSeconds;
            cursor = exit;
        }

        Assert.That(fromIntervals, Is.EqualTo(SecondsInShadow(orbit, day)).Within(40.0), "about 15 whole eclipses, each within a second or two");
    }

    [TestCase(51.6)]
    [TestCase(98.0)]
    [TestCase(10.0)]
    public void SubSatellitePoint_OverADay_LatitudeReachesButNeverExceedsTheInclination(double inclination)
    {
        var orbit = CircularOrbit.Leo500 with { InclinationDegrees = inclination };
        double highest = inclination <= 90 ? inclination : 180 - inclination;
        var points = Samples(orbit, TimeSpan.FromDays(1), TimeSpan.FromSeconds(10)).ToArray();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(points.Max(p => Math.Abs(p.LatitudeDegrees)), Is.LessThanOrEqualTo(highest + 1e-9).And.GreaterThan(highest - 0.1));
            Assert.That(points.Max(p => p.LatitudeDegrees), Is.GreaterThan(highest - 0.1));
            Assert.That(points.Min(p => p.LatitudeDegrees), Is.LessThan(-highest + 0.1));
            Assert.That(points.All(p => p.LongitudeDegrees is >= -180 and < 180), Is.True);
        }
    }

    [Test]
    public void SubSatellitePoint_QuarterOrbitOfAPolarOrbit_IsOverTheNorthPole()
    {
        var orbit = CircularOrbit.Leo500 with { InclinationDegrees = 90 };

        Assert.That(orbit.SubSatellitePoint(orbit.Period / 4).LatitudeDegrees, Is.EqualTo(90.0).Within(1e-6));
    }

    [Test]
    public void SubSatellitePoint_AtEpoch_IsTheAscendingNode()
    {
        var orbit = CircularOrbit.Leo500 with { InclinationDegrees = 51.6, AscendingNodeLongitudeDegrees = -70 };

        var point = orbit.SubSatellitePoint(TimeSpan.Zero);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(point.LatitudeDegrees, Is.Zero);
            Assert.That(point.LongitudeDegrees, Is.EqualTo(-70.0).Within(1e-9));
        }
    }

    [Test]
    public void SubSatellitePoint_OneOrbitLater_NodeHasMovedWestByTheEarthsRotation()
    {
        var orbit = CircularOrbit.Leo500 with { InclinationDegrees = 51.6, AscendingNodeLongitudeDegrees = 10 };
        double expectedShift = CircularOrbit.EarthRotationRadiansPerSecond * orbit.Period.TotalSeconds * 180 / Math.PI;

        var point = orbit.SubSatellitePoint(orbit.Period);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(expectedShift, Is.EqualTo(23.7).Within(0.1), "about 23.7 degrees per 94.6 min orbit");
            Assert.That(point.LatitudeDegrees, Is.EqualTo(0.0).Within(1e-9));
            Assert.That(point.LongitudeDegrees, Is.EqualTo(10 - expectedShift).Within(1e-6));
        }
    }

    [Test]
    public void Queries_SameInputs_SameOutputs()
    {
        var first = CircularOrbit.Leo500 with { InclinationDegrees = 51.6, BetaDegrees = 20, SunArgumentOfLatitudeDegrees = 33, AscendingNodeLongitudeDegrees = -40, ArgumentOfLatitudeAtEpochDegrees = 12 };
        var second = CircularOrbit.Leo500 with { InclinationDegrees = 51.6, BetaDegrees = 20, SunArgumentOfLatitudeDegrees = 33, AscendingNodeLongitudeDegrees = -40, ArgumentOfLatitudeAtEpochDegrees = 12 };

        using (Assert.EnterMultipleScope())
        {
            Assert.That(second, Is.EqualTo(first));
            Assert.That(Samples(second, TimeSpan.FromHours(6), TimeSpan.FromSeconds(7)), Is.EqualTo(Samples(first, TimeSpan.FromHours(6), TimeSpan.FromSeconds(7))));
            Assert.That(second.NextEclipse(TimeSpan.FromHours(3)), Is.EqualTo(first.NextEclipse(TimeSpan.FromHours(3))));
            Assert.That(second.EclipseDuration, Is.EqualTo(first.EclipseDuration));
        }
    }

    private static int SecondsInShadow(CircularOrbit orbit, TimeSpan span)
    {
        int seconds = 0;
        for (var t = TimeSpan.Zero; t < span; t += TimeSpan.FromSeconds(1))
        {
            if (orbit.IsInEclipse(t))
            {
                seconds++;
            }
        }

        return seconds;
    }

    private static IEnumerable<GroundPoint> Samples(CircularOrbit orbit, TimeSpan span, TimeSpan step)
    {
        for (var t = TimeSpan.Zero; t < span; t += step)
        {
            yield return orbit.SubSatellitePoint(t);
        }
    }
}
