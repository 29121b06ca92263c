namespace FlightSw.Hal.Boards;

/// <summary>One chip on an I2C bus.</summary>
/// <param name="Chip">Chip type in lower case, for example <c>tmp102</c>.</param>
/// <param name="Bus">Bus number; one of <see cref="I2cLayout.Buses"/>.</param>
/// <param name="Address">7-bit address, 0x08 to 0x77.</param>
public record I2cChip(string Chip, int Bus, int Address);
