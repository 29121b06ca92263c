namespace FlightSw.Hal.Devices;

/// <summary>INA219 bus voltage full-scale range: configuration bit BRNG.</summary>
public enum Ina219BusVoltageRange
{
    /// <summary>0 to 16 V (BRNG = 0).</summary>
    Range16Volts = 0,

    /// <summary>0 to 32 V (BRNG = 1, the power-on default). The chip's bus input is rated to 26 V.</summary>
    Range32Volts = 1,
}
