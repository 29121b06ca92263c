namespace FlightSw.Hal.Devices;

/// <summary>TMP102 ALERT pin and AL bit polarity: configuration bit POL.</summary>
public enum Tmp102AlertPolarity
{
    /// <summary>Active low (the power-on default).</summary>
    ActiveLow = 0,

    /// <summary>Active high.</summary>
    ActiveHigh = 1,
}
