using FlightSw.Sim.Environment;
using FlightSw.Sim.Environment.Power;
using FlightSw.Sim.Environment.Thermal;
using FlightSw.Sim.Time;

namespace FlightSw.Sim.Tests.Environment.Power;

public class PowerSystemTests
{
    private static readonly CircularOrbit Orbit = CircularOrbit.Leo500;
    private static readonly TimeSpan Period = Orbit.Period;

    private static PowerSystem Create(VirtualClock clock, BatterySpec? battery = null, CircularOrbit? orbit = null, LoadSpec? loads = null) =>
        new(clock, orbit ?? Orbit, new SolarArray(), battery ?? new BatterySpec(), loads ?? new LoadSpec(), new ThermalSpec());

    [Test]
    public void Constructor_NullArgument_ThrowsArgumentNullException()
    {
        var clock = new VirtualClock();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(() => new PowerSystem(null!, Orbit, new(), new(), new(), new()), Throws.ArgumentNullException);
            Assert.That(() => new PowerSystem(clock, null!, new(), new(), new(), new()), Throws.ArgumentNullException);
            Assert.That(() => new PowerSystem(clock, Orbit, null!, new(), new(), new()), Throws.ArgumentNullException);
            Assert.That(() => new PowerSystem(clock, Orbit, new(), null!, new(), new()), Throws.ArgumentNullException);
            Assert.That(() => new PowerSystem(clock, Orbit, new(), new(), null!, new()), Throws.ArgumentNullException);
            Assert.That(() => new PowerSystem(clock, Orbit, new(), new(), new(), null!), Throws.ArgumentNullException);
        }
    }

    [Test]
    public void Constructor_InvalidSpec_ThrowsNamingTheField()
    {
        var clock = new VirtualClock();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(
                () => Create(clock, new BatterySpec { CapacityWattHours = -1 }),
                Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo(nameof(BatterySpec.CapacityWattHours)));
            Assert.That(
                () => Create(clock, loads: new LoadSpec { OffWatts = -1 }),
                Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo(nameof(LoadSpec.OffWatts)));
        }
    }

    [Test]
    public void Constructor_Defaults_BoardOffInSunlightAtInitialCharge()
    {
        using var power = Create(new VirtualClock());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(power.BoardPowered, Is.False);
            Assert.That(power.RunningJobs, Is.Zero);
            Assert.That(power.IsSunlit, Is.True);
            Assert.That(power.LoadWatts, Is.EqualTo(new LoadSpec().OffWatts));
            Assert.That(power.SolarWatts, Is.EqualTo(new SolarArray().SunlitWatts));
            Assert.That(power.Battery.StateOfCharge, Is.EqualTo(0.9).Within(1e-12));
            Assert.That(power.BoardCelsius, Is.EqualTo(20.0));
            Assert.That(power.CutoffStateOfCharge, Is.EqualTo(0.05).Within(1e-12));
            Assert.That(power.PowerOnStateOfCharge, Is.EqualTo(0.20).Within(1e-12));
        }
    }

    [Test]
    public void IsSunlit_Leo500BetaZero_SwitchesAtTheOrbitsEclipseMilliseconds()
    {
        var clock = new VirtualClock();
        using var power = Create(clock);
        var eclipse = Orbit.NextEclipse(TimeSpan.Zero)!.Value;
        var tick = TimeSpan.FromTicks(1);
        var seen = new List<bool>();

        foreach (var at in new[] { eclipse.Entry - tick, eclipse.Entry, eclipse.Exit - tick, eclipse.Exit, eclipse.Entry + Period - tick, eclipse.Entry + Period })
        {
            clock.RunUntil(at);
            seen.Add(power.IsSunlit);
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(seen, Is.EqualTo(new[] { true, false, false, true, true, false }));
            Assert.That((eclipse.Exit - eclipse.Entry).TotalMinutes, Is.EqualTo(35.75).Within(0.05));
            Assert.That(Period.TotalMinutes, Is.EqualTo(94.6).Within(0.05));
        }
    }

    [Test]
    public void IsSunlit_SampledOverTwoOrbits_MatchesTheOrbitAndGives35Point75MinutesOfEclipseEach()
    {
        var clock = new VirtualClock();
        using var power = Create(clock);
        var step = TimeSpan.FromSeconds(1);
        int mismatches = 0;
        int eclipseSeconds = 0;

        while (clock.Elapsed < Period * 2)
        {
            clock.RunFor(step);
            bool sunlit = power.IsSunlit;
            mismatches += sunlit == Orbit.IsInEclipse(clock.Elapsed) ? 1 : 0;
            eclipseSeconds += sunlit ? 0 : 1;
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(mismatches, Is.Zero);
            Assert.That(eclipseSeconds / 2 / 60.0, Is.EqualTo(35.75).Within(0.05));
        }
    }

    [Test]
    public void IsSunlit_StartingMidEclipse_IsDarkUntilTheOrbitLeavesTheShadow()
    {
        var orbit = Orbit with { ArgumentOfLatitudeAtEpochDegrees = 180 };
        var clock = new VirtualClock();
        using var power = Create(clock, orbit: orbit);
        var next = orbit.NextEclipse(TimeSpan.Zero)!.Value;
        var exit = next.Exit - Period;

        bool atStart = power.IsSunlit;
        clock.RunUntil(exit - TimeSpan.FromTicks(1));
        bool beforeExit = power.IsSunlit;
        clock.RunUntil(exit);
        bool atExit = power.IsSunlit;
        clock.RunUntil(next.Entry);
        bool atNextEntry = power.IsSunlit;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(orbit.IsInEclipse(exit - TimeSpan.FromMilliseconds(1)), Is.True);
            Assert.That(orbit.IsInEclipse(exit), Is.False);
            Assert.That(atStart, Is.False);
            Assert.That(beforeExit, Is.False);
            Assert.That(atExit, Is.True);
            Assert.That(atNextEntry, Is.False);
        }
    }

    [Test]
    public void Ledger_OneOrbitPoweredIdle_BalancesAndCurtailsWhenFull()
    {
        var clock = new VirtualClock();
        using var power = Create(clock);
        power.BoardPowered = true;

        clock.RunFor(Period);
        var ledger = power.Ledger;
        var eclipse = Orbit.EclipseDuration;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ledger.ImbalanceWattHours(power.Battery), Is.EqualTo(0.0).Within(1e-9));
            Assert.That(ledger.CurtailedWattHours, Is.GreaterThan(1.0));
            Assert.That(ledger.SolarWattHours, Is.EqualTo(new SolarArray().SunlitWatts * (Period - eclipse).TotalHours).Within(0.01));
            Assert.That(ledger.LoadWattHours, Is.EqualTo(4.0 * Period.TotalHours).Within(1e-9));
            Assert.That(ledger.LossWattHours, Is.GreaterThan(0.0));
            Assert.That(ledger.ShortfallWattHours, Is.Zero);
        }
    }

    [Test]
    public void Ledger_ThreeOrbitsWithJobsToggling_BalancesWithinRounding()
    {
        var clock = new VirtualClock();
        using var power = Create(clock, new BatterySpec { InitialStateOfCharge = 0.5 });
        power.BoardPowered = true;
        int step = 0;
        using var jobs = clock.CreateTimer(_ => power.RunningJobs = ++step % 4, null, TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(97));

        clock.RunFor(Period * 3);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(power.Ledger.ImbalanceWattHours(power.Battery), Is.EqualTo(0.0).Within(1e-9));
            Assert.That(power.Ledger.LoadWattHours, Is.GreaterThan(6.0 * 3 * Period.TotalHours));
        }
    }

    [Test]
    public void Ledger_UndersizedBatteryBrowningOutWithExtraLoads_BalancesWithinRounding()
    {
        var clock = new VirtualClock();
        using var power = Create(clock, new BatterySpec { CapacityWattHours = 2 });
        power.Brownout += () => power.BoardPowered = false;
        power.Recovered += () =>
        {
            power.BoardPowered = true;
            power.ExtraAmps = 0.3;
            power.ExtraWatts = 0.4;
        };
        power.BoardPowered = true;
        using var jobs = clock.CreateTimer(_ => power.RunningJobs = (power.RunningJobs + 1) % 3, null, TimeSpan.Zero, TimeSpan.FromMinutes(11));

        clock.RunFor(Period * 4);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(power.Ledger.ImbalanceWattHours(power.Battery), Is.EqualTo(0.0).Within(1e-9));
            Assert.That(power.Ledger.CurtailedWattHours, Is.GreaterThan(0.0));
        }
    }

    [Test]
    public void Battery_PoweredTenMinutesInEclipse_DropsByLoadOverDischargeEfficiency()
    {
        var orbit = Orbit with { ArgumentOfLatitudeAtEpochDegrees = 180 };
        var clock = new VirtualClock();
        using var power = Create(clock, orbit: orbit);
        power.BoardPowered = true;
        double before = power.Battery.StoredWattHours;

        clock.RunFor(TimeSpan.FromMinutes(10));

        Assert.That(before - power.Battery.StoredWattHours, Is.EqualTo(4.0 / 6 / 0.95).Within(1e-12));
    }

    [Test]
    public void Brownout_UndersizedBattery_BrownsOutInEveryEclipseAndRecoversInEverySunlitPass()
    {
        var clock = new VirtualClock();
        using var power = Create(clock, new BatterySpec { CapacityWattHours = 2 });
        var brownouts = new List<(TimeSpan At, bool Sunlit, double Volts)>();
        var recoveries = new List<(TimeSpan At, bool Sunlit, double Volts)>();
        power.Brownout += () =>
        {
            brownouts.Add((clock.Elapsed, power.IsSunlit, power.Battery.OpenCircuitVolts));
            power.BoardPowered = false;
        };
        power.Recovered += () =>
        {
            recoveries.Add((clock.Elapsed, power.IsSunlit, power.Battery.OpenCircuitVolts));
            power.BoardPowered = true;
        };
        power.BoardPowered = true;

        clock.RunFor(Period * 5);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(brownouts, Has.Count.EqualTo(5));
            Assert.That(recoveries, Has.Count.EqualTo(5));
            Assert.That(brownouts.Select(b => (int)(b.At / Period)), Is.EqualTo(new[] { 0, 1, 2, 3, 4 }));
            Assert.That(recoveries.Select(r => (int)(r.At / Period)), Is.EqualTo(new[] { 0, 1, 2, 3, 4 }));
            Assert.That(brownouts.Select(b => b.Sunlit), Is.All.False);
            Assert.That(recoveries.Select(r => r.Sunlit), Is.All.True);
            Assert.That(brownouts.Select(b => b.Volts), Is.All.EqualTo(6.6).Within(1e-9));
            Assert.That(recoveries.Select(r => r.Volts), Is.All.EqualTo(7.1).Within(1e-9));
            Assert.That(power.BoardPowered, Is.True);
        }
    }

    [Test]
    public void Recovered_ChargingFromBetweenCutoffAndPowerOn_WaitsForPowerOnVolts()
    {
        // Off at 10 % charge (6.9 V, above the 6.6 V cutoff), in mid-eclipse, then charging in sunlight.
        var orbit = Orbit with { ArgumentOfLatitudeAtEpochDegrees = 180 };
        var clock = new VirtualClock();
        using var power = Create(clock, new BatterySpec { InitialStateOfCharge = 0.1 }, orbit);
        var raised = new List<(TimeSpan At, double Volts)>();
        power.Recovered += () => raised.Add((clock.Elapsed, power.Battery.OpenCircuitVolts));
        var exit = orbit.NextEclipse(TimeSpan.Zero)!.Value.Exit - Period;

        clock.RunUntil(exit);
        int atExit = raised.Count;
        double voltsAtExit = power.Battery.OpenCircuitVolts;
        double storedAtExit = power.Battery.StoredWattHours;
        clock.RunFor(TimeSpan.FromHours(1));

        // Up to 8 Wh (20 %) at (22.87 - 0.05) W x 0.95.
        double hoursToPowerOn = (8.0 - storedAtExit) / ((new SolarArray().SunlitWatts - 0.05) * 0.95);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(atExit, Is.Zero);
            Assert.That(voltsAtExit, Is.InRange(6.6, 7.1));
            Assert.That(raised, Has.Count.EqualTo(1));
            Assert.That(raised[0].Volts, Is.EqualTo(7.1).Within(1e-9));
            Assert.That((raised[0].At - exit).TotalHours, Is.EqualTo(hoursToPowerOn).Within(1e-9));
        }
    }

    [Test]
    public void Brownout_HandlerLeavesTheBoardOn_IsRaisedOnceAndTheBatteryRunsOn()
    {
        var clock = new VirtualClock();
        using var power = Create(clock, new BatterySpec { CapacityWattHours = 2 });
        int brownouts = 0;
        power.Brownout += () => brownouts++;
        power.BoardPowered = true;
        var eclipse = Orbit.NextEclipse(TimeSpan.Zero)!.Value;

        clock.RunUntil(eclipse.Exit);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(brownouts, Is.EqualTo(1));
            Assert.That(power.Battery.StateOfCharge, Is.LessThan(0.05));
        }
    }

    [Test]
    public void Brownout_BoardSwitchedOnBelowCutoff_IsRaisedAtOnce()
    {
        var orbit = Orbit with { ArgumentOfLatitudeAtEpochDegrees = 180 };
        var clock = new VirtualClock();
        using var power = Create(clock, new BatterySpec { InitialStateOfCharge = 0.02 }, orbit);
        var raised = new List<TimeSpan>();
        power.Brownout += () =>
        {
            raised.Add(clock.Elapsed);
            power.BoardPowered = false;
        };
        clock.RunFor(TimeSpan.FromSeconds(3));

        power.BoardPowered = true;
        clock.RunFor(TimeSpan.FromSeconds(3));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(raised, Is.EqualTo(new[] { TimeSpan.FromSeconds(3) }));
            Assert.That(power.BoardPowered, Is.False);
        }
    }

    [Test]
    public void Brownout_CrossingSeenByAGetterBeforeTheTimer_IsRaisedOnceFromTheTimer()
    {
        // A busy callback every second runs 999 ms past its due time, then reads the bus: the
        // getter integrates across the crossing before the power system's timer can fire.
        var clock = new VirtualClock();
        using var power = Create(clock, new BatterySpec { CapacityWattHours = 2 });
        var raised = new List<(TimeSpan At, double Volts)>();
        power.Brownout += () => raised.Add((clock.Elapsed, power.Battery.OpenCircuitVolts));
        power.BoardPowered = true;
        using var busy = clock.CreateTimer(
            _ =>
            {
                clock.Consume(TimeSpan.FromMilliseconds(999));
                _ = power.BusVolts;
            },
            null,
            TimeSpan.FromSeconds(1),
            TimeSpan.FromSeconds(1));

        clock.RunUntil(Orbit.NextEclipse(TimeSpan.Zero)!.Value.Exit);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(raised, Has.Count.EqualTo(1));
            Assert.That(raised[0].Volts, Is.LessThanOrEqualTo(6.6));
            Assert.That(power.Ledger.ImbalanceWattHours(power.Battery), Is.EqualTo(0.0).Within(1e-9));
        }
    }

    [Test]
    public void Dispose_ArmedTimer_IsDisarmedAndNoEventsFollow()
    {
        var clock = new VirtualClock();
        var power = Create(clock, new BatterySpec { CapacityWattHours = 2 });
        int brownouts = 0;
        power.Brownout += () => brownouts++;
        power.BoardPowered = true;
        int armed = clock.ArmedTimers;

        power.Dispose();
        clock.RunUntil(Orbit.NextEclipse(TimeSpan.Zero)!.Value.Exit);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(armed, Is.EqualTo(1));
            Assert.That(clock.ArmedTimers, Is.Zero);
            Assert.That(brownouts, Is.Zero);
            Assert.That(power.Battery.StateOfCharge, Is.LessThan(0.05));
        }
    }

    [Test]
    public void ExtraAmps_LatchUpStep_RaisesCurrentAmpsByAboutTheStep()
    {
        var clock = new VirtualClock();
        using var power = Create(clock);
        power.BoardPowered = true;
        clock.RunFor(TimeSpan.FromMinutes(40));
        double before = power.CurrentAmps;
        double busVolts = power.BusVolts;

        power.ExtraAmps = 1.0;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(power.LoadWatts, Is.EqualTo(4.0 + busVolts).Within(1e-12));
            Assert.That(power.CurrentAmps - before, Is.EqualTo(1.0).Within(0.02));
        }
    }

    [Test]
    public void ExtraAmps_BoardOff_AddsNoLoad()
    {
        using var power = Create(new VirtualClock());

        power.ExtraAmps = 1.0;
        power.ExtraWatts = 2.0;

        Assert.That(power.LoadWatts, Is.EqualTo(new LoadSpec().OffWatts));
    }

    [Test]
    public void ExtraWatts_Powered_AddsToTheLoad()
    {
        using var power = Create(new VirtualClock());
        power.BoardPowered = true;
        power.RunningJobs = 2;

        power.ExtraWatts = 0.25;

        Assert.That(power.LoadWatts, Is.EqualTo(4.0 + 3.0 + 4.0 + 0.25));
    }

    [Test]
    public void Setters_InvalidValues_Throw()
    {
        using var power = Create(new VirtualClock());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(() => power.RunningJobs = -1, Throws.TypeOf<ArgumentOutOfRangeException>());
            Assert.That(() => power.ExtraAmps = double.NaN, Throws.TypeOf<ArgumentOutOfRangeException>());
            Assert.That(() => power.ExtraWatts = -0.1, Throws.TypeOf<ArgumentOutOfRangeException>());
        }
    }

    [Test]
    public void BusVolts_PoweredInEclipse_SagsBelowOpenCircuitVolts()
    {
        var orbit = Orbit with { ArgumentOfLatitudeAtEpochDegrees = 180 };
        var clock = new VirtualClock();
        using var power = Create(clock, orbit: orbit);
        power.BoardPowered = true;
        double idle = power.BusVolts;

        power.RunningJobs = 3;
        double busy = power.BusVolts;
        double ocv = power.Battery.OpenCircuitVolts;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(idle, Is.LessThan(ocv));
            Assert.That(busy, Is.LessThan(idle));
            Assert.That(power.BatteryWatts, Is.EqualTo(13.0));
            Assert.That(power.CurrentAmps, Is.EqualTo(13.0 / busy).Within(1e-12));
            Assert.That(ocv - busy, Is.EqualTo(power.CurrentAmps * 0.08).Within(1e-12));
        }
    }

    [Test]
    public void BusVolts_ChargingInSunlight_RisesAboveOpenCircuitVoltsAndSettlesWhenFull()
    {
        var clock = new VirtualClock();
        using var power = Create(clock);
        power.BoardPowered = true;
        double charging = power.BusVolts;
        double ocv = power.Battery.OpenCircuitVolts;

        clock.RunFor(TimeSpan.FromMinutes(25));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(charging, Is.GreaterThan(ocv));
            Assert.That(power.Battery.IsFull, Is.True);
            Assert.That(power.BatteryWatts, Is.Zero);
            Assert.That(power.BusVolts, Is.EqualTo(power.Battery.OpenCircuitVolts));
        }
    }

    [Test]
    public void BoardCelsius_AlwaysSunlitBoardOff_SettlesAtSunEquilibrium()
    {
        // Beta 80 degrees is above the 68 degree critical angle: no eclipse.
        var clock = new VirtualClock();
        using var power = Create(clock, orbit: Orbit with { BetaDegrees = 80 });

        clock.RunFor(TimeSpan.FromHours(20));

        Assert.That(power.BoardCelsius, Is.EqualTo(-10 + 25 + (3 * 0.05)).Within(1e-9));
    }

    [Test]
    public void BoardCelsius_OverAnOrbit_CoolsInEclipseAndWarmsInSunlight()
    {
        var clock = new VirtualClock();
        using var power = Create(clock);
        power.BoardPowered = true;
        var eclipse = Orbit.NextEclipse(TimeSpan.Zero)!.Value;

        clock.RunUntil(eclipse.Entry);
        double atEntry = power.BoardCelsius;
        clock.RunUntil(eclipse.Exit);
        double atExit = power.BoardCelsius;
        clock.RunFor(TimeSpan.FromMinutes(20));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(atExit, Is.LessThan(atEntry));
            Assert.That(power.BoardCelsius, Is.GreaterThan(atExit));
        }
    }

    [Test]
    public void CallbacksRun_TenOrbitsOfBrownoutsAndRecoveries_AFewPerOrbit()
    {
        var clock = new VirtualClock();
        using var power = Create(clock, new BatterySpec { CapacityWattHours = 2 });
        power.Brownout += () => power.BoardPowered = false;
        power.Recovered += () => power.BoardPowered = true;
        power.BoardPowered = true;

        clock.RunFor(Period * 10);

        // Per orbit: eclipse entry, exit, cutoff, power-on, full (and one more fill before the first eclipse).
        Assert.That(clock.CallbacksRun, Is.EqualTo(51));
    }

    [Test]
    public void CallbacksRun_DayOfDefaultNode_AtMostThreePerOrbit()
    {
        var clock = new VirtualClock();
        using var power = Create(clock);
        power.BoardPowered = true;

        clock.RunFor(TimeSpan.FromDays(1));

        double orbits = TimeSpan.FromDays(1) / Period;
        Assert.That(clock.CallbacksRun, Is.LessThanOrEqualTo((long)Math.Ceiling(orbits) * 3));
    }

    [Test]
    public void Update_PolledOftenOrNever_GivesTheSameStateWithinRounding()
    {
        var polledClock = new VirtualClock();
        var quietClock = new VirtualClock();
        using var polled = Create(polledClock, new BatterySpec { InitialStateOfCharge = 0.3 });
        using var quiet = Create(quietClock, new BatterySpec { InitialStateOfCharge = 0.3 });
        polled.BoardPowered = quiet.BoardPowered = true;

        while (polledClock.Elapsed < Period * 2)
        {
            polledClock.RunFor(TimeSpan.FromSeconds(13));
            _ = polled.CurrentAmps;
        }

        quietClock.RunUntil(polledClock.Elapsed);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(polled.Battery.StoredWattHours, Is.EqualTo(quiet.Battery.StoredWattHours).Within(1e-9));
            Assert.That(polled.BoardCelsius, Is.EqualTo(quiet.BoardCelsius).Within(1e-9));
            Assert.That(polled.Ledger.LossWattHours, Is.EqualTo(quiet.Ledger.LossWattHours).Within(1e-9));
        }
    }

    [Test]
    public void Run_SameInputsTwice_SameResultsBitForBit()
    {
        static (double, double, double, double, long) Run()
        {
            var clock = new VirtualClock();
            using var power = Create(clock, new BatterySpec { CapacityWattHours = 3 });
            power.Brownout += () => power.BoardPowered = false;
            power.Recovered += () => power.BoardPowered = true;
            power.BoardPowered = true;
            using var jobs = clock.CreateTimer(_ => power.RunningJobs = (power.RunningJobs + 1) % 3, null, TimeSpan.Zero, TimeSpan.FromSeconds(301));
            clock.RunFor(Period * 3);
            return (power.Battery.StoredWattHours, power.BoardCelsius, power.Ledger.LossWattHours, power.BusVolts, clock.CallbacksRun);
        }

        var first = Run();
        var second = Run();

        Assert.That(second, Is.EqualTo(first));
    }
}
