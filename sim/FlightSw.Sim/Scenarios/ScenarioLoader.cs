using FlightSw.Hal.Configuration;

namespace FlightSw.Sim.Scenarios;

/// <summary>
/// Reads and validates scenario files (<c>sim/scenarios/NAME.json</c>). Validation checks every
/// field and reports every problem at once in a <see cref="ScenarioException"/>, each naming the
/// file, the JSON path of the field and the reason.
/// </summary>
/// <remarks>
/// <para>The file is one JSON object; every section and field is optional and defaults to the
/// record it fills (<see cref="Scenario"/>, <see cref="Environment.CircularOrbit"/>,
/// <see cref="Environment.Power.SolarArray"/>, <see cref="Environment.Power.BatterySpec"/>,
/// <see cref="Environment.Power.LoadSpec"/>, <see cref="Environment.Thermal.ThermalSpec"/>,
/// <see cref="Environment.Radiation.RadiationSpec"/>). Field names are the camelCase property
/// names; unknown fields are errors. Times are strings parsed by <see cref="ScenarioTime"/>, with
/// orbits of the file's own orbit.</para>
/// <code>
/// {
///   "description": "...", "seed": 1, "duration": "1d",
///   "orbit": { "altitudeKm": 500, "inclinationDegrees": 51.6, "betaDegrees": 20, "sunArgumentOfLatitudeDegrees": 0,
///              "ascendingNodeLongitudeDegrees": 0, "argumentOfLatitudeAtEpochDegrees": 0 },
///   "array": { "areaSquareMeters": 0.06, "efficiency": 0.28, "incidenceDegrees": 0 },
///   "battery": { "capacityWattHours": 40, "initialStateOfCharge": 0.9, "chargeEfficiency": 0.95,
///                "dischargeEfficiency": 0.95, "internalOhms": 0.08, "cells": 2, "cutoffVolts": 6.6, "powerOnVolts": 7.1 },
///   "loads": { "offWatts": 0.05, "idleWatts": 4, "busyWatts": 3, "perJobWatts": 2 },
///   "thermal": { "eclipseCelsius": -10, "sunHeatingCelsius": 25, "celsiusPerWatt": 3, "timeConstant": "20m", "initialCelsius": 20 },
///   "radiation": { "upsetRatePerBitPerDay": 4.04e-7, "multiBitFraction": 0.0122, "saaMultiplier": 30,
///                  "functionalInterruptsPerDay": 0.002, "boardHangFraction": 0.5, "latchUpsPerDay": 0.001,
///                  "latchUpStepAmps": 1, "latchUpDeadline": "10s", "doseRadPerDay": 5, "leakageWattsPerKrad": 0.05 },
///   "events": [
///     { "at": "orbit 3", "kind": "solar-particle-event", "peakMultiplier": 300, "rise": "2h", "decay": "8h" },
///     { "at": "t=5000s", "kind": "latch-up", "stepAmps": 1.2 },
///     { "at": "3h", "kind": "functional-interrupt", "stops": "board" }
///   ]
/// }
/// </code>
/// <para>The rules beyond types:</para>
/// <list type="bullet">
/// <item><c>seed</c> a 32-bit whole number; <c>duration</c> above zero.</item>
/// <item><c>orbit.altitudeKm</c> 100 to 100000; <c>inclinationDegrees</c> 0 to 180; <c>betaDegrees</c> -90 to 90; the angles finite.</item>
/// <item><c>array.areaSquareMeters</c> above 0; <c>efficiency</c> above 0 and at most 1; <c>incidenceDegrees</c> 0 to below 90.</item>
/// <item><c>battery.capacityWattHours</c> above 0; <c>initialStateOfCharge</c> 0 to 1; the efficiencies above 0 and at
/// most 1; <c>internalOhms</c> 0 or more; the curve either <c>cells</c> (lithium-ion cells in series, 1 to 100; 2 by
/// default) or <c>curve</c> (points [stateOfCharge, volts] rising in both, from 0 to 1), not both;
/// <c>cutoffVolts</c> and <c>powerOnVolts</c> within the curve and power-on above cut-off. With a curve other than
/// the default, absent voltages default to the states of charge the defaults have on the default curve (5 % and 20 %).</item>
/// <item><c>loads</c> all 0 or more; <c>thermal</c> temperatures above -273.15, the rises 0 or more, <c>timeConstant</c> above zero.</item>
/// <item><c>radiation</c> rates and dose 0 or more; fractions 0 to 1; <c>saaMultiplier</c> 1 or more;
/// <c>latchUpStepAmps</c> above 0; <c>latchUpDeadline</c> above zero.</item>
/// <item><c>events[i]</c>: <c>at</c> (an instant) and <c>kind</c> required, and only the fields of that kind:
/// solar-particle-event (<c>peakMultiplier</c> 1 or more, <c>rise</c>, <c>decay</c>, all required; the onset is
/// <c>at</c>), latch-up (<c>stepAmps</c> above 0, optional), functional-interrupt (<c>stops</c> board or thread,
/// board by default). <see cref="Scenario.Events"/> is sorted by time, ties in file order.</item>
/// </list>
/// <para>Comments and trailing commas are allowed in the JSON.</para>
/// </remarks>
public static class ScenarioLoader
{
    /// <summary>Reads and validates the scenario file at <paramref name="file"/>; its name is the file name without extension.</summary>
    /// <exception cref="ScenarioException">The file is not valid JSON or breaks a rule.</exception>
    /// <exception cref="IOException">The file cannot be read (for example <see cref="FileNotFoundException"/>).</exception>
    public static Scenario Load(string file)
    {
        ArgumentException.ThrowIfNullOrEmpty(file);
        return Parse(File.ReadAllText(file), file, Path.GetFileNameWithoutExtension(file));
    }

    /// <summary>Validates <paramref name="json"/>, the text of a scenario file.</summary>
    /// <param name="json">The file's text.</param>
    /// <param name="fileNameForMessages">The file as every error names it.</param>
    /// <param name="name">The scenario's <see cref="Scenario.Name"/>.</param>
    /// <exception cref="ScenarioException">The text is not valid JSON or breaks a rule.</exception>
    public static Scenario Parse(string json, string fileNameForMessages, string name)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(fileNameForMessages);
        ArgumentNullException.ThrowIfNull(name);

        if (!JsonFileParser.TryParse(json, fileNameForMessages, out var document, out var syntaxError))
        {
            throw new ScenarioException([ScenarioError.From(syntaxError)]);
        }

        using (document)
        {
            var reader = new ScenarioFileReader(fileNameForMessages, name);
            return reader.Read(document.RootElement) ?? throw new ScenarioException(reader.Errors);
        }
    }
}
