using FlightSw.Core.Commands;
using FlightSw.Core.Modes;
using FlightSw.Hal;

namespace FlightSw.HilTests.Scenarios;

/// <summary>
/// The health monitor's recovery ladder, driven by software fault injection (FI_HANG), which
/// works on a real board too: restart the component, then warm-reset the node, then power-cycle it.
/// </summary>
public sealed class HealthScenarios : ScenarioBase
{
    private static readonly TimeSpan DetectionLimit = TimeSpan.FromSeconds(10);

    [Test]
    public void HungComponent_HealthRestartsIt_NodeFliesOnWithoutAReset()
    {
        Hang("board");

        Assert.That(Target.WaitFor(() => EventsNamed("HEALTH_RECOVERED").Any(), DetectionLimit), "the component answers again after its restart");
        long readings = Updates("BRD_BUS_V");
        uint pets = (uint)Value("HEALTH_WDOG_PETS")!;
        Target.Wait(TimeSpan.FromMinutes(1));

        Assert.Multiple(() =>
        {
            Assert.That(EventsNamed("HEALTH_UNRESPONSIVE").Single()["component"], Is.EqualTo("board"));
            Assert.That(EventsNamed("HEALTH_RESTARTED").Single()["component"], Is.EqualTo("board"));
            Assert.That(Value("HEALTH_RESTARTS"), Is.EqualTo(1u));
            Assert.That(Updates("BRD_BUS_V"), Is.GreaterThan(readings), "the restarted component works again");
            Assert.That((uint)Value("HEALTH_WDOG_PETS")!, Is.GreaterThanOrEqualTo(pets + 59), "the watchdog is petted again");
            Assert.That(EventsNamed("BOOT").Count(), Is.EqualTo(1), "no reset was needed");
            Assert.That(Value("MODE"), Is.EqualTo(nameof(FlightMode.Nominal)));
        });
    }

    [Test]
    public void ComponentHangsAgainAfterItsRestart_NodeWarmResetsAndCountsIt()
    {
        Hang("board");
        Assert.That(Target.WaitFor(() => EventsNamed("HEALTH_RECOVERED").Any(), DetectionLimit), "first hang: restarted");

        Hang("board");
        Assert.That(Target.WaitFor(() => EventsNamed("BOOT").Count() == 2 && Target.IsRunning, TimeSpan.FromSeconds(30)), "second hang: the node reset");
        Target.Wait(TimeSpan.FromSeconds(3));

        var boot = EventsNamed("BOOT").Last();
        Assert.Multiple(() =>
        {
            Assert.That(EventsNamed("HEALTH_WARM_RESET").Single()["component"], Is.EqualTo("board"));
            Assert.That(boot["cause"], Is.EqualTo(nameof(ResetCause.CommandedWarmReset)));
            Assert.That((string)boot["reason"]!, Does.StartWith("health: board hung again after 1 restart(s)"));
            Assert.That(Value("HEALTH_WARM_RESETS"), Is.EqualTo(1u), "the count survives the reset it asked for");
            Assert.That(Value("RESETS_WARM"), Is.EqualTo(1u));
            Assert.That(Value("MODE"), Is.EqualTo(nameof(FlightMode.Nominal)));
            Assert.That(Value("HEALTH_UNRESPONSIVE"), Is.EqualTo(0u));
        });
    }

    [Test]
    public void WarmResetDidNotCureIt_NextEscalationPowerCycles()
    {
        for (int boot = 1; boot <= 2; boot++)
        {
            Hang("board");
            Assert.That(Target.WaitFor(() => EventsNamed("HEALTH_RESTARTED").Count() == boot, DetectionLimit), $"boot {boot}: restarted");
            Assert.That(Target.WaitFor(() => EventsNamed("HEALTH_RECOVERED").Count() == boot, DetectionLimit), $"boot {boot}: answers again");
            Hang("board");
            Assert.That(Target.WaitFor(() => EventsNamed("BOOT").Count() == boot + 1 && Target.IsRunning, TimeSpan.FromSeconds(30)), $"boot {boot}: reset");
            Target.Wait(TimeSpan.FromSeconds(3));
        }

        Assert.Multiple(() =>
        {
            Assert.That(EventsNamed("HEALTH_WARM_RESET").Count(), Is.EqualTo(1));
            Assert.That(EventsNamed("HEALTH_POWER_CYCLE").Single()["component"], Is.EqualTo("board"));
            Assert.That(EventsNamed("BOOT").Last()["cause"], Is.EqualTo(nameof(ResetCause.CommandedPowerCycle)));
            Assert.That(Value("HEALTH_WARM_RESETS"), Is.EqualTo(1u));
            Assert.That(Value("HEALTH_POWER_CYCLES"), Is.EqualTo(1u));
            Assert.That(Value("MODE"), Is.EqualTo(nameof(FlightMode.Nominal)), "two resets stay below the boot-loop limit of three");
        });
    }

    [Test]
    public void NonCriticalComponentHangsTwice_IsDisabledAndTheNodeKeepsPettingTheWatchdog()
    {
        Hang("payload");
        Assert.That(Target.WaitFor(() => EventsNamed("HEALTH_RECOVERED").Any(), DetectionLimit), "first hang: restarted");
        Hang("payload");
        Assert.That(Target.WaitFor(() => EventsNamed("HEALTH_DISABLED").Any(), DetectionLimit), "second hang: disabled");
        uint pets = (uint)Value("HEALTH_WDOG_PETS")!;
        Target.Wait(TimeSpan.FromMinutes(1));

        var run = Target.Send("PAYLOAD_RUN");
        Assert.Multiple(() =>
        {
            Assert.That(EventsNamed("HEALTH_DISABLED").Single()["component"], Is.EqualTo("payload"));
            Assert.That(Value("HEALTH_DISABLED"), Is.EqualTo(1u));
            Assert.That((uint)Value("HEALTH_WDOG_PETS")!, Is.GreaterThanOrEqualTo(pets + 59));
            Assert.That(EventsNamed("BOOT").Count(), Is.EqualTo(1), "a non-critical component never resets the node");
            Assert.That(run.Status, Is.EqualTo(CommandStatus.Rejected));
            Assert.That(run.Message, Does.Contain("disabled by the health monitor"));
        });
    }

    [Test]
    public void HealthMonitorItselfHangs_TheHardwareWatchdogResetsTheBoard()
    {
        Target.Wait(TimeSpan.FromSeconds(3));
        Hang("health");
        uint pets = (uint)Value("HEALTH_WDOG_PETS")!;
        Target.Wait(TimeSpan.FromSeconds(2));
        Assert.That(Value("HEALTH_WDOG_PETS"), Is.EqualTo(pets), "nobody pets the watchdog");

        Assert.That(Target.WaitFor(() => EventsNamed("BOOT").Count() == 2 && Target.IsRunning, TimeSpan.FromSeconds(30)), "the watchdog reset the board");
        Target.Wait(TimeSpan.FromSeconds(3));

        Assert.Multiple(() =>
        {
            Assert.That(Value("RESET_CAUSE"), Is.EqualTo(nameof(ResetCause.Watchdog)));
            Assert.That(EventsNamed("BOOT").Last()["cause"], Is.EqualTo(nameof(ResetCause.Watchdog)));
            Assert.That(Value("RESETS_WATCHDOG"), Is.EqualTo(1u));
            Assert.That(Value("MODE"), Is.EqualTo(nameof(FlightMode.Nominal)));
        });
    }

    private void Hang(string component)
    {
        var hang = Target.Send("FI_HANG", component);
        Assert.That(hang.Status, Is.EqualTo(CommandStatus.Completed), hang.Message);
    }
}
