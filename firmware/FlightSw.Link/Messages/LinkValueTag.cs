namespace FlightSw.Link.Messages;

/// <summary>The type tag of an event argument's value in an event report (TM 5,x).</summary>
public enum LinkValueTag : byte
{
    /// <summary>No value (null); nothing follows.</summary>
    Null = 0,

    /// <summary>u8: 0 false, anything else true.</summary>
    Boolean = 1,

    /// <summary>i32 (sbyte and short are widened to it).</summary>
    Int32 = 2,

    /// <summary>u32 (byte and ushort are widened to it).</summary>
    UInt32 = 3,

    /// <summary>i64.</summary>
    Int64 = 4,

    /// <summary>u64.</summary>
    UInt64 = 5,

    /// <summary>IEEE 754 single.</summary>
    Float32 = 6,

    /// <summary>IEEE 754 double.</summary>
    Float64 = 7,

    /// <summary>u16 length and UTF-8; also any other value, as its invariant-culture text.</summary>
    String = 8,

    /// <summary>u16 length and UTF-8 of the enumeration member's name; decodes to that name.</summary>
    Enumeration = 9,
}
