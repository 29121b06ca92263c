namespace FlightSw.Hal.Devices;

/// <summary>INA219 shunt PGA gain and the resulting shunt voltage range: configuration bits PG1..PG0.</summary>
public enum Ina219PgaGain
{
    /// <summary>Gain 1: +-40 mV.</summary>
    DivideBy1 = 0,

    /// <summary>Gain /2: +-80 mV.</summary>
    DivideBy2 = 1,

    /// <summary>Gain /4: +-160 mV.</summary>
    DivideBy4 = 2,

    /// <summary>Gain /8: +-320 mV (the power-on default).</summary>
    DivideBy8 = 3,
}
