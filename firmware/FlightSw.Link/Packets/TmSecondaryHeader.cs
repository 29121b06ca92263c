using FlightSw.Link.Security;

namespace FlightSw.Link.Packets;

/// <summary>
/// The 9-byte secondary header of a FlightSw telemetry packet, PUS-C flavoured: byte 0 is 0x20
/// (PUS version 2, time reference status 0), byte 1 the service type, byte 2 the subtype, then
/// the board time as a 6-byte <see cref="CucTime"/>.
/// </summary>
/// <param name="Service">Service type.</param>
/// <param name="Subtype">Message subtype.</param>
/// <param name="Time">Board time of the report, truncated to 1/65,536 s on the wire.</param>
public readonly record struct TmSecondaryHeader(byte Service, byte Subtype, DateTimeOffset Time)
{
    /// <summary>Bytes in the header.</summary>
    public const int Length = 9;

    /// <summary>The first byte: PUS version 2 in the high nibble, time reference status 0.</summary>
    public const byte VersionByte = 0x20;

    /// <summary>Writes the header into the first <see cref="Length"/> bytes of <paramref name="destination"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The destination is too short.</exception>
    public void Write(Span<byte> destination)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, Length, nameof(destination));
        destination[0] = VersionByte;
        destination[1] = Service;
        destination[2] = Subtype;
        CucTime.Write(Time, destination[3..]);
    }

    /// <summary>
    /// Reads a header from the start of <paramref name="source"/>; false with
    /// <see cref="LinkRefusal.MalformedHeader"/> when it is too short or its PUS version is not 2.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> source, out TmSecondaryHeader header, out LinkRefusal refusal)
    {
        if (source.Length < Length || source[0] >> 4 != VersionByte >> 4)
        {
            header = default;
            refusal = LinkRefusal.MalformedHeader;
            return false;
        }

        header = new TmSecondaryHeader(source[1], source[2], CucTime.Read(source[3..]));
        refusal = LinkRefusal.None;
        return true;
    }
}
