namespace FlightSw.Link.Packets;

/// <summary>The packet type bit of a Space Packet's primary header.</summary>
public enum PacketType
{
    /// <summary>Telemetry: from the node to the ground (type bit 0).</summary>
    Telemetry = 0,

    /// <summary>Telecommand: from the ground to the node (type bit 1).</summary>
    Telecommand = 1,
}
