using System.Buffers.Binary;

namespace FlightSw.Link.Packets;

/// <summary>
/// The 6-byte primary header of a CCSDS Space Packet (CCSDS 133.0-B-2), big-endian:
/// version (3 bits, always 0), type (1), secondary header flag (1), APID (11); sequence flags (2),
/// sequence count (14); data length (16), which is the length of the data field minus one.
/// </summary>
/// <param name="Type">Telemetry or telecommand.</param>
/// <param name="HasSecondaryHeader">Whether a secondary header starts the data field.</param>
/// <param name="Apid">Application process identifier, 0 to 2047 (2047 is the idle packet's).</param>
/// <param name="Flags">Segmentation flags.</param>
/// <param name="SequenceCount">Per-APID counter, 0 to 16383, wrapping.</param>
/// <param name="DataLength">Bytes in the data field, 1 to 65536.</param>
public readonly record struct SpacePacketHeader(PacketType Type, bool HasSecondaryHeader, int Apid, SequenceFlags Flags, int SequenceCount, int DataLength)
{
    /// <summary>Bytes in the primary header.</summary>
    public const int Length = 6;

    /// <summary>Largest APID.</summary>
    public const int MaxApid = 0x7FF;

    /// <summary>Largest sequence count before it wraps to 0.</summary>
    public const int MaxSequenceCount = 0x3FFF;

    /// <summary>Largest data field: 65,536 bytes (a length field of 0xFFFF).</summary>
    public const int MaxDataLength = 0x10000;

    /// <summary>Bytes in the whole packet: header and data field.</summary>
    public int PacketLength => Length + DataLength;

    /// <summary>Writes the header into the first <see cref="Length"/> bytes of <paramref name="destination"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A field is outside its range, or the destination is too short.</exception>
    public void Write(Span<byte> destination)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, Length, nameof(destination));
        ArgumentOutOfRangeException.ThrowIfNegative(Apid, nameof(Apid));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Apid, MaxApid, nameof(Apid));
        ArgumentOutOfRangeException.ThrowIfNegative(SequenceCount, nameof(SequenceCount));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(SequenceCount, MaxSequenceCount, nameof(SequenceCount));
        ArgumentOutOfRangeException.ThrowIfLessThan(DataLength, 1, nameof(DataLength));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(DataLength, MaxDataLength, nameof(DataLength));
        int identification = ((int)Type << 12) | ((HasSecondaryHeader ? 1 : 0) << 11) | Apid;
        int sequence = ((int)Flags << 14) | SequenceCount;
        BinaryPrimitives.WriteUInt16BigEndian(destination, (ushort)identification);
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], (ushort)sequence);
        BinaryPrimitives.WriteUInt16BigEndian(destination[4..], (ushort)(DataLength - 1));
    }

    /// <summary>
    /// Reads a header from <paramref name="source"/>; false with the refusal when it is shorter
    /// than a header or its version is not 0.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> source, out SpacePacketHeader header, out PacketRefusal refusal)
    {
        header = default;
        if (source.Length < Length)
        {
            refusal = PacketRefusal.Truncated;
            return false;
        }

        int identification = BinaryPrimitives.ReadUInt16BigEndian(source);
        if (identification >> 13 != 0)
        {
            refusal = PacketRefusal.BadVersion;
            return false;
        }

        int sequence = BinaryPrimitives.ReadUInt16BigEndian(source[2..]);
        int dataLength = BinaryPrimitives.ReadUInt16BigEndian(source[4..]) + 1;
        header = new SpacePacketHeader(
            (PacketType)((identification >> 12) & 1),
            ((identification >> 11) & 1) != 0,
            identification & MaxApid,
            (SequenceFlags)(sequence >> 14),
            sequence & MaxSequenceCount,
            dataLength);
        refusal = PacketRefusal.None;
        return true;
    }
}
