using FlightSw.Core.Modes;
using FlightSw.Hal;

namespace FlightSw.HilTests.Scenarios;

public sealed class BootScenarios : ScenarioBase
{
    [Test]
    public void Boot_PowerOn_ReachesNominalAndReportsPowerOnReset()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Value("MODE"), Is.EqualTo(nameof(FlightMode.Nominal)));
            Assert.That(Value("RESET_CAUSE"), Is.EqualTo(nameof(ResetCause.PowerOn)));
            Assert.That(Value("BOOT_COUNT"), Is.EqualTo(1u));
            Assert.That(EventsNamed("BOOT").Single()["cause"], Is.EqualTo(nameof(ResetCause.PowerOn)));
            Assert.That(EventsNamed("MODE_CHANGED").Single()["to"], Is.EqualTo(nameof(FlightMode.Nominal)));
        });
    }

    [Test]
    public void Boot_NominalForAnHour_NoWarningsNoSlipsWatchdogPetted()
    {
        Target.Wait(TimeSpan.FromHours(1));

        Assert.Multiple(() =>
        {
            Assert.That(Value("MODE"), Is.EqualTo(nameof(FlightMode.Nominal)));
            Assert.That(Value("SCHED_SLIPS"), Is.Null.Or.EqualTo(0u), "slips");
            Assert.That(Target.Events.Where(e => e.Severity >= Core.Events.EventSeverity.WarningLow), Is.Empty);
            Assert.That((uint)Value("HEALTH_WDOG_PETS")!, Is.GreaterThanOrEqualTo(3599u));
            Assert.That(Value("BOOT_COUNT"), Is.EqualTo(1u), "no reset happened");
        });
    }
}
