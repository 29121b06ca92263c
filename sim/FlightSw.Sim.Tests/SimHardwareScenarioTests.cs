using FlightSw.Sim.Environment;
using FlightSw.Sim.Environment.Radiation;
using FlightSw.Sim.Faults;
using FlightSw.Sim.Scenarios;
using FlightSw.Sim.Tests.Faults;
using FlightSw.Sim.Tests.Scenarios;
using static FlightSw.Sim.Tests.SimBoardFile;
using static FlightSw.Sim.Tests.SimHardwareScenarios;

namespace FlightSw.Sim.Tests;

public class SimHardwareScenarioTests
{
    [Test]
    public void Constructor_NoScenario_NoPowerSystemAndNoRadiation()
    {
        using var hardware = new SimHardware(Definition, seed: 1);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(hardware.Scenario, Is.Null);
            Assert.That(hardware.Power, Is.Null);
            Assert.That(hardware.Radiation, Is.Null);
            Assert.That(hardware.EnvironmentLog, Is.Empty);
            Assert.That(hardware.IsDamaged, Is.False);
        }
    }

    [Test]
    public void Constructor_Scenario_FliesItsPowerAndRadiationWithItsUpsetRates()
    {
        var scenario = Quiet() with { Radiation = NoRadiation with { UpsetRatePerBitPerDay = 1e-6, MultiBitFraction = 0.1 } };

        using var hardware = new SimHardware(Definition, seed: 1, new SimHardwareOptions { Scenario = scenario });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(hardware.Scenario, Is.SameAs(scenario));
            Assert.That(hardware.Power, Is.Not.Null);
            Assert.That(hardware.Power!.BoardPowered, Is.False, "nothing is powered before PowerOn");
            Assert.That(hardware.Radiation, Is.Not.Null);
            Assert.That(hardware.Radiation!.Spec, Is.SameAs(scenario.Radiation));
            Assert.That(hardware.Upsets.Options.RatePerBitPerDay, Is.EqualTo(1e-6));
            Assert.That(hardware.Upsets.Options.MultiBitFraction, Is.EqualTo(0.1));
        }
    }

    [Test]
    public void EnvironmentLog_InclinedOrbitForADay_RecordsEverySaaPassWithTheFactorInsideAndOut()
    {
        var scenario = Quiet() with { Radiation = NoRadiation with { SaaMultiplier = 30 } };
        using var hardware = new SimHardware(Definition, seed: 1, Exact(scenario));

        hardware.Clock.RunFor(TimeSpan.FromDays(1));

        var passes = hardware.EnvironmentLog.Where(r => r.Kind is EnvironmentRecordKind.SaaEntered or EnvironmentRecordKind.SaaLeft).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(passes.Count(r => r.Kind == EnvironmentRecordKind.SaaEntered), Is.EqualTo(hardware.Radiation!.SaaPasses));
            Assert.That(hardware.Radiation.SaaPasses, Is.GreaterThan(2));
            Assert.That(passes.Select(r => r.Kind), Is.EqualTo(passes.Select((_, i) => i % 2 == 0 ? EnvironmentRecordKind.SaaEntered : EnvironmentRecordKind.SaaLeft)));
            Assert.That(passes.Where(r => r.Kind == EnvironmentRecordKind.SaaEntered).Select(r => r.Detail), Has.All.EqualTo("rate factor 30"));
            Assert.That(passes.Where(r => r.Kind == EnvironmentRecordKind.SaaLeft).Select(r => r.Detail), Has.All.EqualTo("rate factor 1"));
            Assert.That(passes.Select(r => SouthAtlanticAnomaly.Contains(Orbit.SubSatellitePoint(r.Time))), Is.EqualTo(passes.Select(r => r.Kind == EnvironmentRecordKind.SaaEntered)));
        }
    }

    [Test]
    public void EnvironmentLog_ScriptedSolarEvent_RecordedAtItsOnsetAndTheUpsetRateFollows()
    {
        var onset = TimeSpan.FromHours(1);
        var storm = new SolarParticleEvent(onset, 200, TimeSpan.FromMinutes(30), TimeSpan.FromHours(2));
        var scenario = Quiet(new ScriptedEvent(onset, ScriptedEventKind.SolarParticleEvent) { Solar = storm });
        using var hardware = new SimHardware(Definition, seed: 1, Exact(scenario));

        hardware.Clock.RunUntil(onset + storm.RiseTime);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(hardware.EnvironmentLog.Single(r => r.Kind == EnvironmentRecordKind.SolarEventStarted).Time, Is.EqualTo(onset));
            Assert.That(hardware.Radiation!.Multiplier, Is.GreaterThanOrEqualTo(200));
            Assert.That(hardware.Upsets.RateMultiplier, Is.EqualTo(hardware.Radiation.Multiplier));
        }
    }

    [Test]
    public void Power_DoseAccumulates_LeakageRaisesTheLoad()
    {
        // 10 krad a day at 0.05 W per krad: half a watt after a day.
        var scenario = Quiet() with { Radiation = NoRadiation with { DoseRadPerDay = 10_000, LeakageWattsPerKrad = 0.05 } };
        using var hardware = new SimHardware(Definition, seed: 1, Exact(scenario));
        PowerOnAndBoot(hardware);

        hardware.Clock.RunFor(TimeSpan.FromDays(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(hardware.Radiation!.DoseRad, Is.EqualTo(10_000).Within(1).Percent);
            Assert.That(hardware.Power!.ExtraWatts, Is.EqualTo(0.5).Within(0.002));
            Assert.That(hardware.Power.LoadWatts, Is.EqualTo(scenario.Loads.IdleWatts + hardware.Power.ExtraWatts).Within(1e-12));
        }
    }

    [Test]
    public void Run_SolarStormTwiceWithTheSameSeed_IdenticalLogsLatchUpsInterruptsAndUpsets()
    {
        var first = FlySolarStorm(seed: 21);
        var second = FlySolarStorm(seed: 21);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.Log.Select(r => r.Kind), Does.Contain(EnvironmentRecordKind.SolarEventStarted));
            Assert.That(first.Log.Select(r => r.Kind), Does.Contain(EnvironmentRecordKind.SaaEntered));
            Assert.That(first.Log.Select(r => r.Kind), Does.Contain(EnvironmentRecordKind.LatchUpCleared));
            Assert.That(first.Log.Select(r => r.Kind), Does.Contain(EnvironmentRecordKind.FunctionalInterrupt));
            Assert.That(first.LatchUps, Has.Count.GreaterThanOrEqualTo(3), "the scripted ones at least");
            Assert.That(first.Upsets, Is.Not.Empty);
            Assert.That(first.Damaged, Is.False, "the guard power-cycled every latch-up in time");

            Assert.That(second.Log, Is.EqualTo(first.Log));
            Assert.That(second.LatchUps, Is.EqualTo(first.LatchUps));
            Assert.That(second.Interrupts, Is.EqualTo(first.Interrupts));
            Assert.That(second.Upsets, Is.EqualTo(first.Upsets));
            Assert.That(second.Resets, Is.EqualTo(first.Resets));
        }
    }

    [Test]
    public void Run_SolarStormWithAnotherSeed_DifferentUpsets()
    {
        var first = FlySolarStorm(seed: 21);
        var other = FlySolarStorm(seed: 22);

        Assert.That(other.Upsets, Is.Not.EqualTo(first.Upsets));
    }

    private static Flight FlySolarStorm(int seed)
    {
        var scenario = new ScenarioCatalog(RepoScenarios.Directory).Load("solar-storm");
        using var hardware = new SimHardware(Definition, seed, new SimHardwareOptions { Scenario = scenario });
        hardware.Booted += board => board.Memory.Register(new BitArrayTarget("ram", 1_000_000));
        hardware.Booted += SimHardwareLatchUpTests.PowerCycleOnOverCurrent;
        hardware.PowerOn();
        hardware.Clock.RunFor(TimeSpan.FromHours(10));
        return new Flight(
            [.. hardware.EnvironmentLog],
            [.. hardware.LatchUps.Select(l => (l.Onset, l.Boot, l.StepAmps, l.Deadline, l.Source, l.ClearedAt, l.ClearedBy, l.BurnedOut))],
            [.. hardware.FunctionalInterrupts.Select(i => (i.Time, i.Boot, i.Kind, i.Source, i.EndedAt, i.EndedBy))],
            [.. hardware.Upsets.Records],
            [.. hardware.Resets],
            hardware.IsDamaged);
    }

    /// <summary>What one flight of a scenario left behind.</summary>
    private sealed record Flight(
        List<EnvironmentRecord> Log,
        List<(TimeSpan Onset, int Boot, double StepAmps, TimeSpan Deadline, string Source, TimeSpan? ClearedAt, string? ClearedBy, bool BurnedOut)> LatchUps,
        List<(TimeSpan Time, int Boot, FunctionalInterruptKind Kind, string Source, TimeSpan? EndedAt, string? EndedBy)> Interrupts,
        List<InjectedUpset> Upsets,
        List<ResetRecord> Resets,
        bool Damaged);
}
