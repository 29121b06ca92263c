using System.Buffers.Binary;
using FlightSw.Link.Security;

namespace FlightSw.Link.Packets;

/// <summary>
/// The 5-byte secondary header of a FlightSw telecommand: byte 0 is 0x2F (PUS version 2 in the
/// high nibble; the low nibble requests acceptance, start, progress and completion
/// acknowledgements), byte 1 the service type, byte 2 the subtype, bytes 3-4 the source id.
/// </summary>
/// <param name="Service">Service type.</param>
/// <param name="Subtype">Message subtype.</param>
/// <param name="SourceId">The ground station that sent it.</param>
public readonly record struct TcSecondaryHeader(byte Service, byte Subtype, ushort SourceId)
{
    /// <summary>Bytes in the header.</summary>
    public const int Length = 5;

    /// <summary>The first byte as FlightSw sends it: PUS version 2, every acknowledgement requested.</summary>
    public const byte VersionAndAckFlags = 0x2F;

    /// <summary>Writes the header into the first <see cref="Length"/> bytes of <paramref name="destination"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The destination is too short.</exception>
    public void Write(Span<byte> destination)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, Length, nameof(destination));
        destination[0] = VersionAndAckFlags;
        destination[1] = Service;
        destination[2] = Subtype;
        BinaryPrimitives.WriteUInt16BigEndian(destination[3..], SourceId);
    }

    /// <summary>
    /// Reads a header from the start of <paramref name="source"/>; false with
    /// <see cref="LinkRefusal.MalformedHeader"/> when it is too short or its PUS version is not 2
    /// (any acknowledgement flags are accepted).
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> source, out TcSecondaryHeader header, out LinkRefusal refusal)
    {
        if (source.Length < Length || source[0] >> 4 != VersionAndAckFlags >> 4)
        {
            header = default;
            refusal = LinkRefusal.MalformedHeader;
            return false;
        }

        header = new TcSecondaryHeader(source[1], source[2], BinaryPrimitives.ReadUInt16BigEndian(source[3..]));
        refusal = LinkRefusal.None;
        return true;
    }
}
