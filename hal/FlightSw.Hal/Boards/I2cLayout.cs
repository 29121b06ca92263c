namespace FlightSw.Hal.Boards;

/// <summary>The I2C buses the flight software uses and the chips it expects on them.</summary>
/// <param name="Buses">Bus numbers (Linux <c>/dev/i2c-N</c>) the board exposes to the flight software.</param>
/// <param name="PowerMonitor">The supply power monitor.</param>
/// <param name="TemperatureSensor">The board temperature sensor.</param>
public sealed record I2cLayout(IReadOnlyList<int> Buses, PowerMonitorChip PowerMonitor, I2cChip TemperatureSensor);
