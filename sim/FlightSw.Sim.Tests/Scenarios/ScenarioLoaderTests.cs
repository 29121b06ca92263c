using FlightSw.Sim.Environment;
using FlightSw.Sim.Scenarios;

namespace FlightSw.Sim.Tests.Scenarios;

[TestFixture]
public class ScenarioLoaderTests
{
    private const string File = "test.json";

    internal static Scenario Parse(string json) => ScenarioLoader.Parse(json, File, "test");

    internal static IReadOnlyList<ScenarioError> ErrorsOf(string json) =>
        Assert.Throws<ScenarioException>(() => Parse(json))!.Errors;

    [Test]
    public void Parse_EmptyObject_GivesRecordDefaults()
    {
        var scenario = Parse("{}");
        var defaults = new Scenario { Name = "test" };

        using (Assert.EnterMultipleScope())
        {
            Assert.That(scenario.Name, Is.EqualTo("test"));
            Assert.That(scenario.Description, Is.EqualTo(defaults.Description));
            Assert.That(scenario.Seed, Is.EqualTo(defaults.Seed));
            Assert.That(scenario.Duration, Is.Null);
            Assert.That(scenario.Orbit, Is.EqualTo(defaults.Orbit));
            Assert.That(scenario.Array, Is.EqualTo(defaults.Array));
            Assert.That(scenario.Battery with { Curve = defaults.Battery.Curve }, Is.EqualTo(defaults.Battery));
            Assert.That(scenario.Battery.Curve.Points, Is.EqualTo(defaults.Battery.Curve.Points));
            Assert.That(scenario.Loads, Is.EqualTo(defaults.Loads));
            Assert.That(scenario.Thermal, Is.EqualTo(defaults.Thermal));
            Assert.That(scenario.Radiation, Is.EqualTo(defaults.Radiation));
            Assert.That(scenario.Events, Is.Empty);
        }
    }

    [Test]
    public void Parse_EveryField_FillsTheRecords()
    {
        var scenario = Parse("""
            {
              // comments and trailing commas are allowed
              "description": "all fields", "seed": 42, "duration": "6h",
              "orbit": { "altitudeKm": 600, "inclinationDegrees": 35, "betaDegrees": -20, "sunArgumentOfLatitudeDegrees": 10,
                         "ascendingNodeLongitudeDegrees": -40, "argumentOfLatitudeAtEpochDegrees": 90 },
              "array": { "areaSquareMeters": 0.1, "efficiency": 0.3, "incidenceDegrees": 15 },
              "battery": { "capacityWattHours": 20, "initialStateOfCharge": 0.5, "chargeEfficiency": 0.9, "dischargeEfficiency": 0.85,
                           "internalOhms": 0.1, "cells": 2, "cutoffVolts": 6.8, "powerOnVolts": 7.3 },
              "loads": { "offWatts": 0.1, "idleWatts": 3, "busyWatts": 2, "perJobWatts": 1 },
              "thermal": { "eclipseCelsius": -20, "sunHeatingCelsius": 30, "celsiusPerWatt": 2, "timeConstant": "30m", "initialCelsius": 10 },
              "radiation": { "upsetRatePerBitPerDay": 4.04e-7, "multiBitFraction": 0.02, "saaMultiplier": 50, "functionalInterruptsPerDay": 0.1,
                             "boardHangFraction": 0.25, "latchUpsPerDay": 0.2, "latchUpStepAmps": 1.5, "latchUpDeadline": "5s",
                             "doseRadPerDay": 10, "leakageWattsPerKrad": 0.1, },
            }
            """);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(scenario.Description, Is.EqualTo("all fields"));
            Assert.That(scenario.Seed, Is.EqualTo(42));
            Assert.That(scenario.Duration, Is.EqualTo(TimeSpan.FromHours(6)));
            Assert.That(scenario.Orbit, Is.EqualTo(new CircularOrbit(600)
            {
                InclinationDegrees = 35,
                BetaDegrees = -20,
                SunArgumentOfLatitudeDegrees = 10,
                AscendingNodeLongitudeDegrees = -40,
                ArgumentOfLatitudeAtEpochDegrees = 90,
            }));
            Assert.That(scenario.Array, Is.EqualTo(new FlightSw.Sim.Environment.Power.SolarArray(0.1, 0.3, 15)));
            Assert.That(scenario.Battery.CapacityWattHours, Is.EqualTo(20));
            Assert.That(scenario.Battery.InitialStateOfCharge, Is.EqualTo(0.5));
            Assert.That(scenario.Battery.ChargeEfficiency, Is.EqualTo(0.9));
            Assert.That(scenario.Battery.DischargeEfficiency, Is.EqualTo(0.85));
            Assert.That(scenario.Battery.InternalOhms, Is.EqualTo(0.1));
            Assert.That(scenario.Battery.CutoffVolts, Is.EqualTo(6.8));
            Assert.That(scenario.Battery.PowerOnVolts, Is.EqualTo(7.3));
            Assert.That(scenario.Loads.OffWatts, Is.EqualTo(0.1));
            Assert.That(scenario.Loads.IdleWatts, Is.EqualTo(3));
            Assert.That(scenario.Loads.BusyWatts, Is.EqualTo(2));
            Assert.That(scenario.Loads.PerJobWatts, Is.EqualTo(1));
            Assert.That(scenario.Thermal.EclipseCelsius, Is.EqualTo(-20));
            Assert.That(scenario.Thermal.SunHeatingCelsius, Is.EqualTo(30));
            Assert.That(scenario.Thermal.CelsiusPerWatt, Is.EqualTo(2));
            Assert.That(scenario.Thermal.TimeConstant, Is.EqualTo(TimeSpan.FromMinutes(30)));
            Assert.That(scenario.Thermal.InitialCelsius, Is.EqualTo(10));
            Assert.That(scenario.Radiation.UpsetRatePerBitPerDay, Is.EqualTo(4.04e-7));
            Assert.That(scenario.Radiation.MultiBitFraction, Is.EqualTo(0.02));
            Assert.That(scenario.Radiation.SaaMultiplier, Is.EqualTo(50));
            Assert.That(scenario.Radiation.FunctionalInterruptsPerDay, Is.EqualTo(0.1));
            Assert.That(scenario.Radiation.BoardHangFraction, Is.EqualTo(0.25));
            Assert.That(scenario.Radiation.LatchUpsPerDay, Is.EqualTo(0.2));
            Assert.That(scenario.Radiation.LatchUpStepAmps, Is.EqualTo(1.5));
            Assert.That(scenario.Radiation.LatchUpDeadline, Is.EqualTo(TimeSpan.FromSeconds(5)));
            Assert.That(scenario.Radiation.DoseRadPerDay, Is.EqualTo(10));
            Assert.That(scenario.Radiation.LeakageWattsPerKrad, Is.EqualTo(0.1));
        }
    }

    [TestCase("""{ "description": 1 }""", "description", "must be a string; found the number 1")]
    [TestCase("""{ "seed": "1" }""", "seed", "must be a whole number; found the string \"1\"")]
    [TestCase("""{ "seed": 1.5 }""", "seed", "must be a whole number from")]
    [TestCase("""{ "duration": 3600 }""", "duration", "must be a time as a string such as \"2h\"; found the number 3600")]
    [TestCase("""{ "orbit": 500 }""", "orbit", "must be an object; found the number 500")]
    [TestCase("""{ "orbit": { "altitudeKm": "500" } }""", "orbit.altitudeKm", "must be a number; found the string \"500\"")]
    [TestCase("""{ "battery": null }""", "battery", "must be an object; found null")]
    [TestCase("""{ "battery": { "cells": true } }""", "battery.cells", "must be a whole number; found the boolean true")]
    [TestCase("""{ "battery": { "curve": "li-ion" } }""", "battery.curve", "must be an array of points")]
    [TestCase("""{ "battery": { "curve": [[0, 6], 7] } }""", "battery.curve[1]", "must be a pair [stateOfCharge, volts]; found the number 7")]
    [TestCase("""{ "battery": { "curve": [[0, 6], [1, "8.4"]] } }""", "battery.curve[1][1]", "must be a number; found the string \"8.4\"")]
    [TestCase("""{ "thermal": { "timeConstant": 20 } }""", "thermal.timeConstant", "must be a time as a string")]
    [TestCase("""{ "radiation": { "saaMultiplier": [30] } }""", "radiation.saaMultiplier", "must be a number; found an array")]
    [TestCase("""{ "events": { "at": "1h" } }""", "events", "must be an array of events")]
    [TestCase("""{ "events": [ "latch-up" ] }""", "events[0]", "must be an object")]
    public void Parse_WrongType_ReportsFieldAndType(string json, string field, string reason)
    {
        var error = ErrorsOf(json).Single();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.File, Is.EqualTo(File));
            Assert.That(error.Field, Is.EqualTo(field));
            Assert.That(error.Reason, Does.StartWith(reason));
        }
    }

    [TestCase("orbit", "altitudeKm", "50", "must be from 100 to 100000; found 50")]
    [TestCase("orbit", "inclinationDegrees", "181", "must be from 0 to 180; found 181")]
    [TestCase("orbit", "betaDegrees", "-91", "must be from -90 to 90; found -91")]
    [TestCase("array", "areaSquareMeters", "0", "must be above 0; found 0")]
    [TestCase("array", "efficiency", "0", "must be above 0 and at most 1; found 0")]
    [TestCase("array", "efficiency", "1.2", "must be above 0 and at most 1; found 1.2")]
    [TestCase("array", "incidenceDegrees", "90", "must be at least 0 and below 90; found 90")]
    [TestCase("battery", "capacityWattHours", "0", "must be above 0; found 0")]
    [TestCase("battery", "initialStateOfCharge", "1.5", "must be from 0 to 1; found 1.5")]
    [TestCase("battery", "chargeEfficiency", "0", "must be above 0 and at most 1; found 0")]
    [TestCase("battery", "dischargeEfficiency", "1.01", "must be above 0 and at most 1; found 1.01")]
    [TestCase("battery", "internalOhms", "-0.1", "must be 0 or more; found -0.1")]
    [TestCase("battery", "cells", "0", "must be a whole number from 1 to 100; found 0")]
    [TestCase("loads", "idleWatts", "-1", "must be 0 or more; found -1")]
    [TestCase("thermal", "initialCelsius", "-300", "must be above -273.15; found -300")]
    [TestCase("thermal", "sunHeatingCelsius", "-5", "must be 0 or more; found -5")]
    [TestCase("radiation", "upsetRatePerBitPerDay", "-1e-7", "must be 0 or more; found -1e-7")]
    [TestCase("radiation", "multiBitFraction", "2", "must be from 0 to 1; found 2")]
    [TestCase("radiation", "saaMultiplier", "0.5", "must be 1 or more; found 0.5")]
    [TestCase("radiation", "boardHangFraction", "-0.1", "must be from 0 to 1; found -0.1")]
    [TestCase("radiation", "latchUpsPerDay", "-1", "must be 0 or more; found -1")]
    [TestCase("radiation", "latchUpStepAmps", "0", "must be above 0; found 0")]
    [TestCase("radiation", "doseRadPerDay", "1e999", "must be a finite number; found 1e999")]
    public void Parse_NumberOutOfRange_ReportsRuleAndValue(string section, string field, string value, string reason)
    {
        var error = ErrorsOf($$"""{ "{{section}}": { "{{field}}": {{value}} } }""").Single();

        Assert.That(error.ToString(), Is.EqualTo($"{File}: {section}.{field}: {reason}"));
    }

    [TestCase("""{ "duration": "0s" }""", "duration", "'0s' must be longer than zero")]
    [TestCase("""{ "duration": "1 week" }""", "duration", "'1 week' is not a duration; use a number with a unit")]
    [TestCase("""{ "thermal": { "timeConstant": "soon" } }""", "thermal.timeConstant", "'soon' is not a duration")]
    [TestCase("""{ "radiation": { "latchUpDeadline": "10" } }""", "radiation.latchUpDeadline", "'10' is not a duration")]
    public void Parse_BadDuration_ReportsFormsAccepted(string json, string field, string reason)
    {
        var error = ErrorsOf(json).Single();

        Assert.That(error.Field, Is.EqualTo(field));
        Assert.That(error.Reason, Does.StartWith(reason));
    }

    [Test]
    public void Parse_DurationInOrbits_UsesTheScenarioOrbitPeriod()
    {
        var scenario = Parse("""{ "orbit": { "altitudeKm": 800 }, "duration": "3orbits" }""");

        Assert.That(scenario.Duration, Is.EqualTo(new CircularOrbit(800).Period * 3));
    }

    [Test]
    public void Parse_MisspelledField_ReportsUnknownWithSuggestion()
    {
        var error = ErrorsOf("""{ "orbit": { "altitudeKM": 500 } }""").Single();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.Field, Is.EqualTo("orbit.altitudeKM"));
            Assert.That(error.Reason, Does.StartWith("unknown field (allowed here: altitudeKm, inclinationDegrees"));
            Assert.That(error.Reason, Does.EndWith("did you mean 'altitudeKm'?"));
        }
    }

    [Test]
    public void Parse_ShortenedField_SuggestsTheFullName()
    {
        var error = ErrorsOf("""{ "orbit": { "inclination": 40 } }""").Single();

        Assert.That(error.Reason, Does.EndWith("did you mean 'inclinationDegrees'?"));
    }

    [Test]
    public void Parse_UnknownRootField_Reported()
    {
        var error = ErrorsOf("""{ "name": "other" }""").Single();

        Assert.That(error.Field, Is.EqualTo("name"));
        Assert.That(error.Reason, Does.StartWith("unknown field (allowed here: description, seed, duration, orbit"));
    }

    [Test]
    public void Parse_RepeatedField_Reported()
    {
        var error = ErrorsOf("""{ "seed": 1, "seed": 2 }""").Single();

        Assert.That(error.ToString(), Is.EqualTo("test.json: seed: appears more than once"));
    }

    [Test]
    public void Parse_SeveralProblems_ReportsThemAllInOneException()
    {
        var ex = Assert.Throws<ScenarioException>(() => Parse("""
            {
              "seed": "one",
              "orbit": { "altitudeKm": -1, "inclination": 40 },
              "battery": { "capacityWattHours": 0 },
              "events": [ { "at": "later", "kind": "latch-up" } ]
            }
            """))!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex.Errors.Select(e => e.Field), Is.EqualTo(new[]
            {
                "seed", "orbit.inclination", "orbit.altitudeKm", "battery.capacityWattHours", "events[0].at",
            }));
            Assert.That(ex.Errors.Select(e => e.File), Is.All.EqualTo(File));
            Assert.That(ex.Message, Does.StartWith("Invalid scenario file test.json (5 errors):\n"));
            Assert.That(ex.Message, Does.Contain("\ntest.json: events[0].at: 'later' is not a time"));
        }
    }

    [Test]
    public void Parse_MalformedJson_ReportsFileAndLine()
    {
        var ex = Assert.Throws<ScenarioException>(() => Parse("{\n  \"seed\": 1,\n  \"duration\" \"1d\"\n}"))!;
        var error = ex.Errors.Single();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.File, Is.EqualTo(File));
            Assert.That(error.Reason, Does.StartWith("invalid JSON at line 3, byte "));
            Assert.That(ex.Message, Does.Contain("test.json"));
        }
    }

    [Test]
    public void Parse_RootNotAnObject_ReportsDocument()
    {
        var error = ErrorsOf("[1, 2]").Single();

        Assert.That(error.ToString(), Is.EqualTo("test.json: (document): must be an object; found an array"));
    }

    [Test]
    public void Parse_Cells_BuildsLithiumIonCurveAndScalesDefaultLockout()
    {
        var battery = Parse("""{ "battery": { "cells": 3 } }""").Battery;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(battery.Curve.Points, Is.EqualTo(FlightSw.Hal.Power.BatteryCurve.LithiumIon(3).Points));
            Assert.That(battery.CutoffVolts, Is.EqualTo(9.9).Within(1e-9));
            Assert.That(battery.PowerOnVolts, Is.EqualTo(10.65).Within(1e-9));
        }
    }

    [Test]
    public void Parse_CustomCurve_UsesItsPoints()
    {
        var battery = Parse("""{ "battery": { "curve": [[0, 10], [0.5, 12], [1, 13]], "cutoffVolts": 10.5, "powerOnVolts": 11 } }""").Battery;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(battery.Curve.Points, Is.EqualTo(new[] { (0.0, 10.0), (0.5, 12.0), (1.0, 13.0) }));
            Assert.That(battery.CutoffVolts, Is.EqualTo(10.5));
            Assert.That(battery.PowerOnVolts, Is.EqualTo(11));
        }
    }

    [Test]
    public void Parse_CellsAndCurve_ReportsNotBoth()
    {
        var error = ErrorsOf("""{ "battery": { "cells": 2, "curve": [[0, 6], [1, 8.4]] } }""").Single();

        Assert.That(error.ToString(), Is.EqualTo("test.json: battery.curve: give either cells (a lithium-ion pack) or curve (your own points), not both"));
    }

    [Test]
    public void Parse_CurveNotRising_ReportsThePoint()
    {
        var error = ErrorsOf("""{ "battery": { "curve": [[0, 6], [0.5, 5.9], [1, 8.4]] } }""").Single();

        Assert.That(error.Field, Is.EqualTo("battery.curve[1]"));
        Assert.That(error.Reason, Does.StartWith("must rise above the point before it in both state of charge and volts"));
    }

    [TestCase("""[[0.1, 6], [1, 8.4]]""", "must run from state of charge 0 to 1; found 0.1 to 1")]
    [TestCase("""[[0, 6]]""", "needs at least two points")]
    public void Parse_CurveNotSpanningZeroToOne_Reported(string curve, string reason)
    {
        var error = ErrorsOf($$"""{ "battery": { "curve": {{curve}} } }""").Single();

        Assert.That(error.Field, Is.EqualTo("battery.curve"));
        Assert.That(error.Reason, Does.StartWith(reason));
    }

    [TestCase("cutoffVolts", 5.5)]
    [TestCase("powerOnVolts", 9)]
    public void Parse_LockoutOutsideCurve_ReportsCurveRange(string field, double volts)
    {
        var error = ErrorsOf($$"""{ "battery": { "{{field}}": {{volts}} } }""").Single();

        Assert.That(error.Field, Is.EqualTo("battery." + field));
        Assert.That(error.Reason, Does.StartWith("must be within the battery curve, 6 to 8.4 V"));
    }

    [Test]
    public void Parse_PowerOnNotAboveCutoff_Reported()
    {
        var error = ErrorsOf("""{ "battery": { "cutoffVolts": 7, "powerOnVolts": 7 } }""").Single();

        Assert.That(error.ToString(), Is.EqualTo("test.json: battery.powerOnVolts: must be above cutoffVolts (7 V); found 7"));
    }

    [Test]
    public void Parse_CutoffAboveDefaultPowerOn_ReportsCutoff()
    {
        var error = ErrorsOf("""{ "battery": { "cutoffVolts": 7.5 } }""").Single();

        Assert.That(error.ToString(), Is.EqualTo("test.json: battery.cutoffVolts: must be below powerOnVolts (by default 7.1 V); found 7.5"));
    }

    [Test]
    public void Load_File_NamesScenarioAfterFileAndErrorsAfterPath()
    {
        var directory = Directory.CreateTempSubdirectory("flightsw-scenario-");
        try
        {
            var good = Path.Combine(directory.FullName, "quiet-day.json");
            var bad = Path.Combine(directory.FullName, "broken.json");
            System.IO.File.WriteAllText(good, """{ "seed": 7 }""");
            System.IO.File.WriteAllText(bad, """{ "seed": "7" }""");

            var scenario = ScenarioLoader.Load(good);
            var ex = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(bad))!;

            using (Assert.EnterMultipleScope())
            {
                Assert.That(scenario.Name, Is.EqualTo("quiet-day"));
                Assert.That(scenario.Seed, Is.EqualTo(7));
                Assert.That(ex.Errors.Single().File, Is.EqualTo(bad));
                Assert.That(ex.Message, Does.StartWith($"Invalid scenario file {bad} (1 error):"));
            }
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
