using System.Buffers.Binary;

namespace FlightSw.Link.Packets;

/// <summary>
/// Encodes and checks whole Space Packets as FlightSw sends them: the primary header, the user
/// data (secondary header and payload), and a CRC-16/CCITT trailer over everything before it,
/// as PUS packet error control does.
/// </summary>
public static class SpacePacket
{
    /// <summary>Bytes of the CRC trailer.</summary>
    public const int TrailerLength = 2;

    /// <summary>Largest user data: the data field less the trailer.</summary>
    public const int MaxUserDataLength = SpacePacketHeader.MaxDataLength - TrailerLength;

    /// <summary>Bytes of a packet carrying <paramref name="userDataLength"/> bytes of user data.</summary>
    public static int LengthFor(int userDataLength) => SpacePacketHeader.Length + userDataLength + TrailerLength;

    /// <summary>
    /// Writes a packet with <paramref name="userData"/> into <paramref name="destination"/> and
    /// returns its length; the header's data length is set from the user data.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A header field is out of range, the user data is longer than <see cref="MaxUserDataLength"/>, or the destination is too short.</exception>
    public static int Encode(PacketType type, bool hasSecondaryHeader, int apid, int sequenceCount, ReadOnlySpan<byte> userData, Span<byte> destination)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(userData.Length, MaxUserDataLength, nameof(userData));
        int length = LengthFor(userData.Length);
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, length, nameof(destination));
        var header = new SpacePacketHeader(type, hasSecondaryHeader, apid, SequenceFlags.Unsegmented, sequenceCount, userData.Length + TrailerLength);
        header.Write(destination);
        userData.CopyTo(destination[SpacePacketHeader.Length..]);
        int crcAt = length - TrailerLength;
        BinaryPrimitives.WriteUInt16BigEndian(destination[crcAt..], Crc16Ccitt.Compute(destination[..crcAt]));
        return length;
    }

    /// <summary>
    /// Checks that <paramref name="packet"/> is exactly one sound packet: a version-0 header, as
    /// many bytes as its length field says, and a matching CRC. On success
    /// <paramref name="userData"/> is the range of the user data within <paramref name="packet"/>.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<byte> packet, out SpacePacketHeader header, out Range userData, out PacketRefusal refusal)
    {
        userData = default;
        if (!SpacePacketHeader.TryRead(packet, out header, out refusal))
        {
            return false;
        }

        if (packet.Length != header.PacketLength)
        {
            refusal = packet.Length < header.PacketLength ? PacketRefusal.Truncated : PacketRefusal.Oversized;
            return false;
        }

        if (header.DataLength < TrailerLength)
        {
            refusal = PacketRefusal.NoTrailer;
            return false;
        }

        int crcAt = packet.Length - TrailerLength;
        if (BinaryPrimitives.ReadUInt16BigEndian(packet[crcAt..]) != Crc16Ccitt.Compute(packet[..crcAt]))
        {
            refusal = PacketRefusal.BadCrc;
            return false;
        }

        userData = SpacePacketHeader.Length..crcAt;
        refusal = PacketRefusal.None;
        return true;
    }
}
