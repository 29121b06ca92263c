namespace FlightSw.Link.Packets;

/// <summary>Why received bytes are not a sound packet; each reason is counted by the link.</summary>
public enum PacketRefusal
{
    /// <summary>Not refused.</summary>
    None,

    /// <summary>Fewer bytes than the header, or than the header's length field says.</summary>
    Truncated,

    /// <summary>More bytes than the header's length field says.</summary>
    Oversized,

    /// <summary>The packet version number is not 0.</summary>
    BadVersion,

    /// <summary>The data field is too short to hold the CRC trailer.</summary>
    NoTrailer,

    /// <summary>The CRC-16 trailer does not match the packet.</summary>
    BadCrc,
}
