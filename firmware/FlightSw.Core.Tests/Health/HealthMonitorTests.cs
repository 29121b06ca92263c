using FlightSw.Core.Commands;
using FlightSw.Core.Components;
using FlightSw.Core.Health;
using FlightSw.Core.Scheduling;
using FlightSw.Core.Storage;
using FlightSw.Core.Tests.Fixtures;
using FlightSw.Hal;

namespace FlightSw.Core.Tests.Health;

public class HealthMonitorTests
{
    private const string HungAgain = "hung again after 1 restart(s) within 600 s";

    /// <summary>A node whose every boot has a 10 Hz component "probe", critical unless <paramref name="critical"/> is false.</summary>
    private static TestNode Node(bool critical = true) => TestNode.Boot(app =>
    {
        var probe = new TestComponent { Critical = critical };
        probe.AddCommand(0, "TST_PING", _ => CommandResult.Ok("pong"));
        app.Add(probe, RateGroupId.Rate10Hz);
    });

    private static TestComponent Probe(TestNode node) => (TestComponent)node.App.FindComponent("probe")!;

    /// <summary>Hangs the probe and runs until the health monitor has restarted it and heard it again (6 s).</summary>
    private static void HangAndRecover(TestNode node)
    {
        Probe(node).InjectHang();
        node.RunFor(TimeSpan.FromSeconds(6));
        Assert.That(Probe(node).IsHung, Is.False, "restarted");
    }

    [Test]
    public void Start_Application_ArmsTheWatchdogAndWatchesEveryScheduledComponentButItself()
    {
        using var node = TestNode.Boot(app =>
        {
            app.Add(new TestComponent("scheduled", 0x2000), RateGroupId.Rate10Hz);
            app.Add(new TestComponent("passive", 0x2100));
        });

        using (Assert.EnterMultipleScope())
        {
            // boot, commands and scheduled; the scheduler and passive components run no cycles, and the watchdog watches health.
            Assert.That(node.EventsNamed("HEALTH_WDOG_ARMED").Select(e => e.Message), Is.EqualTo(new[] { "Watchdog armed, timeout 5 s; 3 components monitored" }));
            Assert.That(node.Telemetry("HEALTH_WDOG_ARMED"), Is.EqualTo(true));
            Assert.That(node.Hardware.Watchdog.IsRunning, Is.True);
        }
    }

    [Test]
    public void OnCycle_EveryComponentAnswers_PetsTheWatchdogEverySecondAndNeverResets()
    {
        using var node = TestNode.Boot(app =>
        {
            app.Add(new TestComponent("fast", 0x2000), RateGroupId.Rate10Hz);
            app.Add(new TestComponent("slow", 0x2100), RateGroupId.Rate0_1Hz);
        });

        node.RunFor(TimeSpan.FromSeconds(60));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(node.App.Health.WatchdogPets, Is.EqualTo(60u));
            Assert.That(node.Telemetry("HEALTH_WDOG_PETS"), Is.EqualTo(60u));
            Assert.That(node.Hardware.Watchdog.Pets, Is.EqualTo(60));
            Assert.That(node.Telemetry("HEALTH_UNRESPONSIVE"), Is.EqualTo(0u));
            Assert.That(node.App.Health.Unresponsive, Is.Empty);
            Assert.That(node.EventsNamed("HEALTH_UNRESPONSIVE"), Is.Empty, "a 0.1 Hz component has two of its periods to answer");
            Assert.That(node.Hardware.Resets, Is.Empty);
        }
    }

    [Test]
    public void OnCycle_ComponentThrowsEveryCycle_IsReportedUnresponsiveRestartedAndTheWatchdogNotPettedWhileItIsDown()
    {
        using var node = TestNode.Boot(app => app.Add(new FaultyComponent(), RateGroupId.Rate10Hz));

        node.RunFor(TimeSpan.FromSeconds(5));

        var unresponsive = node.EventsNamed("HEALTH_UNRESPONSIVE");
        using (Assert.EnterMultipleScope())
        {
            // Pinged at 0.1 s; not late at 1.1 s and 2.1 s (2 s deadline); late at 3.1 s.
            Assert.That(unresponsive, Has.Count.EqualTo(1));
            Assert.That(unresponsive[0]["component"], Is.EqualTo("faulty"));
            Assert.That(unresponsive[0]["waitedS"], Is.EqualTo(3.0));
            Assert.That(unresponsive[0].Time, Is.EqualTo(node.Clock.Epoch + node.StartedAt + TimeSpan.FromSeconds(3.1)));
            Assert.That(unresponsive[0].Message, Is.EqualTo("Component faulty has not answered heartbeat 3 for 3 s"));
            Assert.That(node.EventsNamed("HEALTH_RESTARTED").Select(e => e.Message), Is.EqualTo(new[] { "Restarted component faulty (restart 1 within 600 s)" }));
            Assert.That(node.App.FindComponent("faulty")!.Restarts, Is.EqualTo(1));
            Assert.That(node.App.Health.Unresponsive, Is.EqualTo(new[] { "faulty" }), "the restart did not cure it");
            Assert.That(node.Telemetry("HEALTH_UNRESPONSIVE"), Is.EqualTo(1u));
            Assert.That(node.App.Health.WatchdogPets, Is.EqualTo(3u), "petted at 0.1, 1.1 and 2.1 s only");
            Assert.That(node.Hardware.Watchdog.Pets, Is.EqualTo(3));
            Assert.That(node.Hardware.Resets, Is.Empty);
        }
    }

    [Test]
    public void OnCycle_CriticalComponentSilentAfterItsRestart_WarmResetsAtTheNextDeadlineBeforeTheWatchdogWould()
    {
        using var node = TestNode.Boot(app => app.Add(new FaultyComponent(), RateGroupId.Rate10Hz));
        var started = node.StartedAt;

        node.RunUntilBoot(2);

        using (Assert.EnterMultipleScope())
        {
            // Restarted at 3.1 s and pinged again; still silent at 6.1 s, before the watchdog's 2.1 + 5 s.
            Assert.That(node.Boots[0].Events.Snapshot().Count(e => e.Name == "HEALTH_UNRESPONSIVE"), Is.EqualTo(2));
            Assert.That(node.Hardware.Resets.Select(r => (r.Cause, r.Reason, r.At - started)), Is.EqualTo(new[]
            {
                (ResetCause.CommandedWarmReset, $"health: faulty {HungAgain}", TimeSpan.FromSeconds(6.1)),
            }));
            Assert.That(node.App.Boot.ResetCause, Is.EqualTo(ResetCause.CommandedWarmReset));
        }
    }

    [Test]
    public void OnCycle_ComponentAnswersAgain_IsReportedRecoveredAndPettingResumes()
    {
        var faulty = new FaultyComponent();
        using var node = TestNode.Boot(app => app.Add(faulty, RateGroupId.Rate10Hz));
        node.RunFor(TimeSpan.FromSeconds(3.5));
        var unresponsiveBefore = node.App.Health.Unresponsive;

        faulty.Failing = false;
        node.RunFor(TimeSpan.FromSeconds(10));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(unresponsiveBefore, Is.EqualTo(new[] { "faulty" }));
            Assert.That(node.EventsNamed("HEALTH_RECOVERED").Select(e => e.Message), Is.EqualTo(new[] { "Component faulty answers its heartbeat again" }));
            Assert.That(node.EventsNamed("HEALTH_RECOVERED")[0].Time, Is.EqualTo(node.Clock.Epoch + node.StartedAt + TimeSpan.FromSeconds(4.1)));
            Assert.That(node.App.Health.Unresponsive, Is.Empty);
            Assert.That(node.App.Health.WatchdogPets, Is.EqualTo(3u + 10u), "petted again from 4.1 s to 13.1 s");
            Assert.That(node.Hardware.Resets, Is.Empty);
        }
    }

    [Test]
    public void OnCycle_SlowGroupComponentHangs_IsReportedAfterTwoOfItsPeriods()
    {
        var slow = new TestComponent("slow", 0x2000);
        using var node = TestNode.Boot(app => app.Add(slow, RateGroupId.Rate0_1Hz));
        node.RunForMilliseconds(500);

        slow.InjectHang();
        node.RunFor(TimeSpan.FromSeconds(22));

        var unresponsive = node.EventsNamed("HEALTH_UNRESPONSIVE");
        using (Assert.EnterMultipleScope())
        {
            // It answered at 0.1 s; the ping sent at 1.1 s is late only after 20 s, at 22.1 s.
            Assert.That(unresponsive, Has.Count.EqualTo(1));
            Assert.That(unresponsive[0]["component"], Is.EqualTo("slow"));
            Assert.That(unresponsive[0]["waitedS"], Is.EqualTo(21.0));
            Assert.That(slow.Cycles, Has.Count.EqualTo(1), "a hung component does nothing");
            Assert.That(slow.Restarts, Is.EqualTo(1));
        }
    }

    [Test]
    public void OnCycle_CriticalComponentHangs_IsRestartedAnswersAgainAndTheNodeKeepsPetting()
    {
        using var node = Node();
        node.RunForMilliseconds(500);
        var probe = Probe(node);

        probe.InjectHang();
        node.RunFor(TimeSpan.FromSeconds(20));

        using (Assert.EnterMultipleScope())
        {
            // Its ping of 1.1 s is late at 4.1 s: restarted then, answering by 5.1 s.
            Assert.That(node.EventsNamed("HEALTH_UNRESPONSIVE").Select(e => e.Time - node.Clock.Epoch - node.StartedAt), Is.EqualTo(new[] { TimeSpan.FromSeconds(4.1) }));
            Assert.That(node.EventsNamed("HEALTH_RESTARTED").Select(e => e.Message), Is.EqualTo(new[] { "Restarted component probe (restart 1 within 600 s)" }));
            Assert.That(node.EventsNamed("HEALTH_RECOVERED").Select(e => e.Time - node.Clock.Epoch - node.StartedAt), Is.EqualTo(new[] { TimeSpan.FromSeconds(5.1) }));
            Assert.That(probe.IsHung, Is.False);
            Assert.That(probe.Restarts, Is.EqualTo(1));
            Assert.That(probe.Lifecycle, Is.EqualTo(new[] { "initialize", "start", "restart" }));
            Assert.That(probe.Cycles.Where(c => c.At - node.StartedAt > TimeSpan.FromSeconds(4.1)), Is.Not.Empty, "it runs again");
            Assert.That(node.Telemetry("HEALTH_RESTARTS"), Is.EqualTo(1u));
            Assert.That(node.Telemetry("HEALTH_UNRESPONSIVE"), Is.EqualTo(0u));
            Assert.That(node.App.Health.WatchdogPets, Is.EqualTo(20u), "21 health cycles, all petted but the one that restarted it");
            Assert.That(node.Hardware.Resets, Is.Empty);
            Assert.That(node.EventsNamed("HEALTH_WARM_RESET"), Is.Empty);
        }
    }

    [Test]
    public void OnCycle_CriticalComponentHangsAgainWithinTheRestartWindow_WarmResetsWithTheReason()
    {
        using var node = Node();
        HangAndRecover(node);

        Probe(node).InjectHang();
        node.RunUntilBoot(2);

        var first = node.Boots[0].Events.Snapshot();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.Where(e => e.Name == "HEALTH_WARM_RESET").Select(e => e.Message), Is.EqualTo(new[] { $"Warm reset for probe: {HungAgain}" }));
            Assert.That(first.Where(e => e.Name == "BOOT_RESET_REQUESTED").Select(e => e.Message), Is.EqualTo(new[] { $"warm reset requested: health: probe {HungAgain}" }));
            Assert.That(node.Boots[0].Telemetry.Find("HEALTH_ESCALATIONS")!.BoxedValue, Is.EqualTo(1u));
            Assert.That(node.Hardware.Resets.Select(r => r.Cause), Is.EqualTo(new[] { ResetCause.CommandedWarmReset }));
            Assert.That(node.EventsNamed("BOOT").Select(e => e.Message), Is.EqualTo(new[] { $"Boot 2, reset cause CommandedWarmReset: health: probe {HungAgain}" }));
        }
    }

    [Test]
    public void OnCycle_AfterAHealthWarmReset_ItsCountersSurviveTheReset()
    {
        using var node = Node();
        HangAndRecover(node);
        Probe(node).InjectHang();
        node.RunUntilBoot(2);

        var stored = new DurableRecordStore(node.Hardware.Store).Read(RecoveryLadderRecord.RecordName);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(node.Telemetry("HEALTH_WARM_RESETS"), Is.EqualTo(1u));
            Assert.That(node.Telemetry("HEALTH_POWER_CYCLES"), Is.EqualTo(0u));
            Assert.That(node.Telemetry("RESETS_WARM"), Is.EqualTo(1u));
            Assert.That(node.Telemetry("HEALTH_RESTARTS"), Is.Null, "restarts are counted per boot: none yet in this one");
            Assert.That(RecoveryLadderRecord.TryParse(stored.Payload, out var ladder, out _), Is.True);
            Assert.That(ladder.WarmResets, Is.EqualTo(1u));
            Assert.That(ladder.LastResetAt!.Value, Is.EqualTo(node.Boots[0].Events.Snapshot().Single(e => e.Name == "HEALTH_WARM_RESET").Time).Within(TimeSpan.FromMilliseconds(1)), "kept to the millisecond");
        }
    }

    [Test]
    public void OnCycle_HangsAgainWithinTheEscalationWindowOfAHealthWarmReset_PowerCycles()
    {
        using var node = Node();
        HangAndRecover(node);
        Probe(node).InjectHang();
        node.RunUntilBoot(2);
        var warmResetAt = node.Hardware.Resets[0].At;
        node.RunFor(TimeSpan.FromSeconds(60));

        HangAndRecover(node); // a fresh boot restarts it first
        Probe(node).InjectHang();
        node.RunUntilBoot(3);

        var second = node.Boots[1].Events.Snapshot();
        var powerCycle = second.Where(e => e.Name == "HEALTH_POWER_CYCLE").ToArray();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(powerCycle, Has.Length.EqualTo(1));
            Assert.That(powerCycle[0]["component"], Is.EqualTo("probe"));
            Assert.That(powerCycle[0]["agoS"], Is.EqualTo((node.Hardware.Resets[1].At - warmResetAt).TotalSeconds).Within(0.001));
            Assert.That(powerCycle[0].Message, Does.StartWith($"Power cycle for probe: {HungAgain}; the warm reset ").And.EndWith(" s ago did not cure it"));
            Assert.That(second.Where(e => e.Name == "HEALTH_WARM_RESET"), Is.Empty);
            Assert.That(node.Hardware.Resets.Select(r => r.Cause), Is.EqualTo(new[] { ResetCause.CommandedWarmReset, ResetCause.CommandedPowerCycle }));
            Assert.That(node.App.Boot.ResetCause, Is.EqualTo(ResetCause.CommandedPowerCycle));
            Assert.That(node.Telemetry("HEALTH_POWER_CYCLES"), Is.EqualTo(1u));
            Assert.That(node.Telemetry("HEALTH_WARM_RESETS"), Is.EqualTo(1u));
        }
    }

    [Test]
    public void Escalate_WithinTheEscalationWindowOfAWarmResetForAnotherComponent_WarmResetsInsteadOfPowerCycling()
    {
        using var node = Node();
        HangAndRecover(node);
        Probe(node).InjectHang();
        node.RunUntilBoot(2);
        node.RunFor(TimeSpan.FromSeconds(60));

        node.App.Health.Escalate(node.App.FindComponent("boot")!, "an unrelated fault");
        node.RunUntilBoot(3);

        var second = node.Boots[1].Events.Snapshot();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(second.Where(e => e.Name == "HEALTH_POWER_CYCLE"), Is.Empty, "the warm reset cured the probe; this is another fault");
            Assert.That(second.Single(e => e.Name == "HEALTH_WARM_RESET")["component"], Is.EqualTo("boot"));
            Assert.That(node.Hardware.Resets.Select(r => r.Cause), Is.EqualTo(new[] { ResetCause.CommandedWarmReset, ResetCause.CommandedWarmReset }));
            Assert.That(node.Telemetry("HEALTH_WARM_RESETS"), Is.EqualTo(2u));
        }
    }

    [Test]
    public void OnCycle_HangsAgainAfterTheEscalationWindow_WarmResetsAgain()
    {
        using var node = Node();
        HangAndRecover(node);
        Probe(node).InjectHang();
        node.RunUntilBoot(2);
        node.RunFor(TimeSpan.FromSeconds(3700));

        HangAndRecover(node);
        Probe(node).InjectHang();
        node.RunUntilBoot(3);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(node.Hardware.Resets.Select(r => r.Cause), Is.EqualTo(new[] { ResetCause.CommandedWarmReset, ResetCause.CommandedWarmReset }));
            Assert.That(node.Telemetry("HEALTH_WARM_RESETS"), Is.EqualTo(2u));
            Assert.That(node.Telemetry("HEALTH_POWER_CYCLES"), Is.EqualTo(0u));
        }
    }

    [Test]
    public void OnCycle_HangsAgainAfterTheRestartWindow_IsRestartedAgain()
    {
        using var node = Node();
        HangAndRecover(node);
        node.RunFor(TimeSpan.FromSeconds(600));

        HangAndRecover(node);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Probe(node).Restarts, Is.EqualTo(2));
            Assert.That(node.EventsNamed("HEALTH_RESTARTED").Select(e => e.Message), Has.All.EqualTo("Restarted component probe (restart 1 within 600 s)"));
            Assert.That(node.Hardware.Resets, Is.Empty);
        }
    }

    [Test]
    public void OnCycle_NonCriticalComponentHangsTwice_IsDisabledAndTheNodeKeepsPettingWithoutAReset()
    {
        using var node = Node(critical: false);
        node.RunForMilliseconds(500);
        HangAndRecover(node);

        Probe(node).InjectHang();
        node.RunFor(TimeSpan.FromSeconds(60));

        var probe = Probe(node);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(node.EventsNamed("HEALTH_DISABLED").Select(e => e.Message), Is.EqualTo(new[] { $"Non-critical component probe disabled for the rest of the boot: {HungAgain}" }));
            Assert.That(probe.State, Is.EqualTo(ComponentState.Disabled));
            Assert.That(probe.Restarts, Is.EqualTo(1));
            Assert.That(node.Telemetry("HEALTH_DISABLED"), Is.EqualTo(1u));
            Assert.That(node.Telemetry("HEALTH_UNRESPONSIVE"), Is.EqualTo(0u), "a disabled component is no longer watched");
            Assert.That(node.App.Health.Unresponsive, Is.Empty);
            Assert.That(node.App.Health.WatchdogPets, Is.EqualTo(67u), "every health cycle from 0.1 s to 66.1 s petted");
            Assert.That(node.Hardware.Resets, Is.Empty);
            Assert.That(node.EventsNamed("HEALTH_WARM_RESET"), Is.Empty);
            Assert.That(node.App.Commands.Execute(CommandRequest.Of("TST_PING")),
                Is.EqualTo(new CommandResponse("TST_PING", CommandStatus.Rejected, "component probe was disabled by the health monitor in this boot")));
        }
    }

    [Test]
    public void OnCycle_NonCriticalComponentSilentAfterItsRestart_IsDisabledAtTheNextDeadline()
    {
        using var node = TestNode.Boot(app => app.Add(
            new TestComponent { Critical = false, OnEachCycle = _ => throw new InvalidOperationException("boom") },
            RateGroupId.Rate10Hz));

        node.RunFor(TimeSpan.FromSeconds(30));

        using (Assert.EnterMultipleScope())
        {
            // Late at 3.1 s and restarted; late again at 6.1 s.
            Assert.That(node.EventsNamed("HEALTH_RESTARTED"), Has.Count.EqualTo(1));
            Assert.That(node.EventsNamed("HEALTH_DISABLED").Select(e => e.Time - node.Clock.Epoch - node.StartedAt), Is.EqualTo(new[] { TimeSpan.FromSeconds(6.1) }));
            Assert.That(Probe(node).State, Is.EqualTo(ComponentState.Disabled));
            Assert.That(node.App.Health.WatchdogPets, Is.EqualTo(30u), "a non-critical component never stops the pets");
            Assert.That(node.Hardware.Resets, Is.Empty);
        }
    }

    [Test]
    public void OnCycle_NonCriticalComponentUnresponsive_DoesNotStopThePets()
    {
        using var node = Node(critical: false);
        node.RunForMilliseconds(500);

        Probe(node).InjectHang();
        node.RunFor(TimeSpan.FromSeconds(4));
        var whileDown = (Unresponsive: node.App.Health.Unresponsive, Pets: node.App.Health.WatchdogPets);
        node.RunFor(TimeSpan.FromSeconds(10));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(whileDown.Unresponsive, Is.EqualTo(new[] { "probe" }), "restarted at 4.1 s, not yet heard");
            Assert.That(whileDown.Pets, Is.EqualTo(5u), "0.1 s to 4.1 s, the restart cycle included");
            Assert.That(node.App.Health.WatchdogPets, Is.EqualTo(15u));
            Assert.That(node.Hardware.Resets, Is.Empty);
        }
    }

    [Test]
    public void OnCycle_RestartsMaxZero_EscalatesAtOnceWithoutARestart()
    {
        using var node = Node();
        var set = node.App.Commands.Execute(CommandRequest.Of("PRM_SET", "HEALTH_RESTARTS_MAX", "0"));

        Probe(node).InjectHang();
        node.RunUntilBoot(2);

        var first = node.Boots[0].Events.Snapshot();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(set.Status, Is.EqualTo(CommandStatus.Completed), set.Message);
            Assert.That(first.Where(e => e.Name == "HEALTH_RESTARTED"), Is.Empty);
            Assert.That(first.Where(e => e.Name == "HEALTH_WARM_RESET").Select(e => e.Message), Is.EqualTo(new[]
            {
                "Warm reset for probe: not answering, and HEALTH_RESTARTS_MAX allows no restart",
            }));
            Assert.That(node.Hardware.Resets.Select(r => r.Cause), Is.EqualTo(new[] { ResetCause.CommandedWarmReset }));
        }
    }

    [Test]
    public void OnCycle_RestartsMaxZeroNonCritical_DisablesAtOnce()
    {
        using var node = Node(critical: false);
        node.App.Commands.Execute(CommandRequest.Of("PRM_SET", "HEALTH_RESTARTS_MAX", "0"));

        Probe(node).InjectHang();
        node.RunFor(TimeSpan.FromSeconds(10));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(node.EventsNamed("HEALTH_RESTARTED"), Is.Empty);
            Assert.That(Probe(node).State, Is.EqualTo(ComponentState.Disabled));
            Assert.That(node.Hardware.Resets, Is.Empty);
        }
    }

    [Test]
    public void OnCycle_HealthMonitorItselfHangs_TheWatchdogResetsTheBoard()
    {
        using var node = Node();
        var started = node.StartedAt;
        node.RunForMilliseconds(500);

        node.App.Health.InjectHang();
        node.RunUntilBoot(2);

        using (Assert.EnterMultipleScope())
        {
            // Last petted at 0.1 s: the 5 s watchdog expires at 5.1 s.
            Assert.That(node.Hardware.Resets.Select(r => (r.Cause, r.At - started)), Is.EqualTo(new[] { (ResetCause.Watchdog, TimeSpan.FromSeconds(5.1)) }));
            Assert.That(node.App.Boot.ResetCause, Is.EqualTo(ResetCause.Watchdog));
            Assert.That(node.EventsNamed("BOOT").Select(e => e.Message), Is.EqualTo(new[] { "Boot 2, reset cause Watchdog: hardware watchdog expired" }));
        }
    }

    [Test]
    public void Escalate_FaultAComponentCannotRepair_RaisesHealthEscalatedAndWarmResets()
    {
        using var node = Node();

        node.App.Health.Escalate(Probe(node), "uncorrectable word in region weights");
        node.RunUntilBoot(2);

        var first = node.Boots[0].Events.Snapshot();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.Where(e => e.Name == "HEALTH_ESCALATED").Select(e => e.Message), Is.EqualTo(new[]
            {
                "Component probe cannot recover by itself (uncorrectable word in region weights); reset requested",
            }));
            Assert.That(node.Hardware.Resets.Select(r => (r.Cause, r.Reason)), Is.EqualTo(new[]
            {
                (ResetCause.CommandedWarmReset, "health: probe uncorrectable word in region weights"),
            }));
            Assert.That(node.Telemetry("HEALTH_WARM_RESETS"), Is.EqualTo(1u));
        }
    }

    [Test]
    public void Escalate_TwiceInOneBoot_AsksForOneReset()
    {
        using var node = Node();

        node.App.Health.Escalate(Probe(node), "first");
        node.App.Health.Escalate(Probe(node), "second");
        node.RunUntilBoot(2);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(node.Boots[0].Events.Snapshot().Count(e => e.Name == "HEALTH_ESCALATED"), Is.EqualTo(2));
            Assert.That(node.Boots[0].Events.Snapshot().Count(e => e.Name == "BOOT_RESET_REQUESTED"), Is.EqualTo(1));
            Assert.That(node.Telemetry("HEALTH_WARM_RESETS"), Is.EqualTo(1u));
        }
    }

    [Test]
    public void Initialize_LadderRecordCorrupted_IsRefusedWithAnEventAndCountsStartAfresh()
    {
        using var node = new TestNode();
        new DurableRecordStore(node.Hardware.Store).Write(RecoveryLadderRecord.RecordName, [1, 2, 3]);

        node.PowerOn();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(node.EventsNamed("HEALTH_LADDER_INVALID").Select(e => e.Message), Is.EqualTo(new[] { "Stored recovery counters refused (payload is 3 bytes, expected 16 to 80)" }));
            Assert.That(node.Telemetry("HEALTH_WARM_RESETS"), Is.EqualTo(0u));
            Assert.That(node.App.IsRunning, Is.True);
        }
    }
}
