namespace FlightSw.Core.Telemetry;

/// <summary>The value type of a telemetry channel, as the ground decodes it.</summary>
public enum TelemetryType
{
    /// <summary>true or false.</summary>
    Boolean,

    /// <summary>Signed 32-bit integer.</summary>
    Int32,

    /// <summary>Unsigned 32-bit integer.</summary>
    UInt32,

    /// <summary>Signed 64-bit integer.</summary>
    Int64,

    /// <summary>Unsigned 64-bit integer.</summary>
    UInt64,

    /// <summary>IEEE 754 single precision.</summary>
    Float32,

    /// <summary>IEEE 754 double precision.</summary>
    Float64,

    /// <summary>A named state from an enumeration, carried as its 32-bit value.</summary>
    Enumeration,
}
