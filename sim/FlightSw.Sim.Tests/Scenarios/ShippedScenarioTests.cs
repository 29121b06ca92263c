using FlightSw.Sim.Environment;
using FlightSw.Sim.Environment.Radiation;
using FlightSw.Sim.Faults;
using FlightSw.Sim.Scenarios;

namespace FlightSw.Sim.Tests.Scenarios;

[TestFixture]
public class ShippedScenarioTests
{
    [Test]
    public void Load_EveryFileInSimScenarios_LoadsWithDescription()
    {
        var files = Directory.GetFiles(RepoScenarios.Directory, "*.json");
        var failures = new List<string>();
        foreach (var file in files)
        {
            try
            {
                var scenario = ScenarioLoader.Load(file);
                if (string.IsNullOrWhiteSpace(scenario.Description))
                {
                    failures.Add($"{file}: no description");
                }
            }
            catch (ScenarioException ex)
            {
                failures.Add(ex.Message);
            }
        }

        Assert.That(files, Is.Not.Empty);
        Assert.That(failures, Is.Empty);
    }

    [Test]
    public void Load_Nominal_IsAQuiet500KmDay()
    {
        var scenario = Load("nominal-500km");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(scenario.Orbit.AltitudeKm, Is.EqualTo(500));
            Assert.That(scenario.Orbit.InclinationDegrees, Is.EqualTo(51.6));
            Assert.That(scenario.Orbit.BetaDegrees, Is.EqualTo(20));
            Assert.That(scenario.Battery.CapacityWattHours, Is.EqualTo(40));
            Assert.That(scenario.Radiation.UpsetRatePerBitPerDay, Is.EqualTo(UpsetInjectorOptions.Alsat1RatePerBitPerDay));
            Assert.That(scenario.Radiation.SaaMultiplier, Is.EqualTo(30));
            Assert.That(scenario.Radiation.FunctionalInterruptsPerDay, Is.EqualTo(0.002));
            Assert.That(scenario.Radiation.LatchUpsPerDay, Is.EqualTo(0.001));
            Assert.That(scenario.Duration, Is.EqualTo(TimeSpan.FromDays(1)));
            Assert.That(scenario.Seed, Is.EqualTo(1));
            Assert.That(scenario.Events, Is.Empty);
        }
    }

    [Test]
    public void Load_SaaHeavy_RaisesUpsetsAndAnomalyFactor()
    {
        var scenario = Load("saa-heavy");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(scenario.Orbit.InclinationDegrees, Is.InRange(35, 40));
            Assert.That(scenario.Radiation.SaaMultiplier, Is.EqualTo(100));
            Assert.That(scenario.Radiation.UpsetRatePerBitPerDay, Is.EqualTo(10 * UpsetInjectorOptions.Alsat1RatePerBitPerDay).Within(1e-15));
            Assert.That(scenario.Radiation.FunctionalInterruptsPerDay, Is.EqualTo(0.05));
            Assert.That(scenario.Duration, Is.EqualTo(TimeSpan.FromDays(1)));
        }
    }

    [Test]
    public void Load_SolarStorm_StartsTheEventAtOrbitThreeWithLatchUpsInIt()
    {
        var scenario = Load("solar-storm");
        var onset = scenario.Orbit.Period * 2;
        var solar = scenario.Events.Single(e => e.Kind == ScriptedEventKind.SolarParticleEvent).Solar!;
        var latchUps = scenario.Events.Where(e => e.Kind == ScriptedEventKind.LatchUp).Select(e => e.At).ToArray();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(solar, Is.EqualTo(new SolarParticleEvent(onset, 500, TimeSpan.FromHours(2), TimeSpan.FromHours(8))));
            Assert.That(latchUps, Does.Contain(TimeSpan.FromSeconds(5000)));
            Assert.That(latchUps.Count(t => t > solar.Onset && t < solar.End), Is.GreaterThanOrEqualTo(2));
            Assert.That(
                scenario.Events.Where(e => e.Kind == ScriptedEventKind.FunctionalInterrupt).Select(e => e.Interrupt),
                Does.Contain(FunctionalInterruptKind.Board));
            Assert.That(scenario.Events.Select(e => e.At), Is.Ordered);
            Assert.That(scenario.Radiation.LatchUpsPerDay, Is.GreaterThan(0));
            Assert.That(scenario.Radiation.LatchUpDeadline, Is.EqualTo(TimeSpan.FromSeconds(10)));
            Assert.That(scenario.Duration, Is.EqualTo(TimeSpan.FromDays(2)));
        }
    }

    [Test]
    public void Load_UndersizedBattery_CannotCarryTheIdleLoadThroughAnEclipse()
    {
        var scenario = Load("undersized-battery");
        var battery = scenario.Battery;
        var usableWattHours = battery.CapacityWattHours
            * (battery.InitialStateOfCharge - battery.Curve.StateOfChargeAt(battery.CutoffVolts)) * battery.DischargeEfficiency;
        var eclipseWattHours = scenario.Loads.IdleWatts * scenario.Orbit.EclipseDuration.TotalHours;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(scenario.Orbit.BetaDegrees, Is.Zero);
            Assert.That(battery.CapacityWattHours, Is.EqualTo(2));
            Assert.That(eclipseWattHours, Is.GreaterThan(usableWattHours));
            Assert.That(scenario.Array.SunlitWatts, Is.GreaterThan(scenario.Loads.IdleWatts));
            Assert.That(scenario.Radiation.UpsetRatePerBitPerDay, Is.Zero);
            Assert.That(scenario.Radiation.FunctionalInterruptsPerDay, Is.Zero);
            Assert.That(scenario.Radiation.LatchUpsPerDay, Is.Zero);
            Assert.That(scenario.Duration, Is.EqualTo(TimeSpan.FromDays(30)));
        }
    }

    private static Scenario Load(string name) => ScenarioLoader.Load(RepoScenarios.PathOf(name));
}
