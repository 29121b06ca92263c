using FlightSw.Core.Scheduling;
using FlightSw.Core.Tests.Fixtures;
using FlightSw.Hal;

namespace FlightSw.Core.Tests.Health;

public class HealthMonitorTests
{
    [Test]
    public void Start_Application_ArmsTheWatchdogAndWatchesEveryScheduledComponent()
    {
        using var node = TestNode.Boot(app =>
        {
            app.Add(new TestComponent("scheduled", 0x2000), RateGroupId.Rate10Hz);
            app.Add(new TestComponent("passive", 0x2100));
        });

        using (Assert.EnterMultipleScope())
        {
            // boot, commands, scheduled and health itself; the scheduler and passive components run no cycles.
            Assert.That(node.EventsNamed("HEALTH_WDOG_ARMED").Select(e => e.Message), Is.EqualTo(new[] { "Watchdog armed, timeout 5 s; 4 components monitored" }));
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
    public void OnCycle_ComponentThrowsEveryCycle_IsReportedUnresponsiveAndTheWatchdogNoLongerPetted()
    {
        using var node = TestNode.Boot(app => app.Add(new FaultyComponent(), RateGroupId.Rate10Hz));

        node.RunFor(TimeSpan.FromSeconds(7));

        var unresponsive = node.EventsNamed("HEALTH_UNRESPONSIVE");
        using (Assert.EnterMultipleScope())
        {
            // Pinged at 0.1 s; not late at 1.1 s and 2.1 s (2 s deadline); late at 3.1 s.
            Assert.That(unresponsive, Has.Count.EqualTo(1));
            Assert.That(unresponsive[0]["component"], Is.EqualTo("faulty"));
            Assert.That(unresponsive[0]["waitedS"], Is.EqualTo(3.0));
            Assert.That(unresponsive[0].Time, Is.EqualTo(node.Clock.Epoch + node.StartedAt + TimeSpan.FromSeconds(3.1)));
            Assert.That(unresponsive[0].Message, Does.EndWith("for 3 s; watchdog no longer petted"));
            Assert.That(node.App.Health.Unresponsive, Is.EqualTo(new[] { "faulty" }));
            Assert.That(node.Telemetry("HEALTH_UNRESPONSIVE"), Is.EqualTo(1u));
            Assert.That(node.App.Health.WatchdogPets, Is.EqualTo(3u), "petted at 0.1, 1.1 and 2.1 s only");
            Assert.That(node.Hardware.Watchdog.Pets, Is.EqualTo(3));
            Assert.That(node.Hardware.Resets, Is.Empty, "the watchdog has not expired yet");
        }
    }

    [Test]
    public void OnCycle_ComponentUnresponsive_WatchdogResetsTheBoardOneTimeoutAfterTheLastPet()
    {
        using var node = TestNode.Boot(app => app.Add(new FaultyComponent(), RateGroupId.Rate10Hz));
        var started = node.StartedAt;

        node.RunUntilBoot(2);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(node.Hardware.Resets, Has.Count.EqualTo(1));
            Assert.That(node.Hardware.Resets[0].Cause, Is.EqualTo(ResetCause.Watchdog));
            Assert.That(node.Hardware.Resets[0].At - started, Is.EqualTo(TimeSpan.FromSeconds(2.1 + 5)));
            Assert.That(node.App.Boot.ResetCause, Is.EqualTo(ResetCause.Watchdog));
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
        }
    }
}
