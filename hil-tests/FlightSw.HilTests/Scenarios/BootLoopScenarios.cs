using FlightSw.Core.Commands;
using FlightSw.Core.Modes;
using FlightSw.Hal;

namespace FlightSw.HilTests.Scenarios;

/// <summary>
/// Boot-loop protection: a node that keeps crashing at boot ends in a SAFE boot with only its
/// essential components, says why, and stays there until an operator clears it.
/// </summary>
public sealed class BootLoopScenarios : ScenarioBase
{
    [Test]
    public void CrashingAtEveryBoot_AfterThreeResets_BootsSafeWithEssentialComponentsAndSaysWhy()
    {
        CrashPayloadAtBoot();

        Assert.That(Target.WaitFor(() => EventsNamed("BOOT_SAFE").Any() && Target.IsRunning, TimeSpan.FromMinutes(2)), "boot-loop protection tripped");
        Target.Wait(TimeSpan.FromMinutes(30));

        var run = Target.Send("PAYLOAD_RUN");
        var nominal = Target.Send("MODE_SET", "Nominal");
        var boots = EventsNamed("BOOT").ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(boots.Select(b => b["cause"]), Is.EqualTo(new object[] { nameof(ResetCause.PowerOn), nameof(ResetCause.CommandedWarmReset), nameof(ResetCause.Crash), nameof(ResetCause.Crash) }),
                "crashed at boots 2 and 3; boot 4 is the SAFE one and stays up");
            Assert.That(EventsNamed("BOOT_SAFE").Single().Message,
                Is.EqualTo("Boot-loop protection: 3 resets within 900 s (CommandedWarmReset, Crash, Crash); SAFE boot with essential components only"));
            Assert.That(Value("MODE"), Is.EqualTo(nameof(FlightMode.Safe)));
            Assert.That(Value("BOOT_SAFE"), Is.EqualTo(true));
            Assert.That(Value("BOOT_LOOP_RESETS"), Is.EqualTo(3u));
            Assert.That(Value("RESETS_CRASH"), Is.EqualTo(2u));
            Assert.That(run.Status, Is.EqualTo(CommandStatus.Rejected), "the payload is not started in a SAFE boot");
            Assert.That(run.Message, Does.Contain("not running in this SAFE boot"));
            Assert.That(nominal.Status, Is.EqualTo(CommandStatus.Rejected), "SAFE is held for the boot");
            Assert.That(Updates("BRD_BUS_V"), Is.GreaterThan(1000), "the essential board monitor runs");
            Assert.That((uint)Value("HEALTH_WDOG_PETS")!, Is.GreaterThanOrEqualTo(1799u), "the watchdog is petted in SAFE");
        });
    }

    [Test]
    public void SafeBoot_OperatorDisarmsTheFaultAndClearsTheProtection_NextResetBootsNominal()
    {
        CrashPayloadAtBoot();
        Assert.That(Target.WaitFor(() => EventsNamed("BOOT_SAFE").Any() && Target.IsRunning, TimeSpan.FromMinutes(2)), "boot-loop protection tripped");

        Assert.That(Target.Send("FI_CRASH_AT_BOOT", "payload", "0").Status, Is.EqualTo(CommandStatus.Completed));
        Assert.That(Target.Send("BOOT_LOOP_CLEAR").Status, Is.EqualTo(CommandStatus.Completed));
        Assert.That(Target.Send("NODE_RESET", "leave SAFE").Status, Is.EqualTo(CommandStatus.Completed));
        int boots = EventsNamed("BOOT").Count();
        Assert.That(Target.WaitFor(() => EventsNamed("BOOT").Count() == boots + 1 && Target.IsRunning, TimeSpan.FromSeconds(30)), "the node reset");
        Target.Wait(TimeSpan.FromSeconds(5));

        Assert.Multiple(() =>
        {
            Assert.That(Value("MODE"), Is.EqualTo(nameof(FlightMode.Nominal)));
            Assert.That(Value("BOOT_SAFE"), Is.EqualTo(false));
            Assert.That(Value("BOOT_LOOP_RESETS"), Is.EqualTo(1u), "only the reset after the clear counts");
            Assert.That(Target.Send("PAYLOAD_RUN").Message, Does.Not.Contain("SAFE boot"), "the payload runs again");
        });
    }

    private void CrashPayloadAtBoot()
    {
        Assert.That(Target.Send("FI_CRASH_AT_BOOT", "payload", "10").Status, Is.EqualTo(CommandStatus.Completed));
        Assert.That(Target.Send("NODE_RESET", "install the new payload").Status, Is.EqualTo(CommandStatus.Completed));
    }
}
