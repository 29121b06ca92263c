namespace FlightSw.Hal;

/// <summary>One reading of the supply power monitor, in SI units.</summary>
/// <param name="BusVolts">Voltage on the supply bus, load side, in volts.</param>
/// <param name="ShuntVolts">Voltage across the current shunt, in volts (signed).</param>
/// <param name="CurrentAmps">Current drawn by the board, in amperes (signed).</param>
/// <param name="PowerWatts">Power drawn by the board, in watts.</param>
public readonly record struct PowerReading(double BusVolts, double ShuntVolts, double CurrentAmps, double PowerWatts);
