namespace FlightSw.Hal.Devices;

/// <summary>TMP102 fault queue: consecutive out-of-limit conversions needed to change the alert. Configuration bits F1..F0.</summary>
public enum Tmp102FaultQueue
{
    /// <summary>1 fault (the power-on default).</summary>
    OneFault = 0,

    /// <summary>2 consecutive faults.</summary>
    TwoFaults = 1,

    /// <summary>4 consecutive faults.</summary>
    FourFaults = 2,

    /// <summary>6 consecutive faults.</summary>
    SixFaults = 3,
}
