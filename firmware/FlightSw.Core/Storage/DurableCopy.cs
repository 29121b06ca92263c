using System.Buffers.Binary;

namespace FlightSw.Core.Storage;

/// <summary>
/// One copy of a durable record as stored: a format version byte, the 64-bit little-endian
/// sequence number, the 32-bit little-endian payload length, the payload, and the CRC-32C
/// (little-endian) of everything before it.
/// </summary>
/// <param name="Sequence">The copy's sequence number; the higher of two sound copies is the newer.</param>
/// <param name="Payload">The copy's payload.</param>
internal readonly record struct DurableCopy(ulong Sequence, byte[] Payload)
{
    /// <summary>The copy format version.</summary>
    public const byte FormatVersion = 1;

    private const int SequenceOffset = 1;
    private const int LengthOffset = SequenceOffset + sizeof(ulong);
    private const int HeaderLength = LengthOffset + sizeof(uint);
    private const int CheckLength = sizeof(uint);

    /// <summary>The bytes a copy adds to its payload.</summary>
    public const int Overhead = HeaderLength + CheckLength;

    /// <summary>The stored bytes of a copy of <paramref name="payload"/> with <paramref name="sequence"/>.</summary>
    public static byte[] Encode(ulong sequence, ReadOnlySpan<byte> payload)
    {
        var copy = new byte[Overhead + payload.Length];
        copy[0] = FormatVersion;
        BinaryPrimitives.WriteUInt64LittleEndian(copy.AsSpan(SequenceOffset), sequence);
        BinaryPrimitives.WriteUInt32LittleEndian(copy.AsSpan(LengthOffset), (uint)payload.Length);
        payload.CopyTo(copy.AsSpan(HeaderLength));
        var checkedPart = copy.AsSpan(0, copy.Length - CheckLength);
        BinaryPrimitives.WriteUInt32LittleEndian(copy.AsSpan(checkedPart.Length), Crc32C.Compute(checkedPart));
        return copy;
    }

    /// <summary>Checks and decodes stored bytes; false with a reason when they are not a sound copy.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> stored, out DurableCopy copy, out string reason)
    {
        copy = default;
        if (stored.Length < Overhead)
        {
            reason = $"copy is {stored.Length} bytes long, shorter than the {Overhead}-byte minimum";
            return false;
        }

        // The length comes before the check: it says where the CRC is. A torn copy usually fails here.
        uint declared = BinaryPrimitives.ReadUInt32LittleEndian(stored[LengthOffset..]);
        int held = stored.Length - Overhead;
        if (declared != (uint)held)
        {
            reason = $"length field says {declared} payload bytes, the copy holds {held}";
            return false;
        }

        var checkedPart = stored[..^CheckLength];
        uint expected = BinaryPrimitives.ReadUInt32LittleEndian(stored[^CheckLength..]);
        uint actual = Crc32C.Compute(checkedPart);
        if (expected != actual)
        {
            reason = $"CRC-32C mismatch (stored 0x{expected:X8}, computed 0x{actual:X8})";
            return false;
        }

        // Checked after the CRC, so that a flipped version bit is reported as corruption.
        if (stored[0] != FormatVersion)
        {
            reason = $"format version is {stored[0]}, expected {FormatVersion}";
            return false;
        }

        copy = new DurableCopy(BinaryPrimitives.ReadUInt64LittleEndian(stored[SequenceOffset..]), stored[HeaderLength..^CheckLength].ToArray());
        reason = "";
        return true;
    }
}
