using FlightSw.Link.Packets;

namespace FlightSw.Link.Security;

/// <summary>
/// Where the parts of a FlightSw telecommand sit: primary header (6) | TC secondary header (5) |
/// security header (10: key id u16, anti-replay sequence u64) | application data | MAC (16) |
/// CRC (2). The MAC is HMAC-SHA256, truncated to its first 16 bytes, over everything before it.
/// </summary>
public static class TelecommandLayout
{
    /// <summary>Bytes of the security header: key id and anti-replay sequence.</summary>
    public const int SecurityHeaderLength = 10;

    /// <summary>Bytes of the MAC: HMAC-SHA256 truncated to 128 bits.</summary>
    public const int MacLength = 16;

    /// <summary>Offset of the security header (key id) in the packet.</summary>
    public const int SecurityHeaderOffset = SpacePacketHeader.Length + TcSecondaryHeader.Length;

    /// <summary>Offset of the anti-replay sequence number in the packet.</summary>
    public const int SequenceOffset = SecurityHeaderOffset + 2;

    /// <summary>Offset of the application data in the packet.</summary>
    public const int ApplicationDataOffset = SecurityHeaderOffset + SecurityHeaderLength;

    /// <summary>Bytes of user data around the application data: secondary header, security header, MAC.</summary>
    public const int UserDataOverhead = TcSecondaryHeader.Length + SecurityHeaderLength + MacLength;

    /// <summary>Bytes of a packet around the application data: headers, MAC and CRC.</summary>
    public const int PacketOverhead = SpacePacketHeader.Length + UserDataOverhead + SpacePacket.TrailerLength;

    /// <summary>Largest application data of one telecommand.</summary>
    public const int MaxApplicationDataLength = SpacePacket.MaxUserDataLength - UserDataOverhead;

    /// <summary>The development key's id: accepted only by a node in development mode, its MAC not checked (sent as zeros).</summary>
    public const ushort DevelopmentKeyId = 0;
}
