using System.Globalization;
using FlightSw.Core.Commands;
using FlightSw.Core.Modes;

namespace FlightSw.HilTests.Scenarios;

/// <summary>
/// Power lost in the middle of writes to persistent storage: every stored value reads back as
/// the value before the write or the value written, never garbage, and counters never go back.
/// </summary>
[Category(EnvironmentControl)]
public sealed class PowerLossScenarios : ScenarioBase
{
    private const int PowerLosses = 1000;
    private const string Parameter = "PAYLOAD_PERIOD_S";

    [Test]
    public void PowerLostDuringWrites_AThousandTimes_EveryRecordOldOrNewAndCountersNeverGoBack()
    {
        RequireEnvironmentControl();
        var random = new Random(20261124);
        double stored = ReadParameter();
        uint bootCount = (uint)Value("BOOT_COUNT")!;
        uint warmResets = (uint)Value("RESETS_WARM")!;
        var problems = new List<string>();

        while (Target.TornWrites < PowerLosses)
        {
            int tornBefore = Target.TornWrites;
            int bootsBefore = EventsNamed("BOOT").Count();
            double written = random.Next(10, 86_400);
            switch (random.Next(4))
            {
                case 0:
                    Target.InjectPowerLossDuringWrite();
                    Target.Send("PRM_SET", Parameter, Text(written)); // torn: the parameter's record
                    break;
                case 1:
                    Target.InjectPowerLossDuringWrite();
                    Target.Send("NODE_RESET", "power-loss test"); // torn: the reset request in the history
                    break;
                case 2:
                    Target.Send("PRM_SET", Parameter, Text(written)); // stored whole
                    Target.InjectPowerLossDuringWrite();
                    Target.Send("NODE_RESET", "power-loss test"); // torn: the reset request
                    break;
                default:
                    Target.InjectPowerLossDuringWrite();
                    Target.Send("PRM_SET", Parameter, Text(written)); // torn here...
                    Target.WaitFor(() => !Target.IsRunning, TimeSpan.FromSeconds(1));
                    Target.InjectPowerLossDuringWrite(); // ...and again at the next boot's first write
                    break;
            }

            if (!FlyingAgain(() => Target.TornWrites > tornBefore && EventsNamed("BOOT").Count() > bootsBefore))
            {
                Assert.Fail($"After {Target.TornWrites} power losses the node did not come back to NOMINAL within a minute.");
            }

            double now = ReadParameter();
            if (now != stored && now != written)
            {
                problems.Add($"loss {Target.TornWrites}: {Parameter} reads {now}, neither the old {stored} nor the new {written}");
            }

            uint count = (uint)Value("BOOT_COUNT")!;
            uint warm = (uint)Value("RESETS_WARM")!;
            if (count < bootCount || warm < warmResets)
            {
                problems.Add($"loss {Target.TornWrites}: a counter went back (BOOT_COUNT {bootCount} -> {count}, RESETS_WARM {warmResets} -> {warm})");
            }

            stored = now;
            bootCount = count;
            warmResets = warm;
        }

        Assert.Multiple(() =>
        {
            Assert.That(problems, Is.Empty);
            Assert.That(Target.TornWrites, Is.GreaterThanOrEqualTo(PowerLosses));
            Assert.That(bootCount, Is.GreaterThan(PowerLosses / 2u), "boots are counted through the losses");
            Assert.That(EventsNamed("BOOT_SAFE"), Is.Empty, "power losses are the environment's doing: no boot-loop verdict");
            Assert.That(Value("MODE"), Is.EqualTo(nameof(FlightMode.Nominal)));
        });
    }

    /// <summary>Waits until <paramref name="recovered"/> holds and the node has flown in NOMINAL for 3 s (a boot may itself lose power early on).</summary>
    private bool FlyingAgain(Func<bool> recovered)
    {
        for (int attempt = 0; attempt < 10; attempt++)
        {
            if (!Target.WaitFor(() => recovered() && Target.IsRunning && Value("MODE") is nameof(FlightMode.Nominal), TimeSpan.FromSeconds(60)))
            {
                return false;
            }

            Target.Wait(TimeSpan.FromSeconds(3));
            if (Target.IsRunning && Value("MODE") is nameof(FlightMode.Nominal))
            {
                return true;
            }
        }

        return false;
    }

    private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);

    private double ReadParameter()
    {
        var reply = Target.Send("PRM_GET", Parameter);
        Assert.That(reply.Status, Is.EqualTo(CommandStatus.Completed), reply.Message);
        return double.Parse(reply.Message.Split(" = ")[1], CultureInfo.InvariantCulture);
    }
}
