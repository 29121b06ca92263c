namespace FlightSw.Core.Commands;

/// <summary>The type of a command argument, as the ground encodes it.</summary>
public enum CommandArgumentType
{
    /// <summary>true or false.</summary>
    Boolean,

    /// <summary>Signed 32-bit integer.</summary>
    Int32,

    /// <summary>Unsigned 32-bit integer.</summary>
    UInt32,

    /// <summary>Signed 64-bit integer.</summary>
    Int64,

    /// <summary>IEEE 754 double precision.</summary>
    Float64,

    /// <summary>Text of bounded length.</summary>
    String,

    /// <summary>One name of a fixed list.</summary>
    Enumeration,
}
