using System.Globalization;
using System.Text.Json;
using FlightSw.Hal.Configuration;
using FlightSw.Hal.Power;
using FlightSw.Sim.Environment;
using FlightSw.Sim.Environment.Power;
using FlightSw.Sim.Environment.Radiation;
using FlightSw.Sim.Environment.Thermal;
using static FlightSw.Hal.Configuration.JsonFieldReader;

namespace FlightSw.Sim.Scenarios;

/// <summary>
/// Turns the parsed JSON of one scenario file into a <see cref="Scenario"/>, checking every field
/// and collecting every problem in <see cref="Errors"/>. Absent fields keep the defaults of the
/// records they fill.
/// </summary>
internal sealed class ScenarioFileReader
{
    /// <summary>Most lithium-ion cells in series <c>battery.cells</c> accepts.</summary>
    internal const int MaxCells = 100;

    /// <summary>Lowest orbit altitude accepted, in km (below it the atmosphere ends any orbit within days).</summary>
    internal const double MinAltitudeKm = 100;

    /// <summary>Highest orbit altitude accepted, in km (well beyond geostationary).</summary>
    internal const double MaxAltitudeKm = 100_000;

    private const string Root = "";

    private static readonly IReadOnlyList<string> AllEventFields =
        [.. ScenarioFileLayout.EventKinds.SelectMany(ScenarioFileLayout.EventFields).Distinct()];

    private readonly JsonFieldReader _fields;
    private readonly string _name;

    /// <summary>Creates a reader for the file <paramref name="file"/> (named in errors) of the scenario <paramref name="name"/>.</summary>
    public ScenarioFileReader(string file, string name)
    {
        _fields = new JsonFieldReader(file);
        _name = name;
    }

    /// <summary>Every problem found by <see cref="Read"/>.</summary>
    public IReadOnlyList<ScenarioError> Errors => [.. _fields.Problems.Select(ScenarioError.From)];

    /// <summary>The scenario, or null when <see cref="Errors"/> is not empty.</summary>
    public Scenario? Read(JsonElement root)
    {
        if (!_fields.CheckObject(root, Root, ScenarioFileLayout.Root, []))
        {
            return null;
        }

        var defaults = new Scenario { Name = _name };
        var description = _fields.String(root, Root, "description") ?? defaults.Description;
        var seed = _fields.Int(root, Root, "seed", int.MinValue, int.MaxValue) ?? defaults.Seed;
        var orbit = ReadOrbit(root, defaults.Orbit);
        var period = orbit.Period;
        var duration = _fields.Duration(root, Root, "duration", period) ?? defaults.Duration;
        var array = ReadArray(root, defaults.Array);
        var battery = ReadBattery(root, defaults.Battery);
        var loads = ReadLoads(root, defaults.Loads);
        var thermal = ReadThermal(root, defaults.Thermal, period);
        var radiation = ReadRadiation(root, defaults.Radiation, period);
        var events = ReadEvents(root, period);

        if (_fields.Problems.Count > 0)
        {
            return null;
        }

        return defaults with
        {
            Description = description,
            Seed = seed,
            Duration = duration,
            Orbit = orbit,
            Array = array,
            Battery = battery,
            Loads = loads,
            Thermal = thermal,
            Radiation = radiation,
            Events = events,
        };
    }

    private CircularOrbit ReadOrbit(JsonElement root, CircularOrbit defaults)
    {
        const string path = "orbit";
        if (_fields.Object(root, Root, path, ScenarioFileLayout.Orbit, []) is not { } orbit)
        {
            return defaults;
        }

        var errorsBefore = _fields.Problems.Count;
        var altitude = _fields.Number(orbit, path, "altitudeKm", NumberRange.Between(MinAltitudeKm, MaxAltitudeKm)) ?? defaults.AltitudeKm;
        var inclination = _fields.Number(orbit, path, "inclinationDegrees", NumberRange.Between(0, 180)) ?? defaults.InclinationDegrees;
        var beta = _fields.Number(orbit, path, "betaDegrees", NumberRange.Between(-90, 90)) ?? defaults.BetaDegrees;
        var sun = _fields.Number(orbit, path, "sunArgumentOfLatitudeDegrees", NumberRange.Any) ?? defaults.SunArgumentOfLatitudeDegrees;
        var node = _fields.Number(orbit, path, "ascendingNodeLongitudeDegrees", NumberRange.Any) ?? defaults.AscendingNodeLongitudeDegrees;
        var epoch = _fields.Number(orbit, path, "argumentOfLatitudeAtEpochDegrees", NumberRange.Any) ?? defaults.ArgumentOfLatitudeAtEpochDegrees;
        if (_fields.Problems.Count > errorsBefore)
        {
            // Times in orbits are still read, against the default orbit; the file fails anyway.
            return defaults;
        }

        try
        {
            return new CircularOrbit(altitude)
            {
                InclinationDegrees = inclination,
                BetaDegrees = beta,
                SunArgumentOfLatitudeDegrees = sun,
                AscendingNodeLongitudeDegrees = node,
                ArgumentOfLatitudeAtEpochDegrees = epoch,
            };
        }
        catch (ArgumentOutOfRangeException ex)
        {
            _fields.Report(path, ex.Message);
            return defaults;
        }
    }

    private SolarArray ReadArray(JsonElement root, SolarArray defaults)
    {
        const string path = "array";
        if (_fields.Object(root, Root, path, ScenarioFileLayout.Array, []) is not { } array)
        {
            return defaults;
        }

        return new SolarArray(
            _fields.Number(array, path, "areaSquareMeters", NumberRange.Positive) ?? defaults.AreaSquareMeters,
            _fields.Number(array, path, "efficiency", NumberRange.Efficiency) ?? defaults.Efficiency,
            _fields.Number(array, path, "incidenceDegrees", new NumberRange(0, true, 90, false)) ?? defaults.IncidenceDegrees);
    }

    private BatterySpec ReadBattery(JsonElement root, BatterySpec defaults)
    {
        const string path = "battery";
        if (_fields.Object(root, Root, path, ScenarioFileLayout.Battery, []) is not { } battery)
        {
            return defaults;
        }

        var capacity = _fields.Number(battery, path, "capacityWattHours", NumberRange.Positive) ?? defaults.CapacityWattHours;
        var initial = _fields.Number(battery, path, "initialStateOfCharge", NumberRange.Fraction) ?? defaults.InitialStateOfCharge;
        var charge = _fields.Number(battery, path, "chargeEfficiency", NumberRange.Efficiency) ?? defaults.ChargeEfficiency;
        var discharge = _fields.Number(battery, path, "dischargeEfficiency", NumberRange.Efficiency) ?? defaults.DischargeEfficiency;
        var ohms = _fields.Number(battery, path, "internalOhms", NumberRange.NonNegative) ?? defaults.InternalOhms;
        var curve = ReadCurve(battery, path, defaults.Curve, out var customCurve);
        var (cutoff, powerOn) = ReadLockout(battery, path, defaults, curve, customCurve);

        return new BatterySpec
        {
            CapacityWattHours = capacity,
            InitialStateOfCharge = initial,
            ChargeEfficiency = charge,
            DischargeEfficiency = discharge,
            InternalOhms = ohms,
            Curve = curve ?? defaults.Curve,
            CutoffVolts = cutoff,
            PowerOnVolts = powerOn,
        };
    }

    /// <summary><c>cells</c> or <c>curve</c> (not both); the default curve when neither; null when unusable.</summary>
    private BatteryCurve? ReadCurve(JsonElement battery, string path, BatteryCurve defaults, out bool custom)
    {
        var hasCells = TryGet(battery, "cells", out _);
        var hasCurve = TryGet(battery, "curve", out var points);
        custom = hasCells || hasCurve;
        var cells = _fields.Int(battery, path, "cells", 1, MaxCells);
        if (hasCells && hasCurve)
        {
            _fields.Report(Join(path, "curve"), "give either cells (a lithium-ion pack) or curve (your own points), not both");
            return null;
        }

        if (hasCurve)
        {
            return ReadCurvePoints(points, Join(path, "curve"));
        }

        if (hasCells)
        {
            return cells is { } count ? BatteryCurve.LithiumIon(count) : null;
        }

        return defaults;
    }

    private BatteryCurve? ReadCurvePoints(JsonElement value, string path)
    {
        const string form = "[[stateOfCharge, volts], ...] such as [[0, 6.0], [0.5, 7.5], [1, 8.4]]";
        if (value.ValueKind != JsonValueKind.Array)
        {
            _fields.Report(path, $"must be an array of points {form}; found {Describe(value)}");
            return null;
        }

        var points = new List<(double StateOfCharge, double Volts)>();
        var usable = true;
        var index = 0;
        foreach (var point in value.EnumerateArray())
        {
            var pointPath = Index(path, index);
            if (point.ValueKind != JsonValueKind.Array || point.GetArrayLength() != 2)
            {
                _fields.Report(pointPath, $"must be a pair [stateOfCharge, volts]; found {Describe(point)}");
                usable = false;
            }
            else
            {
                var soc = _fields.NumberValue(point[0], Index(pointPath, 0), NumberRange.Fraction);
                var volts = _fields.NumberValue(point[1], Index(pointPath, 1), NumberRange.Positive);
                if (soc is null || volts is null)
                {
                    usable = false;
                }
                else if (usable && points.Count > 0 && (soc <= points[^1].StateOfCharge || volts <= points[^1].Volts))
                {
                    _fields.Report(pointPath, $"must rise above the point before it in both state of charge and volts; found [{Format(soc.Value)}, {Format(volts.Value)}] after [{Format(points[^1].StateOfCharge)}, {Format(points[^1].Volts)}]");
                    usable = false;
                }
                else
                {
                    points.Add((soc.Value, volts.Value));
                }
            }

            index++;
        }

        if (index < 2)
        {
            _fields.Report(path, $"needs at least two points, the first at state of charge 0 and the last at 1: {form}");
            return null;
        }

        if (!usable)
        {
            return null;
        }

        if (points[0].StateOfCharge != 0 || points[^1].StateOfCharge != 1)
        {
            _fields.Report(path, $"must run from state of charge 0 to 1; found {Format(points[0].StateOfCharge)} to {Format(points[^1].StateOfCharge)}");
            return null;
        }

        try
        {
            return new BatteryCurve(points);
        }
        catch (ArgumentException ex)
        {
            _fields.Report(path, ex.Message);
            return null;
        }
    }

    /// <summary>
    /// <c>cutoffVolts</c> and <c>powerOnVolts</c>. When the curve is not the default one, an absent
    /// voltage defaults to the same state of charge on the new curve as the record's default has on its own.
    /// </summary>
    private (double Cutoff, double PowerOn) ReadLockout(JsonElement battery, string path, BatterySpec defaults, BatteryCurve? curve, bool customCurve)
    {
        var cutoff = _fields.Number(battery, path, "cutoffVolts", NumberRange.Positive);
        var powerOn = _fields.Number(battery, path, "powerOnVolts", NumberRange.Positive);
        var cutoffGiven = TryGet(battery, "cutoffVolts", out _);
        var powerOnGiven = TryGet(battery, "powerOnVolts", out _);
        if (curve is null)
        {
            return (cutoff ?? defaults.CutoffVolts, powerOn ?? defaults.PowerOnVolts);
        }

        double DefaultFor(double volts) => customCurve ? curve.VoltsAt(defaults.Curve.StateOfChargeAt(volts)) : volts;

        var within = NumberRange.Between(curve.EmptyVolts, curve.FullVolts);
        var curveText = $"within the battery curve, {Format(curve.EmptyVolts)} to {Format(curve.FullVolts)} V";
        if (cutoff is { } c && !within.Contains(c))
        {
            _fields.Report(Join(path, "cutoffVolts"), $"must be {curveText}; found {Format(c)}");
            cutoff = null;
        }

        if (powerOn is { } p && !within.Contains(p))
        {
            _fields.Report(Join(path, "powerOnVolts"), $"must be {curveText}; found {Format(p)}");
            powerOn = null;
        }

        var cutoffVolts = cutoff ?? DefaultFor(defaults.CutoffVolts);
        var powerOnVolts = powerOn ?? DefaultFor(defaults.PowerOnVolts);
        var bothUsable = (cutoff is not null || !cutoffGiven) && (powerOn is not null || !powerOnGiven);
        if (bothUsable && powerOnVolts <= cutoffVolts)
        {
            if (powerOnGiven)
            {
                _fields.Report(Join(path, "powerOnVolts"), $"must be above cutoffVolts ({Format(cutoffVolts)} V); found {Format(powerOnVolts)}");
            }
            else
            {
                _fields.Report(Join(path, "cutoffVolts"), $"must be below powerOnVolts (by default {Format(powerOnVolts)} V); found {Format(cutoffVolts)}");
            }
        }

        return (cutoffVolts, powerOnVolts);
    }

    private LoadSpec ReadLoads(JsonElement root, LoadSpec defaults)
    {
        const string path = "loads";
        if (_fields.Object(root, Root, path, ScenarioFileLayout.Loads, []) is not { } loads)
        {
            return defaults;
        }

        return new LoadSpec
        {
            OffWatts = _fields.Number(loads, path, "offWatts", NumberRange.NonNegative) ?? defaults.OffWatts,
            IdleWatts = _fields.Number(loads, path, "idleWatts", NumberRange.NonNegative) ?? defaults.IdleWatts,
            BusyWatts = _fields.Number(loads, path, "busyWatts", NumberRange.NonNegative) ?? defaults.BusyWatts,
            PerJobWatts = _fields.Number(loads, path, "perJobWatts", NumberRange.NonNegative) ?? defaults.PerJobWatts,
        };
    }

    private ThermalSpec ReadThermal(JsonElement root, ThermalSpec defaults, TimeSpan period)
    {
        const string path = "thermal";
        if (_fields.Object(root, Root, path, ScenarioFileLayout.Thermal, []) is not { } thermal)
        {
            return defaults;
        }

        return new ThermalSpec
        {
            EclipseCelsius = _fields.Number(thermal, path, "eclipseCelsius", NumberRange.Celsius) ?? defaults.EclipseCelsius,
            SunHeatingCelsius = _fields.Number(thermal, path, "sunHeatingCelsius", NumberRange.NonNegative) ?? defaults.SunHeatingCelsius,
            CelsiusPerWatt = _fields.Number(thermal, path, "celsiusPerWatt", NumberRange.NonNegative) ?? defaults.CelsiusPerWatt,
            TimeConstant = _fields.Duration(thermal, path, "timeConstant", period) ?? defaults.TimeConstant,
            InitialCelsius = _fields.Number(thermal, path, "initialCelsius", NumberRange.Celsius) ?? defaults.InitialCelsius,
        };
    }

    private RadiationSpec ReadRadiation(JsonElement root, RadiationSpec defaults, TimeSpan period)
    {
        const string path = "radiation";
        if (_fields.Object(root, Root, path, ScenarioFileLayout.Radiation, []) is not { } radiation)
        {
            return defaults;
        }

        return new RadiationSpec
        {
            UpsetRatePerBitPerDay = _fields.Number(radiation, path, "upsetRatePerBitPerDay", NumberRange.NonNegative) ?? defaults.UpsetRatePerBitPerDay,
            MultiBitFraction = _fields.Number(radiation, path, "multiBitFraction", NumberRange.Fraction) ?? defaults.MultiBitFraction,
            SaaMultiplier = _fields.Number(radiation, path, "saaMultiplier", NumberRange.Multiplier) ?? defaults.SaaMultiplier,
            FunctionalInterruptsPerDay = _fields.Number(radiation, path, "functionalInterruptsPerDay", NumberRange.NonNegative) ?? defaults.FunctionalInterruptsPerDay,
            BoardHangFraction = _fields.Number(radiation, path, "boardHangFraction", NumberRange.Fraction) ?? defaults.BoardHangFraction,
            LatchUpsPerDay = _fields.Number(radiation, path, "latchUpsPerDay", NumberRange.NonNegative) ?? defaults.LatchUpsPerDay,
            LatchUpStepAmps = _fields.Number(radiation, path, "latchUpStepAmps", NumberRange.Positive) ?? defaults.LatchUpStepAmps,
            LatchUpDeadline = _fields.Duration(radiation, path, "latchUpDeadline", period) ?? defaults.LatchUpDeadline,
            DoseRadPerDay = _fields.Number(radiation, path, "doseRadPerDay", NumberRange.NonNegative) ?? defaults.DoseRadPerDay,
            LeakageWattsPerKrad = _fields.Number(radiation, path, "leakageWattsPerKrad", NumberRange.NonNegative) ?? defaults.LeakageWattsPerKrad,
        };
    }

    private IReadOnlyList<ScriptedEvent> ReadEvents(JsonElement root, TimeSpan period)
    {
        const string path = "events";
        if (!TryGet(root, path, out var value))
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            _fields.Report(path, $"must be an array of events such as [{{ \"at\": \"orbit 3\", \"kind\": \"latch-up\" }}]; found {Describe(value)}");
            return [];
        }

        var events = new List<ScriptedEvent>();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (ReadEvent(item, Index(path, index), period) is { } scripted)
            {
                events.Add(scripted);
            }

            index++;
        }

        // OrderBy is stable: events at the same time keep the file's order.
        return [.. events.OrderBy(e => e.At)];
    }

    private ScriptedEvent? ReadEvent(JsonElement item, string path, TimeSpan period)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            _fields.Report(path, $"must be an object such as {{ \"at\": \"orbit 3\", \"kind\": \"latch-up\" }}; found {Describe(item)}");
            return null;
        }

        var kind = ReadEventKind(item, path);
        var allowed = kind is null ? AllEventFields : ScenarioFileLayout.EventFields(kind);
        var required = kind == ScenarioFileLayout.SolarParticleEventKind ? ScenarioFileLayout.SolarParticleEvent : ScenarioFileLayout.EventCommon;
        _fields.CheckObject(item, path, allowed, required, name => kind is null ? null : OtherKindReason(name, kind));
        var at = _fields.Instant(item, path, "at", period);

        switch (kind)
        {
            case ScenarioFileLayout.SolarParticleEventKind:
                var peak = _fields.Number(item, path, "peakMultiplier", NumberRange.Multiplier);
                var rise = _fields.Duration(item, path, "rise", period);
                var decay = _fields.Duration(item, path, "decay", period);
                if (at is null || peak is null || rise is null || decay is null)
                {
                    return null;
                }

                return new ScriptedEvent(at.Value, ScriptedEventKind.SolarParticleEvent)
                {
                    Solar = new SolarParticleEvent(at.Value, peak.Value, rise.Value, decay.Value),
                };

            case ScenarioFileLayout.LatchUpKind:
                var stepAmps = _fields.Number(item, path, "stepAmps", NumberRange.Positive);
                var stepGiven = TryGet(item, "stepAmps", out _);
                if (at is null || (stepGiven && stepAmps is null))
                {
                    return null;
                }

                return new ScriptedEvent(at.Value, ScriptedEventKind.LatchUp) { StepAmps = stepAmps };

            case ScenarioFileLayout.FunctionalInterruptKind:
                var stops = ReadInterruptTarget(item, path);
                if (at is null || (TryGet(item, "stops", out _) && stops is null))
                {
                    return null;
                }

                var interrupt = new ScriptedEvent(at.Value, ScriptedEventKind.FunctionalInterrupt);
                return stops is { } target ? interrupt with { Interrupt = target } : interrupt;

            default:
                return null;
        }
    }

    private string? ReadEventKind(JsonElement item, string path)
    {
        var kind = _fields.String(item, path, "kind");
        if (kind is null || ScenarioFileLayout.EventKinds.Contains(kind, StringComparer.Ordinal))
        {
            return kind;
        }

        _fields.Report(Join(path, "kind"), $"must be one of {string.Join(", ", ScenarioFileLayout.EventKinds)}; found \"{kind}\"");
        return null;
    }

    private FunctionalInterruptKind? ReadInterruptTarget(JsonElement item, string path)
    {
        var stops = _fields.String(item, path, "stops");
        switch (stops)
        {
            case null:
                return null;
            case "board":
                return FunctionalInterruptKind.Board;
            case "thread":
                return FunctionalInterruptKind.Thread;
            default:
                _fields.Report(Join(path, "stops"), $"must be one of {string.Join(", ", ScenarioFileLayout.InterruptTargets)}; found \"{stops}\"");
                return null;
        }
    }

    private static string? OtherKindReason(string name, string kind)
    {
        var owners = ScenarioFileLayout.EventKinds.Where(k => k != kind && ScenarioFileLayout.EventFields(k).Contains(name, StringComparer.Ordinal)).ToArray();
        if (owners.Length == 0)
        {
            return null;
        }

        return $"is a field of {string.Join(" and ", owners)} events, not of {kind} events (allowed here: {string.Join(", ", ScenarioFileLayout.EventFields(kind))})";
    }

    private static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
