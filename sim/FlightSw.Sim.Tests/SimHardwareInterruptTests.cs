using FlightSw.Hal;
using FlightSw.Sim.Environment;
using FlightSw.Sim.Environment.Radiation;
using FlightSw.Sim.Scenarios;
using static FlightSw.Sim.Tests.SimBoardFile;
using static FlightSw.Sim.Tests.SimHardwareScenarios;

namespace FlightSw.Sim.Tests;

public class SimHardwareInterruptTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Test]
    public void TriggerFunctionalInterrupt_Board_EveryTimerOfTheBootStopsUntilAReset()
    {
        using var hardware = new SimHardware(Definition, seed: 1, Exact());
        var board = PowerOnAndBoot(hardware);
        int ticks = 0;
        using var timer = board.Time.CreateTimer(_ => ticks++, null, Second, Second);
        hardware.Clock.RunFor(TimeSpan.FromSeconds(10));

        var interrupt = hardware.TriggerFunctionalInterrupt(FunctionalInterruptKind.Board);
        var struckAt = hardware.Clock.Elapsed;
        hardware.Clock.RunFor(TimeSpan.FromHours(1));
        int ticksWhileHung = ticks;
        var delay = Task.Delay(Second, board.Time);
        hardware.Clock.RunFor(TimeSpan.FromMinutes(1));
        bool delayEnded = delay.IsCompleted;
        var stillHung = (hardware.Board, board.IsFrozen, interrupt!.EndedAt);

        hardware.RequestReset(ResetCause.CommandedWarmReset, "ground command");
        var next = RunUntilBooted(hardware, board);
        int nextTicks = 0;
        using var nextTimer = next.Time.CreateTimer(_ => nextTicks++, null, Second, Second);
        hardware.Clock.RunFor(TimeSpan.FromSeconds(10));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(interrupt.Kind, Is.EqualTo(FunctionalInterruptKind.Board));
            Assert.That(interrupt.Time, Is.EqualTo(struckAt));
            Assert.That(interrupt.Boot, Is.EqualTo(1));
            Assert.That(interrupt.Source, Is.EqualTo("test"));
            Assert.That(hardware.FunctionalInterrupts, Is.EqualTo(new[] { interrupt }));
            Assert.That(ticksWhileHung, Is.EqualTo(10), "the timer stopped with the board");
            Assert.That(delayEnded, Is.False, "a delay begun on the hung board never ends");
            Assert.That(stillHung.Board, Is.SameAs(board), "nothing resets a hung board without a watchdog");
            Assert.That(stillHung.IsFrozen, Is.True);
            Assert.That(stillHung.EndedAt, Is.Null);
            Assert.That(interrupt.EndedAt, Is.EqualTo(hardware.Resets[0].At));
            Assert.That(interrupt.EndedBy, Is.EqualTo(nameof(ResetCause.CommandedWarmReset)));
            Assert.That(next.IsFrozen, Is.False);
            Assert.That(nextTicks, Is.EqualTo(10), "the reset got the board going again");
            Assert.That(hardware.EnvironmentLog[0].Kind, Is.EqualTo(EnvironmentRecordKind.FunctionalInterrupt));
        }
    }

    [Test]
    public void TriggerFunctionalInterrupt_BoardAlreadyHung_IsSkippedAndLogged()
    {
        using var hardware = new SimHardware(Definition, seed: 11, Exact());
        var board = PowerOnAndBoot(hardware);
        using var timer = board.Time.CreateTimer(_ => { }, null, Second, Second);
        hardware.TriggerFunctionalInterrupt(FunctionalInterruptKind.Board);

        var again = hardware.TriggerFunctionalInterrupt(FunctionalInterruptKind.Board);
        var thread = hardware.TriggerFunctionalInterrupt(FunctionalInterruptKind.Thread);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(again, Is.Null);
            Assert.That(thread, Is.Null);
            Assert.That(hardware.FunctionalInterrupts, Has.Count.EqualTo(1));
            Assert.That(Kinds(hardware), Is.EqualTo(new[] { EnvironmentRecordKind.FunctionalInterrupt, EnvironmentRecordKind.Skipped, EnvironmentRecordKind.Skipped }));
        }
    }

    [Test]
    public void TriggerFunctionalInterrupt_BoardWithTheWatchdogArmed_TheWatchdogResetsTheBoard()
    {
        using var hardware = new SimHardware(Definition, seed: 2, Exact());
        var board = PowerOnAndBoot(hardware);
        board.Watchdog.Start();
        using var petter = board.Time.CreateTimer(_ => board.Watchdog.Pet(), null, Second, Second);
        hardware.Clock.RunFor(TimeSpan.FromMinutes(1));
        Assert.That(hardware.Resets, Is.Empty, "petted: no reset");

        var interrupt = hardware.TriggerFunctionalInterrupt(FunctionalInterruptKind.Board)!;
        var next = RunUntilBooted(hardware, board);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(hardware.Resets, Has.Count.EqualTo(1));
            Assert.That(hardware.Resets[0].Cause, Is.EqualTo(ResetCause.Watchdog));
            Assert.That(hardware.Watchdog.Expirations, Is.EqualTo(1));
            Assert.That(interrupt.EndedAt, Is.EqualTo(hardware.Resets[0].At));
            Assert.That(interrupt.EndedBy, Is.EqualTo(nameof(ResetCause.Watchdog)));
            Assert.That(interrupt.EndedAt - interrupt.Time, Is.InRange(TimeSpan.Zero, hardware.Watchdog.Timeout), "bitten within a timeout of the last pet");
            Assert.That(next.ResetController.LastResetCause, Is.EqualTo(ResetCause.Watchdog));
        }
    }

    [Test]
    public void TriggerFunctionalInterrupt_Thread_StopsTheFirstCreatedTimerOnlyAndTheOtherKeepsFiring()
    {
        using var hardware = new SimHardware(Definition, seed: 3, Exact());
        var board = PowerOnAndBoot(hardware);
        int first = 0;
        int second = 0;
        using var firstTimer = board.Time.CreateTimer(_ => first++, null, Second, Second);
        using var secondTimer = board.Time.CreateTimer(_ => second++, null, Second, Second);
        hardware.Clock.RunFor(TimeSpan.FromSeconds(10));

        // The first interrupt of the run picks the first live timer in creation order.
        var interrupt = hardware.TriggerFunctionalInterrupt(FunctionalInterruptKind.Thread);
        hardware.Clock.RunFor(TimeSpan.FromSeconds(50));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(interrupt, Is.Not.Null);
            Assert.That(interrupt!.Kind, Is.EqualTo(FunctionalInterruptKind.Thread));
            Assert.That(first, Is.EqualTo(10), "the hung thread");
            Assert.That(second, Is.EqualTo(60), "the other thread runs on");
            Assert.That(board.IsFrozen, Is.False);
            Assert.That(hardware.Board, Is.SameAs(board));
            Assert.That(interrupt.EndedAt, Is.Null);
        }
    }

    [Test]
    public void TriggerFunctionalInterrupt_ThreadWithTheWatchdogPettedByAnotherThread_GoesUnnoticed()
    {
        using var hardware = new SimHardware(Definition, seed: 4, Exact());
        var board = PowerOnAndBoot(hardware);
        int work = 0;
        board.Watchdog.Start();
        using var worker = board.Time.CreateTimer(_ => work++, null, Second, Second);
        using var petter = board.Time.CreateTimer(_ => board.Watchdog.Pet(), null, Second, Second);

        hardware.TriggerFunctionalInterrupt(FunctionalInterruptKind.Thread);
        hardware.Clock.RunFor(TimeSpan.FromHours(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(work, Is.Zero);
            Assert.That(hardware.Resets, Is.Empty, "the watchdog only sees the thread that pets it");
        }
    }

    [Test]
    public void TriggerFunctionalInterrupt_ThreadWithNoTimers_IsSkippedAndLogged()
    {
        using var hardware = new SimHardware(Definition, seed: 5, Exact());
        PowerOnAndBoot(hardware);

        var interrupt = hardware.TriggerFunctionalInterrupt(FunctionalInterruptKind.Thread);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(interrupt, Is.Null);
            Assert.That(hardware.FunctionalInterrupts, Is.Empty);
            Assert.That(hardware.EnvironmentLog[^1].Kind, Is.EqualTo(EnvironmentRecordKind.Skipped));
        }
    }

    [TestCase(FunctionalInterruptKind.Board)]
    [TestCase(FunctionalInterruptKind.Thread)]
    public void TriggerFunctionalInterrupt_PoweredOff_IsSkippedAndLogged(FunctionalInterruptKind kind)
    {
        using var hardware = new SimHardware(Definition, seed: 6, Exact());

        var interrupt = hardware.TriggerFunctionalInterrupt(kind, "stray");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(interrupt, Is.Null);
            Assert.That(hardware.FunctionalInterrupts, Is.Empty);
            Assert.That(hardware.EnvironmentLog, Has.Count.EqualTo(1));
            Assert.That(hardware.EnvironmentLog[0].Kind, Is.EqualTo(EnvironmentRecordKind.Skipped));
            Assert.That(hardware.EnvironmentLog[0].Detail, Does.StartWith("stray functional interrupt").And.Contain(kind.ToString()));
        }
    }

    [Test]
    public void TriggerFunctionalInterrupt_DuringTheBootDelay_IsSkipped()
    {
        using var hardware = new SimHardware(Definition, seed: 7, Exact());
        hardware.PowerOn();

        var interrupt = hardware.TriggerFunctionalInterrupt(FunctionalInterruptKind.Board);
        var board = RunUntilBooted(hardware);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(interrupt, Is.Null, "no software runs yet");
            Assert.That(board.IsFrozen, Is.False, "the boot that follows is not hung");
            Assert.That(hardware.EnvironmentLog.Single().Kind, Is.EqualTo(EnvironmentRecordKind.Skipped));
        }
    }

    [Test]
    public void TriggerFunctionalInterrupt_EndedByABrownout_RecordsIt()
    {
        using var hardware = new SimHardware(Definition, seed: 8, Exact(Undersized()));
        PowerOnAndBoot(hardware);
        var interrupt = hardware.TriggerFunctionalInterrupt(FunctionalInterruptKind.Board)!;

        hardware.Clock.RunUntil(() => !hardware.IsPoweredOn, Orbit.Period);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(interrupt.EndedBy, Is.EqualTo(nameof(ResetCause.Brownout)));
            Assert.That(interrupt.EndedAt, Is.EqualTo(hardware.Resets[0].At));
        }
    }

    [Test]
    public void ScriptedFunctionalInterrupt_Scenario_HappensAtItsTime()
    {
        var at = TimeSpan.FromMinutes(5);
        var scenario = Quiet(
            new ScriptedEvent(at, ScriptedEventKind.FunctionalInterrupt) { Interrupt = FunctionalInterruptKind.Board },
            new ScriptedEvent(at * 2, ScriptedEventKind.FunctionalInterrupt) { Interrupt = FunctionalInterruptKind.Thread });
        using var hardware = new SimHardware(Definition, seed: 9, Exact(scenario));
        hardware.Booted += board =>
        {
            board.Watchdog.Start();
            var petter = board.Time.CreateTimer(_ => board.Watchdog.Pet(), null, Second, Second);
            GC.KeepAlive(petter);
        };
        hardware.PowerOn();

        hardware.Clock.RunFor(TimeSpan.FromMinutes(15));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(hardware.FunctionalInterrupts.Select(i => (i.Time, i.Kind, i.Source)), Is.EqualTo(new[]
            {
                (at, FunctionalInterruptKind.Board, "scripted"),
                (at * 2, FunctionalInterruptKind.Thread, "scripted"),
            }));
            Assert.That(hardware.FunctionalInterrupts[0].EndedBy, Is.EqualTo(nameof(ResetCause.Watchdog)));
            Assert.That(hardware.FunctionalInterrupts[1].Boot, Is.EqualTo(2));
            Assert.That(hardware.Resets.Select(r => r.Cause), Is.EqualTo(new[] { ResetCause.Watchdog, ResetCause.Watchdog }), "the only thread was the watchdog's");
        }
    }

    [Test]
    public void RandomFunctionalInterrupts_ScenarioRate_ArriveAndTheWatchdogRecovers()
    {
        var scenario = Quiet() with { Radiation = NoRadiation with { FunctionalInterruptsPerDay = 100, BoardHangFraction = 1 } };
        using var hardware = new SimHardware(Definition, seed: 10, Exact(scenario));
        hardware.Booted += board =>
        {
            board.Watchdog.Start();
            var petter = board.Time.CreateTimer(_ => board.Watchdog.Pet(), null, Second, Second);
            GC.KeepAlive(petter);
        };
        hardware.PowerOn();

        hardware.Clock.RunFor(TimeSpan.FromHours(12));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(hardware.FunctionalInterrupts, Has.Count.GreaterThan(10));
            Assert.That(hardware.FunctionalInterrupts.Select(i => i.Source), Has.All.EqualTo("random"));
            Assert.That(hardware.FunctionalInterrupts.Select(i => i.Kind), Has.All.EqualTo(FunctionalInterruptKind.Board));
            Assert.That(hardware.FunctionalInterrupts.Select(i => i.Boot), Is.Unique, "a hung board is not hung again");
            Assert.That(hardware.FunctionalInterrupts.SkipLast(1).Select(i => i.EndedBy), Has.All.EqualTo(nameof(ResetCause.Watchdog)));
            Assert.That(hardware.Resets.Select(r => r.Cause), Has.All.EqualTo(ResetCause.Watchdog));
            Assert.That(hardware.Resets, Has.Count.EqualTo(hardware.FunctionalInterrupts.Count(i => i.EndedAt is not null)));
            Assert.That(hardware.Board, Is.Not.Null);
        }
    }
}
