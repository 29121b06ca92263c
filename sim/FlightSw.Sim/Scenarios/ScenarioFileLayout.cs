namespace FlightSw.Sim.Scenarios;

/// <summary>
/// The shape of a scenario file: the one list of field names the loader accepts in each object,
/// camelCase mirrors of the record properties they fill.
/// </summary>
internal static class ScenarioFileLayout
{
    /// <summary>The document root.</summary>
    internal static readonly IReadOnlyList<string> Root =
        ["description", "seed", "duration", "orbit", "array", "battery", "loads", "thermal", "radiation", "events"];

    /// <summary><c>orbit</c>: <see cref="Environment.CircularOrbit"/>.</summary>
    internal static readonly IReadOnlyList<string> Orbit =
    [
        "altitudeKm", "inclinationDegrees", "betaDegrees", "sunArgumentOfLatitudeDegrees",
        "ascendingNodeLongitudeDegrees", "argumentOfLatitudeAtEpochDegrees",
    ];

    /// <summary><c>array</c>: <see cref="Environment.Power.SolarArray"/>.</summary>
    internal static readonly IReadOnlyList<string> Array = ["areaSquareMeters", "efficiency", "incidenceDegrees"];

    /// <summary><c>battery</c>: <see cref="Environment.Power.BatterySpec"/>, with the curve as <c>cells</c> or <c>curve</c>.</summary>
    internal static readonly IReadOnlyList<string> Battery =
    [
        "capacityWattHours", "initialStateOfCharge", "chargeEfficiency", "dischargeEfficiency", "internalOhms",
        "cells", "curve", "cutoffVolts", "powerOnVolts",
    ];

    /// <summary><c>loads</c>: <see cref="Environment.Power.LoadSpec"/>.</summary>
    internal static readonly IReadOnlyList<string> Loads = ["offWatts", "idleWatts", "busyWatts", "perJobWatts"];

    /// <summary><c>thermal</c>: <see cref="Environment.Thermal.ThermalSpec"/>.</summary>
    internal static readonly IReadOnlyList<string> Thermal =
        ["eclipseCelsius", "sunHeatingCelsius", "celsiusPerWatt", "timeConstant", "initialCelsius"];

    /// <summary><c>radiation</c>: <see cref="Environment.Radiation.RadiationSpec"/>.</summary>
    internal static readonly IReadOnlyList<string> Radiation =
    [
        "upsetRatePerBitPerDay", "multiBitFraction", "saaMultiplier", "functionalInterruptsPerDay", "boardHangFraction",
        "latchUpsPerDay", "latchUpStepAmps", "latchUpDeadline", "doseRadPerDay", "leakageWattsPerKrad",
    ];

    /// <summary>Fields every event has and must have.</summary>
    internal static readonly IReadOnlyList<string> EventCommon = ["at", "kind"];

    /// <summary><c>kind</c> of a solar particle event.</summary>
    internal const string SolarParticleEventKind = "solar-particle-event";

    /// <summary><c>kind</c> of a latch-up.</summary>
    internal const string LatchUpKind = "latch-up";

    /// <summary><c>kind</c> of a functional interrupt.</summary>
    internal const string FunctionalInterruptKind = "functional-interrupt";

    /// <summary>Every event kind, in the order messages list them.</summary>
    internal static readonly IReadOnlyList<string> EventKinds = [SolarParticleEventKind, LatchUpKind, FunctionalInterruptKind];

    /// <summary>Fields of a solar particle event (all required).</summary>
    internal static readonly IReadOnlyList<string> SolarParticleEvent = ["at", "kind", "peakMultiplier", "rise", "decay"];

    /// <summary>Fields of a latch-up (<c>stepAmps</c> optional).</summary>
    internal static readonly IReadOnlyList<string> LatchUp = ["at", "kind", "stepAmps"];

    /// <summary>Fields of a functional interrupt (<c>stops</c> optional).</summary>
    internal static readonly IReadOnlyList<string> FunctionalInterrupt = ["at", "kind", "stops"];

    /// <summary>Values of a functional interrupt's <c>stops</c>.</summary>
    internal static readonly IReadOnlyList<string> InterruptTargets = ["board", "thread"];

    /// <summary>The fields of events of <paramref name="kind"/> (one of <see cref="EventKinds"/>).</summary>
    internal static IReadOnlyList<string> EventFields(string kind) => kind switch
    {
        SolarParticleEventKind => SolarParticleEvent,
        LatchUpKind => LatchUp,
        _ => FunctionalInterrupt,
    };
}
