namespace FlightSw.Hal.Devices;

/// <summary>The calibration an <see cref="Ina219"/> driver wrote, and the scales it implies.</summary>
/// <param name="Value">Calibration register value.</param>
/// <param name="ShuntOhms">Shunt resistance it was computed for, in ohms.</param>
/// <param name="CurrentLsbAmps">Amperes per count of the current register.</param>
/// <param name="PowerLsbWatts">Watts per count of the power register.</param>
internal sealed record Ina219Calibration(ushort Value, double ShuntOhms, double CurrentLsbAmps, double PowerLsbWatts);
