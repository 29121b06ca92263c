namespace FlightSw.Hal.Boards;

/// <summary>The I2C buses the flight software uses and the chips it expects on them.</summary>
/// <param name="Buses">
/// Bus numbers the board exposes to the flight software: Linux <c>/dev/i2c-N</c>; on Meadow the STM32 I2C
/// peripheral number (I2C1 = 1, on the Feather header pins D07/D08). Never empty, no duplicates.
/// </param>
/// <param name="PowerMonitor">The supply power monitor.</param>
/// <param name="TemperatureSensor">The board temperature sensor.</param>
public sealed record I2cLayout(IReadOnlyList<int> Buses, PowerMonitorChip PowerMonitor, I2cChip TemperatureSensor);
