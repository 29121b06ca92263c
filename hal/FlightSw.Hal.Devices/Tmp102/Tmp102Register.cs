namespace FlightSw.Hal.Devices;

/// <summary>TMP102 register pointers (datasheet SBOS397, pointer bits P1..P0). All registers are 16-bit, MSB first.</summary>
internal enum Tmp102Register : byte
{
    /// <summary>Temperature, 12-bit (13-bit in extended mode) left-justified, LSB 0.0625 C. Read-only.</summary>
    Temperature = 0x00,

    /// <summary>Configuration: OS R1 R0 F1 F0 POL TM SD | CR1 CR0 AL EM 0 0 0 0. R/W, POR 60A0h.</summary>
    Configuration = 0x01,

    /// <summary>Low limit of the thermostat, same format as the temperature. R/W, POR 4B00h (75 C).</summary>
    LowLimit = 0x02,

    /// <summary>High limit of the thermostat, same format as the temperature. R/W, POR 5000h (80 C).</summary>
    HighLimit = 0x03,
}
