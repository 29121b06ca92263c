using FlightSw.Hal;
using FlightSw.Sim.Environment;
using FlightSw.Sim.Environment.Radiation;
using FlightSw.Sim.Scenarios;
using static FlightSw.Sim.Tests.SimBoardFile;
using static FlightSw.Sim.Tests.SimHardwareScenarios;

namespace FlightSw.Sim.Tests;

public class SimHardwareLatchUpTests
{
    private static readonly TimeSpan Deadline = new RadiationSpec().LatchUpDeadline;

    [TestCase(false)]
    [TestCase(true)]
    public void TriggerLatchUp_Powered_ThePowerMonitorReadsTheStep(bool withScenario)
    {
        using var hardware = Create(withScenario);
        var board = PowerOnAndBoot(hardware);
        double before = board.PowerMonitor.Read().CurrentAmps;

        var latchUp = hardware.TriggerLatchUp(1.0);
        double after = board.PowerMonitor.Read().CurrentAmps;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(latchUp, Is.Not.Null);
            Assert.That(hardware.LatchUps, Is.EqualTo(new[] { latchUp }));
            Assert.That(latchUp!.Onset, Is.EqualTo(hardware.Clock.Elapsed));
            Assert.That(latchUp.Boot, Is.EqualTo(1));
            Assert.That(latchUp.StepAmps, Is.EqualTo(1.0));
            Assert.That(latchUp.Deadline, Is.EqualTo(latchUp.Onset + Deadline));
            Assert.That(latchUp.Source, Is.EqualTo("test"));
            Assert.That(latchUp.IsActive, Is.True);
            // Without a scenario the step adds exactly; on the battery bus the terminal voltage sags a little under it.
            Assert.That(after - before, Is.EqualTo(1.0).Within(withScenario ? 0.05 : 0.002));
            Assert.That(hardware.EnvironmentLog[^1].Kind, Is.EqualTo(EnvironmentRecordKind.LatchUp));
        }
    }

    [Test]
    public void TriggerLatchUp_WithScenario_ThePowerSystemCarriesTheExtraCurrent()
    {
        using var hardware = Create(withScenario: true);
        PowerOnAndBoot(hardware);
        double loadBefore = hardware.Power!.LoadWatts;

        hardware.TriggerLatchUp(0.5);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(hardware.Power.ExtraAmps, Is.EqualTo(0.5));
            Assert.That(hardware.Power.LoadWatts - loadBefore, Is.EqualTo(0.5 * hardware.Power.BusVolts).Within(5).Percent);
        }
    }

    [TestCase(false)]
    [TestCase(true)]
    public void TriggerLatchUp_PowerCycledBeforeTheDeadline_ClearsAndTheBoardLivesOn(bool withScenario)
    {
        using var hardware = Create(withScenario);
        var board = PowerOnAndBoot(hardware);
        double normal = board.PowerMonitor.Read().CurrentAmps;
        var latchUp = hardware.TriggerLatchUp(1.0)!;
        hardware.Clock.RunFor(Deadline / 2);

        board.ResetController.RequestPowerCycle("over-current");
        var next = RunUntilBooted(hardware, board);
        double afterCycle = next.PowerMonitor.Read().CurrentAmps;
        hardware.Clock.RunFor(TimeSpan.FromHours(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(latchUp.IsActive, Is.False);
            Assert.That(latchUp.BurnedOut, Is.False);
            Assert.That(latchUp.ClearedAt, Is.EqualTo(hardware.Resets[0].At));
            Assert.That(latchUp.ClearedBy, Is.EqualTo("power cycle"));
            Assert.That(latchUp.TimeToClear, Is.EqualTo(Deadline / 2));
            Assert.That(hardware.Resets[0].Cause, Is.EqualTo(ResetCause.CommandedPowerCycle));
            Assert.That(afterCycle, Is.EqualTo(normal).Within(0.01), "the current is back down");
            Assert.That(hardware.IsDamaged, Is.False);
            Assert.That(hardware.DamageReason, Is.Null);
            Assert.That(hardware.Board, Is.SameAs(next), "the board runs on past the deadline");
            Assert.That(Kinds(hardware), Does.Contain(EnvironmentRecordKind.LatchUpCleared));
            Assert.That(Kinds(hardware), Does.Not.Contain(EnvironmentRecordKind.BurnOut));
        }
    }

    [TestCase(ResetCause.CommandedWarmReset)]
    [TestCase(ResetCause.Watchdog)]
    public void RequestReset_PowerCycleAfterAPendingLesserReset_PowerCycleWinsAndClearsTheLatchUp(ResetCause first)
    {
        using var hardware = Create(withScenario: true);
        var board = PowerOnAndBoot(hardware);
        var latchUp = hardware.TriggerLatchUp(1.0)!;

        hardware.RequestReset(first, "already pending");
        hardware.RequestReset(ResetCause.CommandedPowerCycle, "latch-up");
        RunUntilBooted(hardware, board);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(hardware.Resets.Select(r => r.Cause), Is.EqualTo(new[] { ResetCause.CommandedPowerCycle }), "one reset, the power cycle");
            Assert.That(latchUp.ClearedBy, Is.EqualTo("power cycle"));
            Assert.That(hardware.IsDamaged, Is.False);
        }
    }

    [Test]
    public void RequestReset_LesserResetAfterAPendingPowerCycle_Ignored()
    {
        using var hardware = Create(withScenario: true);
        var board = PowerOnAndBoot(hardware);

        hardware.RequestReset(ResetCause.CommandedPowerCycle, "first");
        hardware.RequestReset(ResetCause.CommandedWarmReset, "second");
        RunUntilBooted(hardware, board);

        Assert.That(hardware.Resets.Select(r => r.Cause), Is.EqualTo(new[] { ResetCause.CommandedPowerCycle }));
    }

    [TestCase(ResetCause.CommandedWarmReset)]
    [TestCase(ResetCause.Watchdog)]
    public void TriggerLatchUp_ResetWithoutPowerLoss_StaysLatchedAndBurnsOut(ResetCause cause)
    {
        using var hardware = Create(withScenario: true);
        var board = PowerOnAndBoot(hardware);
        double normal = board.PowerMonitor.Read().CurrentAmps;
        var latchUp = hardware.TriggerLatchUp(1.0)!;

        hardware.RequestReset(cause, "not a power cycle");
        var next = RunUntilBooted(hardware, board);
        double afterReset = next.PowerMonitor.Read().CurrentAmps;
        hardware.Clock.RunUntil(latchUp.Deadline);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(afterReset - normal, Is.EqualTo(1.0).Within(0.05), "still latched in the new boot");
            Assert.That(latchUp.ClearedAt, Is.Null);
            Assert.That(latchUp.BurnedOut, Is.True);
            Assert.That(hardware.IsDamaged, Is.True);
        }
    }

    [TestCase(false)]
    [TestCase(true)]
    public void TriggerLatchUp_NoPowerCycle_BurnsOutAtTheDeadlineAndNeverBootsAgain(bool withScenario)
    {
        using var hardware = Create(withScenario);
        PowerOnAndBoot(hardware);
        var latchUp = hardware.TriggerLatchUp(1.0)!;

        hardware.Clock.RunUntil(latchUp.Deadline - TimeSpan.FromTicks(1));
        bool damagedBefore = hardware.IsDamaged;
        hardware.Clock.RunUntil(latchUp.Deadline);
        var burnedOutAt = hardware.Clock.Elapsed;
        int boots = hardware.Boots;
        hardware.RequestReset(ResetCause.CommandedPowerCycle, "too late");
        hardware.PowerOn();
        hardware.Clock.RunFor(TimeSpan.FromDays(2));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(damagedBefore, Is.False);
            Assert.That(hardware.IsDamaged, Is.True);
            Assert.That(hardware.DamageReason, Does.Contain("latch-up"));
            Assert.That(latchUp.BurnedOut, Is.True);
            Assert.That(latchUp.IsActive, Is.False);
            Assert.That(latchUp.ClearedAt, Is.Null);
            Assert.That(hardware.Board, Is.Null);
            Assert.That(hardware.IsPoweredOn, Is.False);
            Assert.That(hardware.Boots, Is.EqualTo(boots), "no boot after the burn-out");
            Assert.That(hardware.Resets, Has.Count.EqualTo(1));
            Assert.That(hardware.Resets[0].At, Is.EqualTo(burnedOutAt));
            Assert.That(hardware.EnvironmentLog.Single(r => r.Kind == EnvironmentRecordKind.BurnOut).Time, Is.EqualTo(latchUp.Deadline));
            Assert.That(hardware.Power?.BoardPowered ?? false, Is.False);
        }
    }

    [Test]
    public void TriggerLatchUp_BurnedOutWhileTheBatteryIsLow_TheRecoveryDoesNotReviveTheBoard()
    {
        using var hardware = new SimHardware(Definition, seed: 8, Exact(Undersized()));
        PowerOnAndBoot(hardware);
        var power = hardware.Power!;
        hardware.Clock.RunUntil(() => power.Battery.StateOfCharge < power.CutoffStateOfCharge + 0.05, Orbit.Period);
        var latchUp = hardware.TriggerLatchUp(0.2)!;
        hardware.Clock.RunUntil(latchUp.Deadline);
        Assert.That(hardware.IsDamaged, Is.True, "burned out before the brownout");
        int boots = hardware.Boots;

        hardware.Clock.RunFor(Orbit.Period * 3);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(power.Battery.StateOfCharge, Is.GreaterThan(power.PowerOnStateOfCharge), "the battery recovered");
            Assert.That(hardware.Boots, Is.EqualTo(boots));
            Assert.That(hardware.IsPoweredOn, Is.False);
            Assert.That(Kinds(hardware), Does.Not.Contain(EnvironmentRecordKind.PowerRestored));
        }
    }

    [Test]
    public void TriggerLatchUp_BeforePowerOn_IsSkippedAndLogged()
    {
        using var hardware = Create(withScenario: false);

        var latchUp = hardware.TriggerLatchUp(1.0);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(latchUp, Is.Null);
            Assert.That(hardware.LatchUps, Is.Empty);
            Assert.That(hardware.EnvironmentLog, Has.Count.EqualTo(1));
            Assert.That(hardware.EnvironmentLog[0].Kind, Is.EqualTo(EnvironmentRecordKind.Skipped));
            Assert.That(hardware.EnvironmentLog[0].Detail, Does.Contain("latch-up").And.Contain("no power"));
        }
    }

    [Test]
    public void TriggerLatchUp_AfterABrownout_IsSkippedAndLogged()
    {
        using var hardware = new SimHardware(Definition, seed: 9, Exact(Undersized()));
        PowerOnAndBoot(hardware);
        hardware.Clock.RunUntil(() => !hardware.IsPoweredOn, Orbit.Period);

        var latchUp = hardware.TriggerLatchUp(1.0, source: "stray");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(latchUp, Is.Null);
            Assert.That(hardware.LatchUps, Is.Empty);
            Assert.That(hardware.EnvironmentLog[^1].Kind, Is.EqualTo(EnvironmentRecordKind.Skipped));
            Assert.That(hardware.EnvironmentLog[^1].Detail, Does.StartWith("stray latch-up"));
        }
    }

    [Test]
    public void TriggerLatchUp_DuringTheBootDelay_LatchesTheBoardAnyway()
    {
        using var hardware = Create(withScenario: false);
        hardware.PowerOn();

        var latchUp = hardware.TriggerLatchUp(1.0);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(hardware.Board, Is.Null);
            Assert.That(latchUp, Is.Not.Null);
            Assert.That(latchUp!.Boot, Is.Zero, "before the first boot");
        }
    }

    [Test]
    public void TriggerLatchUp_ABrownoutWhileLatched_ClearsIt()
    {
        using var hardware = new SimHardware(Definition, seed: 10, Exact(Undersized()));
        PowerOnAndBoot(hardware);
        var power = hardware.Power!;
        // Long enough a deadline to last into the brownout.
        var latchUp = hardware.TriggerLatchUp(0.1, deadline: Orbit.Period)!;

        hardware.Clock.RunUntil(() => !hardware.IsPoweredOn, Orbit.Period);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(latchUp.ClearedBy, Is.EqualTo("brownout"));
            Assert.That(latchUp.ClearedAt, Is.EqualTo(hardware.Resets[0].At));
            Assert.That(power.ExtraAmps, Is.Zero);
            Assert.That(hardware.IsDamaged, Is.False);
        }
    }

    [Test]
    public void TriggerLatchUp_InvalidArguments_ThrowArgumentOutOfRangeException()
    {
        using var hardware = Create(withScenario: false);
        PowerOnAndBoot(hardware);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(() => hardware.TriggerLatchUp(0), Throws.TypeOf<ArgumentOutOfRangeException>());
            Assert.That(() => hardware.TriggerLatchUp(-1), Throws.TypeOf<ArgumentOutOfRangeException>());
            Assert.That(() => hardware.TriggerLatchUp(double.NaN), Throws.TypeOf<ArgumentOutOfRangeException>());
            Assert.That(() => hardware.TriggerLatchUp(1, TimeSpan.Zero), Throws.TypeOf<ArgumentOutOfRangeException>());
            Assert.That(hardware.LatchUps, Is.Empty);
        }
    }

    [Test]
    public void LatchUpDeadline_Scenario_IsTheScenarios()
    {
        var scenario = Quiet() with { Radiation = NoRadiation with { LatchUpDeadline = TimeSpan.FromSeconds(30) } };
        using var withScenario = new SimHardware(Definition, seed: 1, Exact(scenario));
        using var without = new SimHardware(Definition, seed: 1, Exact());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(withScenario.LatchUpDeadline, Is.EqualTo(TimeSpan.FromSeconds(30)));
            Assert.That(without.LatchUpDeadline, Is.EqualTo(Deadline));
        }
    }

    [Test]
    public void ScriptedLatchUp_Scenario_HappensAtItsTimeWithItsStep()
    {
        var at = TimeSpan.FromMinutes(10);
        var scenario = Quiet(new ScriptedEvent(at, ScriptedEventKind.LatchUp) { StepAmps = 0.7 });
        using var hardware = new SimHardware(Definition, seed: 11, Exact(scenario));
        PowerOnAndBoot(hardware);

        hardware.Clock.RunUntil(at);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(hardware.LatchUps, Has.Count.EqualTo(1));
            Assert.That(hardware.LatchUps[0].Onset, Is.EqualTo(at));
            Assert.That(hardware.LatchUps[0].StepAmps, Is.EqualTo(0.7));
            Assert.That(hardware.LatchUps[0].Source, Is.EqualTo("scripted"));
            Assert.That(hardware.LatchUps[0].Deadline, Is.EqualTo(at + Deadline));
        }
    }

    [Test]
    public void ScriptedLatchUps_SoftwarePowerCyclesOnOverCurrent_BoardSurvivesThemAll()
    {
        var scenario = Quiet(
            new ScriptedEvent(TimeSpan.FromMinutes(10), ScriptedEventKind.LatchUp) { StepAmps = 0.7 },
            new ScriptedEvent(TimeSpan.FromMinutes(30), ScriptedEventKind.LatchUp));
        using var hardware = new SimHardware(Definition, seed: 12, Exact(scenario));
        hardware.Booted += PowerCycleOnOverCurrent;
        hardware.PowerOn();

        hardware.Clock.RunFor(TimeSpan.FromHours(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(hardware.LatchUps.Select(l => l.StepAmps), Is.EqualTo(new[] { 0.7, scenario.Radiation.LatchUpStepAmps }));
            Assert.That(hardware.LatchUps.Select(l => l.ClearedBy), Has.All.EqualTo("power cycle"));
            Assert.That(hardware.LatchUps.Select(l => l.TimeToClear), Has.All.LessThan(TimeSpan.FromSeconds(2)));
            Assert.That(hardware.IsDamaged, Is.False);
            Assert.That(hardware.Resets.Select(r => r.Cause), Is.EqualTo(new[] { ResetCause.CommandedPowerCycle, ResetCause.CommandedPowerCycle }));
            Assert.That(hardware.Board, Is.Not.Null);
        }
    }

    [Test]
    public void ScriptedLatchUp_NobodyPowerCycles_BurnsTheBoardOut()
    {
        var at = TimeSpan.FromMinutes(10);
        using var hardware = new SimHardware(Definition, seed: 13, Exact(Quiet(new ScriptedEvent(at, ScriptedEventKind.LatchUp))));
        PowerOnAndBoot(hardware);

        hardware.Clock.RunFor(TimeSpan.FromHours(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(hardware.IsDamaged, Is.True);
            Assert.That(hardware.EnvironmentLog.Single(r => r.Kind == EnvironmentRecordKind.BurnOut).Time, Is.EqualTo(at + Deadline));
        }
    }

    [Test]
    public void ScriptedLatchUp_BeforePowerOn_IsSkippedAndLogged()
    {
        var at = TimeSpan.FromMinutes(1);
        using var hardware = new SimHardware(Definition, seed: 14, Exact(Quiet(new ScriptedEvent(at, ScriptedEventKind.LatchUp))));

        hardware.Clock.RunFor(TimeSpan.FromMinutes(2));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(hardware.LatchUps, Is.Empty);
            Assert.That(hardware.EnvironmentLog.Single(r => r.Kind == EnvironmentRecordKind.Skipped).Time, Is.EqualTo(at));
            Assert.That(hardware.EnvironmentLog.Single(r => r.Kind == EnvironmentRecordKind.Skipped).Detail, Does.StartWith("scripted latch-up"));
        }
    }

    [Test]
    public void RandomLatchUps_ScenarioRate_ArriveWithTheScenariosStep()
    {
        var scenario = Quiet() with { Radiation = NoRadiation with { LatchUpsPerDay = 200, LatchUpStepAmps = 0.5 } };
        using var hardware = new SimHardware(Definition, seed: 15, Exact(scenario));
        hardware.Booted += PowerCycleOnOverCurrent;
        hardware.PowerOn();

        hardware.Clock.RunFor(TimeSpan.FromHours(6));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(hardware.LatchUps, Has.Count.GreaterThan(10));
            Assert.That(hardware.LatchUps.Select(l => l.Source), Has.All.EqualTo("random"));
            Assert.That(hardware.LatchUps.Select(l => l.StepAmps), Has.All.EqualTo(0.5));
            Assert.That(hardware.LatchUps.Select(l => l.ClearedBy), Has.All.EqualTo("power cycle"));
            Assert.That(hardware.IsDamaged, Is.False, "the guard caught every one");
        }
    }

    /// <summary>A minimal latch-up guard: reads the supply current every second and power-cycles above 0.8 A (the idle board draws about 0.5 A).</summary>
    internal static void PowerCycleOnOverCurrent(SimBoard board)
    {
        board.Watchdog.Start();
        var timer = board.Time.CreateTimer(
            _ =>
            {
                board.Watchdog.Pet();
                if (board.PowerMonitor.TryRead(out var reading) && reading.CurrentAmps > 0.8)
                {
                    board.ResetController.RequestPowerCycle($"over-current {reading.CurrentAmps:0.00} A");
                }
            },
            null,
            TimeSpan.FromSeconds(1),
            TimeSpan.FromSeconds(1));
        GC.KeepAlive(timer); // the boot holds it; it dies with the boot
    }

    private static SimHardware Create(bool withScenario) => new(Definition, seed: 1, Exact(withScenario ? Quiet() : null));
}
