namespace FlightSw.Hal.Devices;

/// <summary>
/// INA219 ADC setting for one channel: resolution of a single conversion, or the number of
/// 12-bit samples averaged. Configuration bits BADC4..1 (bus) or SADC4..1 (shunt); the values are
/// the 4-bit codes. Codes 0100b to 0111b read back as their 00xxb equivalents, and 1000b as
/// <see cref="Resolution12Bit"/>.
/// </summary>
public enum Ina219AdcResolutionOrSamples
{
    /// <summary>9-bit, 84 us.</summary>
    Resolution9Bit = 0x0,

    /// <summary>10-bit, 148 us.</summary>
    Resolution10Bit = 0x1,

    /// <summary>11-bit, 276 us.</summary>
    Resolution11Bit = 0x2,

    /// <summary>12-bit, 532 us (the power-on default).</summary>
    Resolution12Bit = 0x3,

    /// <summary>2 samples averaged, 1.06 ms.</summary>
    Samples2 = 0x9,

    /// <summary>4 samples averaged, 2.13 ms.</summary>
    Samples4 = 0xA,

    /// <summary>8 samples averaged, 4.26 ms.</summary>
    Samples8 = 0xB,

    /// <summary>16 samples averaged, 8.51 ms.</summary>
    Samples16 = 0xC,

    /// <summary>32 samples averaged, 17.02 ms.</summary>
    Samples32 = 0xD,

    /// <summary>64 samples averaged, 34.05 ms.</summary>
    Samples64 = 0xE,

    /// <summary>128 samples averaged, 68.10 ms.</summary>
    Samples128 = 0xF,
}
