using FlightSw.Sim.Environment;
using FlightSw.Sim.Environment.Radiation;
using FlightSw.Sim.Scenarios;

namespace FlightSw.HilTests.Scenarios;

/// <summary>
/// The solar-storm scenario: a solar particle event multiplies every radiation rate, with
/// latch-ups (random and scripted) and a board-wide functional interrupt. The firmware must
/// power-cycle every latch-up before it burns the board out, and the watchdog must bring back
/// a hung board.
/// </summary>
[Category(EnvironmentControl)]
public class SolarStormScenarios : ScenarioBase
{
    private static readonly TimeSpan Storm = TimeSpan.FromDays(2);

    /// <inheritdoc />
    protected override string? Flies => "solar-storm";

    [Test]
    public void SolarStorm_TwoDays_EveryLatchUpPowerCycledBeforeItsDeadlineBoardNeverDamaged()
    {
        RequireEnvironmentControl();

        Target.Wait(Storm);
        Target.WaitFor(() => Target.IsRunning, TimeSpan.FromMinutes(5));

        var latchUps = Target.LatchUps;
        var detected = EventsNamed("LATCHUP_DETECTED").ToList();
        var interrupts = Target.FunctionalInterrupts;
        double peak = Target.EnvironmentLog.Any(r => r.Kind == EnvironmentRecordKind.SolarEventStarted) ? 1 : 0;
        TestContext.Out.WriteLine(
            $"{latchUps.Count} latch-ups ({latchUps.Count(l => l.Source == "random")} random), cleared after " +
            $"{string.Join(", ", latchUps.Select(l => l.TimeToClear?.TotalSeconds.ToString("0.0##", System.Globalization.CultureInfo.InvariantCulture) ?? "never"))} s; " +
            $"{detected.Count} detected by the firmware; {interrupts.Count} functional interrupts; {InjectedUpsetsCount()} upsets");

        Assert.Multiple(() =>
        {
            Assert.That(peak, Is.EqualTo(1), "the storm never started");
            Assert.That(latchUps, Has.Count.GreaterThanOrEqualTo(5), "the storm brought too few latch-ups to mean anything");
            Assert.That(latchUps.Where(l => l.Source == "random"), Is.Not.Empty, "no random latch-up: the storm's rates did not act");
            Assert.That(latchUps.Select(l => l.ClearedBy), Is.All.EqualTo("power cycle"), "a latch-up was not cleared by a power cycle");
            Assert.That(latchUps.Select(l => l.TimeToClear < l.Deadline - l.Onset), Is.All.True, "a latch-up was cleared after its deadline");
            Assert.That(latchUps.Any(l => l.BurnedOut), Is.False);
            Assert.That(Target.DamageReason, Is.Null, "the board burned out");
            Assert.That(detected, Has.Count.EqualTo(latchUps.Count), "the firmware reports every latch-up it power-cycles");
            Assert.That(Target.Telemetry("LATCHUP_COUNT").Value, Is.EqualTo((uint)latchUps.Count), "the persistent latch-up count is the number of latch-ups");
            Assert.That(interrupts.Where(i => i.Kind == FunctionalInterruptKind.Board), Is.Not.Empty, "the scripted board hang did not happen");
            Assert.That(interrupts.Select(i => i.EndedAt is not null), Is.All.True, "a hung board was never brought back");
            Assert.That(interrupts.Select(i => i.EndedBy), Is.All.AnyOf("Watchdog", "CommandedPowerCycle", "Brownout"), "a hang ended some other way");
        });
    }

    [Test]
    public void SolarStorm_SameSeedTwice_SameEventsAtTheSameTimes()
    {
        RequireEnvironmentControl();
        var span = TimeSpan.FromHours(10); // past the first scripted latch-up, the board hang and the storm's onset
        using var again = Targets.Target.FromEnvironment(Seed, ScenarioCatalog.Locate().Load(Flies!));
        again.Boot();

        Target.Wait(span);
        again.Wait(span);

        static List<string> Lines(Targets.Target target) => [.. target.Events.Select(e => $"{e.Time:O} {e.Name} {e.Message}")];
        Assert.Multiple(() =>
        {
            Assert.That(Target.EnvironmentLog.Select(r => r.Kind), Does.Contain(EnvironmentRecordKind.LatchUp).And.Contain(EnvironmentRecordKind.FunctionalInterrupt));
            Assert.That(Lines(again), Is.EqualTo(Lines(Target)), "the firmware's events differ between two runs with one seed");
            Assert.That(again.EnvironmentLog, Is.EqualTo(Target.EnvironmentLog), "the environment differs between two runs with one seed");
            Assert.That(again.InjectedUpsets.Select(u => (u.Time, u.Target, u.PhysicalBits.Count)), Is.EqualTo(Target.InjectedUpsets.Select(u => (u.Time, u.Target, u.PhysicalBits.Count))));
        });
    }

    private int InjectedUpsetsCount() => Target.InjectedUpsets.Count;
}
