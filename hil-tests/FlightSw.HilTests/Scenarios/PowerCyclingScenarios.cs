using FlightSw.Sim.Environment;

namespace FlightSw.HilTests.Scenarios;

/// <summary>
/// Solar-power cycling: the undersized-battery scenario browns the node out in every eclipse.
/// The node must come back after every one with its persistent state intact.
/// </summary>
[Category(EnvironmentControl)]
public class PowerCyclingScenarios : ScenarioBase
{
    private static readonly TimeSpan Campaign = TimeSpan.FromDays(30);

    /// <summary>Parameters the ground sets before the campaign; each must survive every brownout.</summary>
    private static readonly (string Name, string Value)[] Settings =
    [
        ("BRD_OVERTEMP_C", "80"),
        ("SCRUB_PERIOD_S", "420"),
        ("PAYLOAD_PERIOD_S", "900"),
    ];

    /// <inheritdoc />
    protected override string? Flies => "undersized-battery";

    [Test]
    public void UndersizedBattery_ThirtyDays_ComesBackAfterEveryBrownoutCountersGrowNothingLost()
    {
        RequireEnvironmentControl();
        foreach (var (name, value) in Settings)
        {
            var set = Target.Send("PRM_SET", name, value);
            Assert.That(set.Succeeded, Is.True, $"PRM_SET {name}: {set.Message}");
        }

        Target.Wait(Campaign);
        Assert.That(Target.WaitFor(() => Target.IsRunning && Target.Telemetry("MODE").Value?.ToString() == "Nominal", TimeSpan.FromHours(2)), Is.True, "the node is not running two hours after the campaign");
        var stored = Settings.ToDictionary(s => s.Name, s => ReadParameter(s.Name));

        var brownouts = Target.EnvironmentLog.Where(r => r.Kind == EnvironmentRecordKind.Brownout).ToList();
        var boots = EventsNamed("BOOT").ToList();
        var bootCounts = boots.Select(e => Convert.ToInt64(e["count"], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var lastBrownout = brownouts.Count == 0 ? TimeSpan.Zero : brownouts[^1].Time;
        var modesReached = EventsNamed("POWER_MODE_CHANGED").Select(e => e["to"]?.ToString()).Distinct().ToList();
        TestContext.Out.WriteLine(
            $"{brownouts.Count} brownouts in {Campaign.TotalDays} days, {boots.Count} boots (last count {bootCounts.LastOrDefault()}), " +
            $"power modes reached: {string.Join(", ", modesReached)}; payload jobs deferred {EventsNamed("PAYLOAD_JOB_DEFERRED").Count()}");

        Assert.Multiple(() =>
        {
            Assert.That(brownouts, Has.Count.GreaterThan(400), "an undersized battery browns out in (nearly) every eclipse: about 15 a day");
            Assert.That(boots, Has.Count.EqualTo(brownouts.Count + 1), "the node boots once at power-on and once after every brownout");
            Assert.That(boots.Skip(1).Select(e => e["cause"]?.ToString()), Is.All.EqualTo("Brownout"), "each later boot knows it follows a brownout");
            Assert.That(bootCounts, Is.EqualTo(Enumerable.Range(1, bootCounts.Count).Select(i => (long)i)), "the persistent boot counter goes up by one at every boot, never back");
            Assert.That(EventsNamed("BOOT_COUNTER_INVALID"), Is.Empty, "a stored counter was corrupted");
            Assert.That(EventsNamed("PRM_STORED_INVALID"), Is.Empty, "a stored parameter was corrupted");
            Assert.That(EventsNamed("LATCHUP_COUNT_INVALID"), Is.Empty, "the stored latch-up counter was corrupted");
            Assert.That(stored, Is.EqualTo(Settings.ToDictionary(s => s.Name, s => s.Value)), "a parameter set before the campaign was lost");
            Assert.That(modesReached, Does.Contain("Survival"), "the power manager never shed load down to SURVIVAL before a brownout");
            Assert.That(Target.DamageReason, Is.Null);
            Assert.That(Target.Telemetry("BOOT_COUNT").Value, Is.EqualTo((uint)boots.Count), "the running boot's counter is the number of boots");
            Assert.That(lastBrownout, Is.GreaterThan(Campaign - TimeSpan.FromHours(3)), "brownouts stopped part-way: the node no longer cycles");
        });
    }

    private string ReadParameter(string name)
    {
        int before = EventsNamed("PRM_VALUE").Count();
        var get = Target.Send("PRM_GET", name);
        Assert.That(get.Succeeded, Is.True, $"PRM_GET {name}: {get.Message}");
        var value = EventsNamed("PRM_VALUE").Skip(before).Single(e => e["name"]?.ToString() == name);
        return Convert.ToString(value["value"], System.Globalization.CultureInfo.InvariantCulture)!;
    }
}
