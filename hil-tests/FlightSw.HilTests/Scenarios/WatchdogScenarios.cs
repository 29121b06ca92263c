using FlightSw.Core.Commands;
using FlightSw.Core.Modes;
using FlightSw.Hal;

namespace FlightSw.HilTests.Scenarios;

public sealed class WatchdogScenarios : ScenarioBase
{
    [Test]
    public void HungComponent_HealthStopsPettingTheWatchdog_BoardResetsWithWatchdogCause()
    {
        var hang = Target.Send("FI_HANG", "board");
        Assert.That(hang.Status, Is.EqualTo(CommandStatus.Completed), hang.Message);

        Assert.That(Target.WaitFor(() => EventsNamed("HEALTH_UNRESPONSIVE").Any(), TimeSpan.FromSeconds(10)), "health noticed the hang");
        Assert.That(EventsNamed("HEALTH_UNRESPONSIVE").Single()["component"], Is.EqualTo("board"));
        uint petsAtDetection = (uint)Value("HEALTH_WDOG_PETS")!;
        Target.Wait(TimeSpan.FromSeconds(2));
        Assert.That(Value("HEALTH_WDOG_PETS"), Is.EqualTo(petsAtDetection), "no pets while a component is unresponsive");

        Assert.That(Target.WaitFor(() => EventsNamed("BOOT").Count() == 2 && EventsNamed("MODE_CHANGED").Count() == 2, TimeSpan.FromSeconds(30)), "the watchdog reset the board");
        Target.Wait(TimeSpan.FromSeconds(3));

        Assert.Multiple(() =>
        {
            Assert.That(Value("RESET_CAUSE"), Is.EqualTo(ResetCause.Watchdog));
            Assert.That(EventsNamed("BOOT").Last()["cause"], Is.EqualTo(ResetCause.Watchdog));
            Assert.That(Value("MODE"), Is.EqualTo(FlightMode.Nominal));
            Assert.That(Updates("BRD_BUS_V"), Is.GreaterThan(0), "the hung component runs again after the reset");
            Assert.That(Value("HEALTH_UNRESPONSIVE"), Is.EqualTo(0u));
        });
    }

    [Test]
    public void HealthyNode_NoFault_NeverResets()
    {
        Target.Wait(TimeSpan.FromMinutes(30));

        Assert.That(EventsNamed("BOOT").Count(), Is.EqualTo(1));
    }
}
