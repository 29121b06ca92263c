using FlightSw.Core.Commands;
using FlightSw.Core.Modes;
using FlightSw.Hal;

namespace FlightSw.HilTests.Scenarios;

public sealed class CommandScenarios : ScenarioBase
{
    [Test]
    public void Command_SetParameterThenReset_ChangeSurvivesTheReset()
    {
        var set = Target.Send("PRM_SET", "BRD_OVERTEMP_C", "61.5");
        Assert.That(set.Status, Is.EqualTo(CommandStatus.Completed), set.Message);

        var reset = Target.Send("NODE_RESET", "parameter persistence scenario");
        Assert.That(reset.Status, Is.EqualTo(CommandStatus.Completed), reset.Message);
        Assert.That(Target.WaitFor(() => EventsNamed("BOOT").Count() == 2 && EventsNamed("MODE_CHANGED").Count() == 2, TimeSpan.FromSeconds(30)), "node rebooted to NOMINAL");

        var get = Target.Send("PRM_GET", "BRD_OVERTEMP_C");
        Assert.Multiple(() =>
        {
            Assert.That(get.Status, Is.EqualTo(CommandStatus.Completed));
            Assert.That(EventsNamed("PRM_VALUE").Last()["value"], Is.EqualTo("61.5"));
            Assert.That(Value("RESET_CAUSE"), Is.EqualTo(nameof(ResetCause.CommandedWarmReset)));
            Assert.That(Value("BOOT_COUNT"), Is.EqualTo(2u));
        });
    }

    [Test]
    public void Command_ParameterBelowTheTemperature_AfterResetTheNewLimitIsEnforced()
    {
        Assert.That(Target.Send("PRM_SET", "BRD_OVERTEMP_C", "20").Succeeded);
        Target.Send("NODE_RESET", "apply limit");
        int before = EventsNamed("BRD_OVERTEMP").Count();

        Target.WaitFor(() => EventsNamed("BOOT").Count() == 2, TimeSpan.FromSeconds(30));
        Target.Wait(TimeSpan.FromSeconds(3));

        Assert.That(EventsNamed("BRD_OVERTEMP").Count(), Is.GreaterThan(before), "the 25 C board is over the stored 20 C limit after the reset");
    }

    [TestCase("NOSUCH_COMMAND", new string[0], CommandStatus.UnknownCommand)]
    [TestCase("PRM_SET", new[] { "BRD_OVERTEMP_C" }, CommandStatus.InvalidArguments)]
    [TestCase("PRM_SET", new[] { "BRD_OVERTEMP_C", "500" }, CommandStatus.Rejected)]
    [TestCase("PRM_SET", new[] { "NO_SUCH_PARAMETER", "1" }, CommandStatus.Rejected)]
    [TestCase("MODE_SET", new[] { "BOOT" }, CommandStatus.InvalidArguments)]
    [TestCase("FI_HANG", new[] { "nosuch" }, CommandStatus.Rejected)]
    public void Command_Malformed_RejectedWithAnEventAndTheNodeKeepsFlying(string command, string[] arguments, CommandStatus expected)
    {
        long ticks = Updates("SCHED_TICKS");

        var response = Target.Send(command, arguments);
        Target.Wait(TimeSpan.FromSeconds(5));

        Assert.Multiple(() =>
        {
            Assert.That(response.Status, Is.EqualTo(expected), response.Message);
            Assert.That(response.Message, Is.Not.Empty, "the reason is given");
            Assert.That(EventsNamed("CMD_REJECTED").Single()["status"], Is.EqualTo(expected.ToString()));
            Assert.That(Updates("SCHED_TICKS") - ticks, Is.GreaterThanOrEqualTo(50), "still cycling");
            Assert.That(Value("MODE"), Is.EqualTo(nameof(FlightMode.Nominal)));
            Assert.That(Target.Send("CMD_NOOP").Succeeded, "still answering");
        });
    }

    [Test]
    public void Command_ModeSetSafe_LedBlinksFasterAndNominalReturns()
    {
        uint atStart = (uint)Value("LED_TOGGLES")!;
        Target.Wait(TimeSpan.FromSeconds(10));
        uint nominalToggles = (uint)Value("LED_TOGGLES")! - atStart;

        Assert.That(Target.Send("MODE_SET", "SAFE").Succeeded);
        uint atSafe = (uint)Value("LED_TOGGLES")!;
        Target.Wait(TimeSpan.FromSeconds(10));
        uint safeToggles = (uint)Value("LED_TOGGLES")! - atSafe;

        Assert.Multiple(() =>
        {
            Assert.That(nominalToggles, Is.EqualTo(20).Within(1), "1 Hz blink in NOMINAL: two changes a second");
            Assert.That(Value("MODE"), Is.EqualTo(nameof(FlightMode.Safe)));
            Assert.That(safeToggles, Is.EqualTo(100).Within(1), "5 Hz blink in SAFE: a change every 100 ms");
            Assert.That(Target.Send("MODE_SET", "NOMINAL").Succeeded);
            Assert.That(Value("MODE"), Is.EqualTo(nameof(FlightMode.Nominal)));
        });
    }
}
