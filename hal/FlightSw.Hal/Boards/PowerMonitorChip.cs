namespace FlightSw.Hal.Boards;

/// <summary>The supply power monitor chip and its shunt.</summary>
/// <param name="Chip">Chip type in lower case, for example <c>ina219</c>.</param>
/// <param name="Bus">Bus number; one of <see cref="I2cLayout.Buses"/>.</param>
/// <param name="Address">7-bit address, 0x08 to 0x77.</param>
/// <param name="ShuntOhms">Resistance of the current shunt, in ohms.</param>
/// <param name="MaxExpectedAmps">Largest current the board is expected to draw, in amperes; sets the calibration.</param>
public sealed record PowerMonitorChip(string Chip, int Bus, int Address, double ShuntOhms, double MaxExpectedAmps)
    : I2cChip(Chip, Bus, Address);
