using FlightSw.Hal;
using FlightSw.Sim.Environment;
using FlightSw.Sim.Environment.Power;
using static FlightSw.Sim.Tests.SimBoardFile;
using static FlightSw.Sim.Tests.SimHardwareScenarios;

namespace FlightSw.Sim.Tests;

public class SimHardwareBrownoutTests
{
    private static readonly TimeSpan Period = Orbit.Period;

    [Test]
    public void Brownout_UndersizedBatteryInEclipse_BoardIsOffUntilRecoveryThenBootsWithCauseBrownout()
    {
        using var hardware = new SimHardware(Definition, seed: 1, Exact(Undersized()));
        var board = PowerOnAndBoot(hardware);
        var power = hardware.Power!;

        for (int orbit = 0; orbit < 3; orbit++)
        {
            int resets = hardware.Resets.Count;
            Assert.That(hardware.Clock.RunUntil(() => hardware.Resets.Count > resets, Period), Is.True, $"orbit {orbit}: a brownout within an orbit");
            var brownoutAt = hardware.Clock.Elapsed;
            using (Assert.EnterMultipleScope())
            {
                Assert.That(hardware.Resets[^1].Cause, Is.EqualTo(ResetCause.Brownout));
                Assert.That(hardware.Resets[^1].At, Is.EqualTo(brownoutAt));
                Assert.That(hardware.Resets[^1].EndedBoot, Is.EqualTo(board.BootNumber));
                Assert.That(hardware.Resets[^1].Reason, Does.Contain("cut-off"));
                Assert.That(Orbit.IsInEclipse(brownoutAt), Is.True, "the battery runs down in eclipse");
                Assert.That(hardware.IsPoweredOn, Is.False);
                Assert.That(hardware.Board, Is.Null);
                Assert.That(power.BoardPowered, Is.False);
                Assert.That(power.LoadWatts, Is.EqualTo(new LoadSpec().OffWatts));
            }

            Assert.That(hardware.Clock.RunUntil(() => hardware.IsPoweredOn, Period), Is.True, $"orbit {orbit}: power returns");
            var restoredAt = hardware.Clock.Elapsed;
            using (Assert.EnterMultipleScope())
            {
                Assert.That(Orbit.IsInEclipse(restoredAt), Is.False, "the battery recovers in sunlight");
                Assert.That(power.Battery.StateOfCharge, Is.GreaterThanOrEqualTo(power.PowerOnStateOfCharge - 1e-9));
                Assert.That(hardware.Board, Is.Null, "the board boots after the boot delay");
                Assert.That(hardware.Boots, Is.EqualTo(orbit + 1), "nothing booted while the power was off");
            }

            board = RunUntilBooted(hardware, board);
            using (Assert.EnterMultipleScope())
            {
                Assert.That(board.ResetController.LastResetCause, Is.EqualTo(ResetCause.Brownout));
                Assert.That(board.BootNumber, Is.EqualTo(orbit + 2));
                Assert.That(hardware.Clock.Elapsed - restoredAt, Is.EqualTo(SimHardwareOptions.DefaultBootDelay));
            }
        }

        Assert.That(
            Kinds(hardware).Where(k => k is EnvironmentRecordKind.Brownout or EnvironmentRecordKind.PowerRestored),
            Is.EqualTo(Enumerable.Repeat(new[] { EnvironmentRecordKind.Brownout, EnvironmentRecordKind.PowerRestored }, 3).SelectMany(k => k)));
    }

    [Test]
    public void Brownout_UndersizedBatteryForTenOrbits_OncePerOrbitAndEveryLaterBootReportsIt()
    {
        using var hardware = new SimHardware(Definition, seed: 2, Exact(Undersized()));
        var causes = new List<ResetCause>();
        hardware.Booted += board => causes.Add(board.ResetController.LastResetCause);

        hardware.PowerOn();
        hardware.Clock.RunFor(Period * 10);

        int brownouts = hardware.EnvironmentLog.Count(r => r.Kind == EnvironmentRecordKind.Brownout);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(brownouts, Is.InRange(9, 10));
            Assert.That(hardware.Resets.Select(r => r.Cause), Has.All.EqualTo(ResetCause.Brownout));
            Assert.That(hardware.Resets, Has.Count.EqualTo(brownouts));
            Assert.That(causes[0], Is.EqualTo(ResetCause.PowerOn));
            Assert.That(causes.Skip(1), Has.All.EqualTo(ResetCause.Brownout));
            Assert.That(causes, Has.Count.EqualTo(brownouts + 1), "every brownout is followed by a boot within the orbit");
            Assert.That(hardware.Resets.Select(r => Orbit.IsInEclipse(r.At)), Has.All.True);
        }
    }

    [Test]
    public void Brownout_JobRunning_TheJobEndsWithTheBootAndTheLoadDropsToOff()
    {
        using var hardware = new SimHardware(Definition, seed: 3, Exact(Undersized()));
        var jobs = new List<IDisposable>();
        hardware.Booted += board => jobs.Add(board.Jobs.BeginJob("payload"));
        PowerOnAndBoot(hardware);
        var loads = new LoadSpec();
        double runningLoad = hardware.Power!.LoadWatts;

        hardware.Clock.RunUntil(() => hardware.Resets.Count > 0, Period);
        double offLoad = hardware.Power.LoadWatts;
        jobs[0].Dispose(); // the ended boot's software lets go of its job late
        double offLoadAfterStaleEnd = hardware.Power.LoadWatts;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(runningLoad, Is.EqualTo(loads.WattsFor(powered: true, runningJobs: 1)));
            Assert.That(hardware.Power.RunningJobs, Is.Zero);
            Assert.That(offLoad, Is.EqualTo(loads.OffWatts));
            Assert.That(offLoadAfterStaleEnd, Is.EqualTo(loads.OffWatts));
        }
    }

    [Test]
    public void Jobs_BeganAndEnded_RaiseAndLowerTheLoadUntilTheBootEnds()
    {
        using var hardware = new SimHardware(Definition, seed: 4, Exact(Quiet()));
        var board = PowerOnAndBoot(hardware);
        var power = hardware.Power!;
        var loads = new LoadSpec();
        double idle = power.LoadWatts;

        var first = board.Jobs.BeginJob("first");
        double oneJob = power.LoadWatts;
        var second = board.Jobs.BeginJob("second");
        double twoJobs = power.LoadWatts;
        first.Dispose();
        double oneLeft = power.LoadWatts;
        hardware.RequestReset(ResetCause.CommandedWarmReset, "test");
        hardware.Clock.RunFor(TimeSpan.FromMilliseconds(1));
        double duringBootDelay = power.LoadWatts;
        var next = RunUntilBooted(hardware, board);
        second.Dispose(); // a job of the ended boot
        double afterStaleEnd = power.LoadWatts;
        using var third = next.Jobs.BeginJob("third");
        double nextBootJob = power.LoadWatts;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(idle, Is.EqualTo(loads.IdleWatts));
            Assert.That(oneJob, Is.EqualTo(loads.IdleWatts + loads.BusyWatts + loads.PerJobWatts));
            Assert.That(twoJobs, Is.EqualTo(loads.IdleWatts + loads.BusyWatts + (2 * loads.PerJobWatts)));
            Assert.That(oneLeft, Is.EqualTo(oneJob));
            Assert.That(duringBootDelay, Is.EqualTo(loads.IdleWatts), "the reset ended the boot's jobs");
            Assert.That(afterStaleEnd, Is.EqualTo(loads.IdleWatts), "an ended boot's job no longer counts");
            Assert.That(nextBootJob, Is.EqualTo(oneJob));
            Assert.That(power.RunningJobs, Is.EqualTo(1));
        }
    }

    [Test]
    public void PowerOn_BatteryBelowCutoff_WaitsForRecoveryThenBootsWithCausePowerOn()
    {
        using var hardware = new SimHardware(Definition, seed: 5, Exact(Undersized(initialStateOfCharge: 0.02)));

        hardware.PowerOn();
        var waiting = (hardware.IsPoweredOn, hardware.Power!.BoardPowered, Last: hardware.EnvironmentLog[^1]);
        bool booted = hardware.Clock.RunUntil(() => hardware.Board is not null, Period);
        var restored = hardware.EnvironmentLog.Single(r => r.Kind == EnvironmentRecordKind.PowerRestored);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(waiting.IsPoweredOn, Is.False);
            Assert.That(waiting.BoardPowered, Is.False);
            Assert.That(waiting.Last.Kind, Is.EqualTo(EnvironmentRecordKind.Skipped));
            Assert.That(waiting.Last.Detail, Does.Contain("power-on waits"));
            Assert.That(booted, Is.True);
            Assert.That(restored.Time, Is.GreaterThan(TimeSpan.Zero));
            Assert.That(hardware.Clock.Elapsed, Is.EqualTo(restored.Time + SimHardwareOptions.DefaultBootDelay));
            Assert.That(hardware.Board!.ResetController.LastResetCause, Is.EqualTo(ResetCause.PowerOn), "the first power-on, if late");
            Assert.That(hardware.Resets, Is.Empty);
            Assert.That(hardware.Boots, Is.EqualTo(1));
        }
    }

    [Test]
    public void PowerOn_InEclipseBelowCutoff_WaitsForTheSunlitPass()
    {
        // The Sun behind the Earth at t = 0: the run starts mid-eclipse.
        var scenario = Undersized(initialStateOfCharge: 0.02) with { Orbit = Orbit with { SunArgumentOfLatitudeDegrees = 180 } };
        using var hardware = new SimHardware(Definition, seed: 6, Exact(scenario));
        var eclipseExit = scenario.Orbit.NextEclipse(TimeSpan.Zero - scenario.Orbit.Period)!.Value.Exit;

        hardware.PowerOn();
        bool booted = hardware.Clock.RunUntil(() => hardware.Board is not null, Period);
        var restoredAt = hardware.EnvironmentLog.Single(r => r.Kind == EnvironmentRecordKind.PowerRestored).Time;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(scenario.Orbit.IsInEclipse(TimeSpan.Zero), Is.True);
            Assert.That(booted, Is.True);
            Assert.That(restoredAt, Is.GreaterThan(eclipseExit));
            Assert.That(scenario.Orbit.IsInEclipse(restoredAt), Is.False);
            Assert.That(hardware.Board!.ResetController.LastResetCause, Is.EqualTo(ResetCause.PowerOn));
        }
    }

    [Test]
    public void PowerOn_BatteryAboveCutoff_BootsAtOnce()
    {
        using var hardware = new SimHardware(Definition, seed: 7, Exact(Quiet()));

        hardware.PowerOn();
        var board = RunUntilBooted(hardware);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(hardware.Clock.Elapsed, Is.EqualTo(SimHardwareOptions.DefaultBootDelay));
            Assert.That(board.ResetController.LastResetCause, Is.EqualTo(ResetCause.PowerOn));
            Assert.That(hardware.Power!.BoardPowered, Is.True);
            Assert.That(hardware.EnvironmentLog.Where(r => r.Kind == EnvironmentRecordKind.Skipped), Is.Empty);
        }
    }
}
