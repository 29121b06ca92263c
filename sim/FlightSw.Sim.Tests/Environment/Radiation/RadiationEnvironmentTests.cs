using FlightSw.Sim.Environment;
using FlightSw.Sim.Environment.Radiation;
using FlightSw.Sim.Faults;
using FlightSw.Sim.Time;

namespace FlightSw.Sim.Tests.Environment.Radiation;

public class RadiationEnvironmentTests
{
    /// <summary>An inclined orbit that crosses the South Atlantic Anomaly several times a day.</summary>
    private static readonly CircularOrbit Inclined = CircularOrbit.Leo500 with { InclinationDegrees = 51.6 };

    /// <summary>An equatorial orbit only touches the anomaly's footprint: the SAA factor never applies.</summary>
    private static readonly CircularOrbit Equatorial = CircularOrbit.Leo500;

    private static readonly TimeSpan Step = RadiationEnvironment.UpdateInterval;

    [Test]
    public void Constructor_NullArgument_ThrowsArgumentNullException()
    {
        var clock = new VirtualClock();
        using var upsets = Injector(clock);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(() => new RadiationEnvironment(null!, Equatorial, new(), [], upsets, 1), Throws.ArgumentNullException);
            Assert.That(() => new RadiationEnvironment(clock, null!, new(), [], upsets, 1), Throws.ArgumentNullException);
            Assert.That(() => new RadiationEnvironment(clock, Equatorial, null!, [], upsets, 1), Throws.ArgumentNullException);
            Assert.That(() => new RadiationEnvironment(clock, Equatorial, new(), null!, upsets, 1), Throws.ArgumentNullException);
            Assert.That(() => new RadiationEnvironment(clock, Equatorial, new(), [], null!, 1), Throws.ArgumentNullException);
        }
    }

    [Test]
    public void Constructor_NotStarted_NothingHappens()
    {
        var clock = new VirtualClock();
        using var upsets = Injector(clock);
        using var radiation = new RadiationEnvironment(clock, Inclined, new RadiationSpec(), [], upsets, seed: 1);
        int updates = 0;
        radiation.Updated += () => updates++;

        clock.RunFor(TimeSpan.FromDays(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(updates, Is.Zero);
            Assert.That(radiation.DoseRad, Is.Zero);
            Assert.That(radiation.Multiplier, Is.EqualTo(1));
            Assert.That(clock.ArmedTimers, Is.Zero);
        }
    }

    [Test]
    public void Multiplier_InclinedOrbitNoEvents_IsTheSaaMultiplierInsideAndOneOutside()
    {
        var clock = new VirtualClock();
        using var upsets = Injector(clock);
        var spec = new RadiationSpec { SaaMultiplier = 30 };
        using var radiation = new RadiationEnvironment(clock, Inclined, spec, [], upsets, seed: 1);
        var samples = new List<(bool Inside, bool InSaa, double Multiplier, double UpsetFactor)>();
        radiation.Updated += () => samples.Add((
            SouthAtlanticAnomaly.Contains(Inclined.SubSatellitePoint(clock.Elapsed)),
            radiation.InSaa,
            radiation.Multiplier,
            upsets.RateMultiplier));

        radiation.Start();
        clock.RunFor(TimeSpan.FromDays(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(samples.Count(s => s.Inside), Is.GreaterThan(100), "the orbit spends time inside the anomaly");
            Assert.That(samples.Count(s => !s.Inside), Is.GreaterThan(100), "and outside it");
            Assert.That(samples.Select(s => s.InSaa), Is.EqualTo(samples.Select(s => s.Inside)));
            Assert.That(samples.Select(s => s.Multiplier), Is.EqualTo(samples.Select(s => s.Inside ? 30.0 : 1.0)));
            Assert.That(samples.Select(s => s.UpsetFactor), Is.EqualTo(samples.Select(s => s.Multiplier)), "the upset injector follows");
            Assert.That(radiation.PeakMultiplier, Is.EqualTo(30));
        }
    }

    [Test]
    public void Multiplier_EquatorialOrbitNoEvents_StaysOne()
    {
        var clock = new VirtualClock();
        using var upsets = Injector(clock);
        using var radiation = new RadiationEnvironment(clock, Equatorial, new RadiationSpec(), [], upsets, seed: 1);
        var multipliers = new List<double>();
        radiation.Updated += () => multipliers.Add(radiation.Multiplier);

        radiation.Start();
        clock.RunFor(TimeSpan.FromDays(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(multipliers, Has.All.EqualTo(1.0));
            Assert.That(radiation.SaaPasses, Is.Zero);
            Assert.That(radiation.InSaa, Is.False);
        }
    }

    [Test]
    public void Multiplier_SolarParticleEvent_FollowsTheEventsExcess()
    {
        var clock = new VirtualClock();
        using var upsets = Injector(clock);
        var storm = new SolarParticleEvent(TimeSpan.FromHours(1), PeakMultiplier: 100, RiseTime: TimeSpan.FromHours(1), DecayTime: TimeSpan.FromHours(2));
        using var radiation = new RadiationEnvironment(clock, Equatorial, new RadiationSpec(), [storm], upsets, seed: 1);
        var samples = new List<(TimeSpan At, double Multiplier, double UpsetFactor)>();
        radiation.Updated += () => samples.Add((clock.Elapsed, radiation.Multiplier, upsets.RateMultiplier));

        radiation.Start();
        clock.RunFor(TimeSpan.FromHours(24));

        var peak = samples.Single(s => s.At == TimeSpan.FromHours(2));
        var halfway = samples.Single(s => s.At == TimeSpan.FromMinutes(90));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(samples.Select(s => s.Multiplier), Is.EqualTo(samples.Select(s => 1 + storm.ExcessAt(s.At))));
            Assert.That(samples.Select(s => s.UpsetFactor), Is.EqualTo(samples.Select(s => s.Multiplier)), "the upset injector follows");
            Assert.That(samples.Where(s => s.At <= storm.Onset).Select(s => s.Multiplier), Has.All.EqualTo(1.0), "quiet before the onset");
            Assert.That(halfway.Multiplier, Is.EqualTo(50.5).Within(1e-9), "linear rise: halfway to the peak excess");
            Assert.That(peak.Multiplier, Is.EqualTo(100).Within(1e-9));
            Assert.That(samples.Single(s => s.At == TimeSpan.FromHours(4)).Multiplier, Is.EqualTo(1 + (99 * Math.Exp(-1))).Within(1e-9), "one e-folding after the peak");
            Assert.That(samples.Where(s => s.At >= storm.End).Select(s => s.Multiplier - 1), Has.All.LessThan(0.001 * 99), "over: under 0.1 % of the peak excess");
            Assert.That(radiation.PeakMultiplier, Is.EqualTo(100).Within(1e-9));
        }
    }

    [Test]
    public void Multiplier_SolarEventInsideTheSaa_IsTheSaaFactorPlusTheEventsExcess()
    {
        var clock = new VirtualClock();
        using var upsets = Injector(clock);
        var storm = new SolarParticleEvent(TimeSpan.Zero, PeakMultiplier: 5, RiseTime: TimeSpan.FromMinutes(1), DecayTime: TimeSpan.FromDays(10_000));
        using var radiation = new RadiationEnvironment(clock, Inclined, new RadiationSpec { SaaMultiplier = 30 }, [storm], upsets, seed: 1);
        var samples = new List<(TimeSpan At, bool InSaa, double Multiplier, double Expected)>();
        radiation.Updated += () => samples.Add((clock.Elapsed, radiation.InSaa, radiation.Multiplier, (radiation.InSaa ? 30 : 1) + storm.ExcessAt(clock.Elapsed)));

        radiation.Start();
        clock.RunFor(TimeSpan.FromDays(1));

        using (Assert.EnterMultipleScope())
        {
            // Trapped-belt protons and solar protons add: 30 inside plus the excess of 4, not 30 x 5.
            Assert.That(samples.Select(s => s.Multiplier), Is.EqualTo(samples.Select(s => s.Expected)));
            var afterRise = samples.Where(s => s.At >= storm.Onset + storm.RiseTime).ToList();
            Assert.That(afterRise.Where(s => s.InSaa).Select(s => s.Multiplier), Has.All.EqualTo(34).Within(1e-3));
            Assert.That(afterRise.Where(s => !s.InSaa).Select(s => s.Multiplier), Has.All.EqualTo(5).Within(1e-3));
        }
    }

    [Test]
    public void DoseRad_NoEvents_IsTheDoseRateTimesTheDays()
    {
        var clock = new VirtualClock();
        using var upsets = Injector(clock);
        using var radiation = new RadiationEnvironment(clock, Inclined, new RadiationSpec { DoseRadPerDay = 5, SaaMultiplier = 30 }, [], upsets, seed: 1);

        radiation.Start();
        clock.RunFor(TimeSpan.FromDays(3));

        Assert.That(radiation.DoseRad, Is.EqualTo(15).Within(1e-9), "the SAA factor does not scale the orbit-average dose");
    }

    [Test]
    public void DoseRad_SolarParticleEvent_IsScaledByTheSolarFactor()
    {
        var clock = new VirtualClock();
        using var upsets = Injector(clock);
        var onset = TimeSpan.FromHours(2);
        var rise = TimeSpan.FromHours(1);
        var decay = TimeSpan.FromHours(3);
        var storm = new SolarParticleEvent(onset, PeakMultiplier: 21, rise, decay);
        using var radiation = new RadiationEnvironment(clock, Equatorial, new RadiationSpec { DoseRadPerDay = 5 }, [storm], upsets, seed: 1);
        var run = TimeSpan.FromDays(2);

        radiation.Start();
        clock.RunFor(run);

        // Integral of (1 + excess) over the run: the quiet days plus the triangle of the rise and the decay's area.
        double excessDays = 20 * ((rise.TotalDays / 2) + (decay.TotalDays * (1 - Math.Exp(-(run - onset - rise) / decay))));
        double expected = 5 * (run.TotalDays + excessDays);
        Assert.That(radiation.DoseRad, Is.EqualTo(expected).Within(0.5).Percent);
        Assert.That(radiation.DoseRad, Is.GreaterThan(5 * run.TotalDays * 1.5), "the storm adds a good share");
    }

    [Test]
    public void LatchUpDue_FiftyPerDayForTwentyDays_ArriveAtAboutTheRate()
    {
        var (latchUps, interrupts) = Arrivals(new RadiationSpec { LatchUpsPerDay = 50, FunctionalInterruptsPerDay = 50 }, Equatorial, [], seed: 3, TimeSpan.FromDays(20));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(latchUps, Has.Count.InRange(PoissonLow(1000), PoissonHigh(1000)));
            Assert.That(interrupts, Has.Count.InRange(PoissonLow(1000), PoissonHigh(1000)));
        }
    }

    [Test]
    public void LatchUpDue_SpreadOverTheRun_NotBunched()
    {
        var (latchUps, _) = Arrivals(new RadiationSpec { LatchUpsPerDay = 50 }, Equatorial, [], seed: 4, TimeSpan.FromDays(20));

        var perDay = latchUps.GroupBy(l => (int)l.At.TotalDays).ToDictionary(g => g.Key, g => g.Count());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(perDay.Keys, Is.EquivalentTo(Enumerable.Range(0, 20)), "every day has some");
            Assert.That(perDay.Values, Has.All.InRange(PoissonLow(50), PoissonHigh(50)));
            Assert.That(latchUps.Select(l => l.At.Ticks % Step.Ticks), Has.All.Zero, "they happen at the updates");
        }
    }

    [Test]
    public void LatchUpDue_StepAmps_IsTheSpecs()
    {
        var (latchUps, _) = Arrivals(new RadiationSpec { LatchUpsPerDay = 50, LatchUpStepAmps = 0.75 }, Equatorial, [], seed: 5, TimeSpan.FromDays(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(latchUps, Is.Not.Empty);
            Assert.That(latchUps.Select(l => l.Amps), Has.All.EqualTo(0.75));
        }
    }

    [Test]
    public void LatchUpDue_SolarFactorOfEleven_ScalesTheRate()
    {
        // Peak 11 from the start, decaying over 10 000 days: a factor of 11 throughout.
        var storm = new SolarParticleEvent(TimeSpan.Zero, PeakMultiplier: 11, RiseTime: TimeSpan.FromSeconds(1), DecayTime: TimeSpan.FromDays(10_000));
        var spec = new RadiationSpec { LatchUpsPerDay = 5, FunctionalInterruptsPerDay = 5 };

        var (quietLatchUps, quietInterrupts) = Arrivals(spec, Equatorial, [], seed: 6, TimeSpan.FromDays(20));
        var (stormLatchUps, stormInterrupts) = Arrivals(spec, Equatorial, [storm], seed: 6, TimeSpan.FromDays(20));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(quietLatchUps, Has.Count.InRange(PoissonLow(100), PoissonHigh(100)));
            Assert.That(quietInterrupts, Has.Count.InRange(PoissonLow(100), PoissonHigh(100)));
            Assert.That(stormLatchUps, Has.Count.InRange(PoissonLow(1100), PoissonHigh(1100)));
            Assert.That(stormInterrupts, Has.Count.InRange(PoissonLow(1100), PoissonHigh(1100)));
        }
    }

    [Test]
    public void LatchUpDue_InclinedOrbit_FollowsTheIntegratedSaaFactor()
    {
        var clock = new VirtualClock();
        using var upsets = Injector(clock);
        var spec = new RadiationSpec { LatchUpsPerDay = 5, SaaMultiplier = 30 };
        using var radiation = new RadiationEnvironment(clock, Inclined, spec, [], upsets, seed: 7);
        int latchUps = 0;
        double factorDays = 0;
        double heldFactor = 1;
        radiation.LatchUpDue += _ => latchUps++;
        radiation.Updated += () =>
        {
            factorDays += heldFactor * Step.TotalDays;
            heldFactor = radiation.Multiplier;
        };

        radiation.Start();
        clock.RunFor(TimeSpan.FromDays(20));

        double expected = 5 * factorDays;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(expected, Is.GreaterThan(2 * 5 * 20), "the anomaly at least doubles the orbit-average rate");
            Assert.That(latchUps, Is.InRange(PoissonLow(expected), PoissonHigh(expected)));
        }
    }

    [Test]
    public void FunctionalInterruptDue_BoardHangFraction_SplitsTheKinds()
    {
        var (_, half) = Arrivals(new RadiationSpec { FunctionalInterruptsPerDay = 50, BoardHangFraction = 0.5 }, Equatorial, [], seed: 8, TimeSpan.FromDays(20));
        var (_, allBoard) = Arrivals(new RadiationSpec { FunctionalInterruptsPerDay = 50, BoardHangFraction = 1 }, Equatorial, [], seed: 8, TimeSpan.FromDays(2));
        var (_, allThread) = Arrivals(new RadiationSpec { FunctionalInterruptsPerDay = 50, BoardHangFraction = 0 }, Equatorial, [], seed: 8, TimeSpan.FromDays(2));

        int boardHangs = half.Count(i => i.Kind == FunctionalInterruptKind.Board);
        using (Assert.EnterMultipleScope())
        {
            // Binomial(n, 0.5): sd = sqrt(n) / 2; five of them either way.
            Assert.That(boardHangs, Is.InRange((half.Count / 2) - (2.5 * Math.Sqrt(half.Count)), (half.Count / 2) + (2.5 * Math.Sqrt(half.Count))));
            Assert.That(allBoard, Is.Not.Empty);
            Assert.That(allBoard.Select(i => i.Kind), Has.All.EqualTo(FunctionalInterruptKind.Board));
            Assert.That(allThread, Is.Not.Empty);
            Assert.That(allThread.Select(i => i.Kind), Has.All.EqualTo(FunctionalInterruptKind.Thread));
        }
    }

    [Test]
    public void LatchUpDue_RatesZero_NeverRaised()
    {
        var (latchUps, interrupts) = Arrivals(new RadiationSpec(), Inclined, [], seed: 9, TimeSpan.FromDays(20));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(latchUps, Is.Empty);
            Assert.That(interrupts, Is.Empty);
        }
    }

    [Test]
    public void Arrivals_SameSeed_IdenticalSequences()
    {
        var storm = new SolarParticleEvent(TimeSpan.FromHours(6), 50, TimeSpan.FromHours(1), TimeSpan.FromHours(4));
        var spec = new RadiationSpec { LatchUpsPerDay = 10, FunctionalInterruptsPerDay = 10 };

        var first = Arrivals(spec, Inclined, [storm], seed: 10, TimeSpan.FromDays(3));
        var second = Arrivals(spec, Inclined, [storm], seed: 10, TimeSpan.FromDays(3));
        var other = Arrivals(spec, Inclined, [storm], seed: 11, TimeSpan.FromDays(3));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.LatchUps, Is.Not.Empty);
            Assert.That(first.Interrupts, Is.Not.Empty);
            Assert.That(second.LatchUps, Is.EqualTo(first.LatchUps));
            Assert.That(second.Interrupts, Is.EqualTo(first.Interrupts));
            Assert.That(other.LatchUps, Is.Not.EqualTo(first.LatchUps), "another seed, other arrivals");
        }
    }

    [Test]
    public void SaaChanged_InclinedOrbit_AlternatesAndCountsThePasses()
    {
        var clock = new VirtualClock();
        using var upsets = Injector(clock);
        using var radiation = new RadiationEnvironment(clock, Inclined, new RadiationSpec { SaaMultiplier = 30 }, [], upsets, seed: 1);
        var changes = new List<(bool Inside, TimeSpan At, double Multiplier, bool InSaa)>();
        radiation.SaaChanged += inside => changes.Add((inside, clock.Elapsed, radiation.Multiplier, radiation.InSaa));

        radiation.Start();
        clock.RunFor(TimeSpan.FromDays(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(changes, Has.Count.GreaterThan(4));
            Assert.That(changes[0].Inside, Is.True, "the first change is an entry (the run starts outside)");
            Assert.That(changes.Select((c, i) => c.Inside), Is.EqualTo(changes.Select((_, i) => i % 2 == 0)), "entries and exits alternate");
            Assert.That(radiation.SaaPasses, Is.EqualTo(changes.Count(c => c.Inside)));
            Assert.That(changes.Select(c => c.InSaa), Is.EqualTo(changes.Select(c => c.Inside)));
            Assert.That(changes.Select(c => c.Multiplier), Is.EqualTo(changes.Select(c => c.Inside ? 30.0 : 1.0)), "handlers see the factor of the new state");
            Assert.That(changes.Select(c => SouthAtlanticAnomaly.Contains(Inclined.SubSatellitePoint(c.At))), Is.EqualTo(changes.Select(c => c.Inside)));
        }
    }

    [Test]
    public void SolarEventStarted_TwoEvents_RaisedOnceEachAtTheFirstUpdateFromTheirOnsetInTimeOrder()
    {
        var clock = new VirtualClock();
        using var upsets = Injector(clock);
        var later = new SolarParticleEvent(TimeSpan.FromHours(5), 10, TimeSpan.FromHours(1), TimeSpan.FromHours(1));
        var earlier = new SolarParticleEvent(TimeSpan.FromSeconds(3605), 20, TimeSpan.FromHours(1), TimeSpan.FromHours(1));
        using var radiation = new RadiationEnvironment(clock, Equatorial, new RadiationSpec(), [later, earlier], upsets, seed: 1);
        var started = new List<(SolarParticleEvent Event, TimeSpan At)>();
        radiation.SolarEventStarted += e => started.Add((e, clock.Elapsed));

        radiation.Start();
        clock.RunFor(TimeSpan.FromDays(1));

        Assert.That(started, Is.EqualTo(new[] { (earlier, TimeSpan.FromSeconds(3610)), (later, TimeSpan.FromHours(5)) }));
    }

    [Test]
    public void Updated_OneHour_RaisedAtEveryUpdateIntervalFromStart()
    {
        var clock = new VirtualClock();
        using var upsets = Injector(clock);
        using var radiation = new RadiationEnvironment(clock, Equatorial, new RadiationSpec(), [], upsets, seed: 1);
        var at = new List<TimeSpan>();
        radiation.Updated += () => at.Add(clock.Elapsed);

        radiation.Start();
        radiation.Start();
        clock.RunFor(TimeSpan.FromHours(1));

        Assert.That(at, Is.EqualTo(Enumerable.Range(0, 361).Select(i => Step * i)), "a second Start changes nothing");
    }

    [Test]
    public void Dispose_Started_StopsTheUpdates()
    {
        var clock = new VirtualClock();
        using var upsets = Injector(clock);
        var radiation = new RadiationEnvironment(clock, Inclined, new RadiationSpec { LatchUpsPerDay = 1000 }, [], upsets, seed: 1);
        int updates = 0;
        int latchUps = 0;
        radiation.Updated += () => updates++;
        radiation.LatchUpDue += _ => latchUps++;
        radiation.Start();
        clock.RunFor(TimeSpan.FromMinutes(1));
        int updatesBefore = updates;
        int latchUpsBefore = latchUps;
        double doseBefore = radiation.DoseRad;

        radiation.Dispose();
        clock.RunFor(TimeSpan.FromDays(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(updates, Is.EqualTo(updatesBefore));
            Assert.That(latchUps, Is.EqualTo(latchUpsBefore));
            Assert.That(radiation.DoseRad, Is.EqualTo(doseBefore));
            Assert.That(() => radiation.Start(), Throws.TypeOf<ObjectDisposedException>());
        }
    }

    /// <summary>Lower end of a generous band around a Poisson mean: five standard deviations below.</summary>
    private static double PoissonLow(double mean) => mean - (5 * Math.Sqrt(mean));

    /// <summary>Upper end of a generous band around a Poisson mean: five standard deviations above.</summary>
    private static double PoissonHigh(double mean) => mean + (5 * Math.Sqrt(mean));

    private static UpsetInjector Injector(VirtualClock clock) => new(clock, new UpsetInjectorOptions(), seed: 1, () => null);

    private static (List<(TimeSpan At, double Amps)> LatchUps, List<(TimeSpan At, FunctionalInterruptKind Kind)> Interrupts) Arrivals(
        RadiationSpec spec, CircularOrbit orbit, SolarParticleEvent[] events, int seed, TimeSpan run)
    {
        var clock = new VirtualClock();
        using var upsets = Injector(clock);
        using var radiation = new RadiationEnvironment(clock, orbit, spec, events, upsets, seed);
        var latchUps = new List<(TimeSpan At, double Amps)>();
        var interrupts = new List<(TimeSpan At, FunctionalInterruptKind Kind)>();
        radiation.LatchUpDue += amps => latchUps.Add((clock.Elapsed, amps));
        radiation.FunctionalInterruptDue += kind => interrupts.Add((clock.Elapsed, kind));
        radiation.Start();
        clock.RunFor(run);
        return (latchUps, interrupts);
    }
}
