namespace FlightSw.Hal.Devices;

/// <summary>TMP102 continuous conversion rate: configuration bits CR1..CR0.</summary>
public enum Tmp102ConversionRate
{
    /// <summary>0.25 Hz: one conversion every 4 s.</summary>
    QuarterHertz = 0,

    /// <summary>1 Hz.</summary>
    OneHertz = 1,

    /// <summary>4 Hz (the power-on default).</summary>
    FourHertz = 2,

    /// <summary>8 Hz.</summary>
    EightHertz = 3,
}
