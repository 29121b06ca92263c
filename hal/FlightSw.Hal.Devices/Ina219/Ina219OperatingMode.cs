namespace FlightSw.Hal.Devices;

/// <summary>INA219 operating mode: configuration bits MODE3..1.</summary>
public enum Ina219OperatingMode
{
    /// <summary>Power-down; registers keep their last values.</summary>
    PowerDown = 0,

    /// <summary>One shunt voltage conversion, triggered by writing this mode.</summary>
    ShuntTriggered = 1,

    /// <summary>One bus voltage conversion, triggered by writing this mode.</summary>
    BusTriggered = 2,

    /// <summary>One shunt and one bus conversion, triggered by writing this mode.</summary>
    ShuntAndBusTriggered = 3,

    /// <summary>ADC off (disabled); registers keep their last values.</summary>
    AdcOff = 4,

    /// <summary>Shunt voltage converted continuously.</summary>
    ShuntContinuous = 5,

    /// <summary>Bus voltage converted continuously.</summary>
    BusContinuous = 6,

    /// <summary>Shunt and bus converted continuously (the power-on default).</summary>
    ShuntAndBusContinuous = 7,
}
