namespace FlightSw.Hal.Devices;

/// <summary>TMP102 ALERT pin behaviour: configuration bit TM.</summary>
public enum Tmp102ThermostatMode
{
    /// <summary>Comparator: ALERT active from T_HIGH until below T_LOW (the power-on default).</summary>
    Comparator = 0,

    /// <summary>Interrupt: ALERT active on each limit crossing until a register is read.</summary>
    Interrupt = 1,
}
