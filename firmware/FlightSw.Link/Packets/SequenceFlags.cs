namespace FlightSw.Link.Packets;

/// <summary>The sequence flags of a Space Packet: where the packet sits in a segmented user data unit.</summary>
public enum SequenceFlags
{
    /// <summary>A continuation segment (00).</summary>
    Continuation = 0,

    /// <summary>The first segment (01).</summary>
    First = 1,

    /// <summary>The last segment (10).</summary>
    Last = 2,

    /// <summary>Unsegmented user data (11): what FlightSw sends.</summary>
    Unsegmented = 3,
}
