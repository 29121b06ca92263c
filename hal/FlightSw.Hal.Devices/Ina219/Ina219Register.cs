namespace FlightSw.Hal.Devices;

/// <summary>INA219 register pointers (datasheet SBOS448, register map). All registers are 16-bit, MSB first.</summary>
internal enum Ina219Register : byte
{
    /// <summary>Reset, bus range, PGA, ADC settings and operating mode. R/W, POR 399Fh.</summary>
    Configuration = 0x00,

    /// <summary>Shunt voltage, signed, LSB 10 uV. Read-only.</summary>
    ShuntVoltage = 0x01,

    /// <summary>Bus voltage in bits 15..3 (LSB 4 mV), CNVR bit 1, OVF bit 0. Read-only.</summary>
    BusVoltage = 0x02,

    /// <summary>Power, LSB 20 x current LSB. Read-only.</summary>
    Power = 0x03,

    /// <summary>Current, signed, LSB set by the calibration. Read-only.</summary>
    Current = 0x04,

    /// <summary>Calibration; bit 0 is always 0. R/W, POR 0000h.</summary>
    Calibration = 0x05,
}
