using System.Buffers.Binary;

namespace FlightSw.Link.Packets;

/// <summary>
/// The 6-byte CCSDS unsegmented time code (CUC, CCSDS 301.0-B) FlightSw sends: 4 bytes of coarse
/// time, whole seconds since 1970-01-01T00:00:00Z, then 2 bytes of fine time in units of 1/65,536 s,
/// both big-endian. Times are truncated to the fine unit.
/// </summary>
public static class CucTime
{
    /// <summary>Bytes of a time code.</summary>
    public const int Length = 6;

    /// <summary>Fine-time units per second.</summary>
    public const int FineUnitsPerSecond = 65536;

    /// <summary>The earliest time a code can hold: the epoch, 1970-01-01T00:00:00Z.</summary>
    public static readonly DateTimeOffset Epoch = DateTimeOffset.UnixEpoch;

    /// <summary>The latest time a code can hold (2106-02-07T06:28:15.99998Z).</summary>
    public static readonly DateTimeOffset Latest = Read([0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]);

    /// <summary>
    /// Writes <paramref name="time"/> into the first <see cref="Length"/> bytes of
    /// <paramref name="destination"/>. Times before <see cref="Epoch"/> are written as the epoch
    /// (a channel never written has no time), times after <see cref="Latest"/> as the latest.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The destination is shorter than <see cref="Length"/>.</exception>
    public static void Write(DateTimeOffset time, Span<byte> destination)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, Length, nameof(destination));
        long ticks = time.UtcTicks - Epoch.UtcTicks;
        uint coarse;
        ushort fine;
        if (ticks <= 0)
        {
            coarse = 0;
            fine = 0;
        }
        else if (ticks / TimeSpan.TicksPerSecond > uint.MaxValue)
        {
            coarse = uint.MaxValue;
            fine = ushort.MaxValue;
        }
        else
        {
            coarse = (uint)(ticks / TimeSpan.TicksPerSecond);
            fine = (ushort)(ticks % TimeSpan.TicksPerSecond * FineUnitsPerSecond / TimeSpan.TicksPerSecond);
        }

        BinaryPrimitives.WriteUInt32BigEndian(destination, coarse);
        BinaryPrimitives.WriteUInt16BigEndian(destination[4..], fine);
    }

    /// <summary>
    /// Reads the time in the first <see cref="Length"/> bytes of <paramref name="source"/>. The
    /// fine time is rounded up to the next 100 ns tick, so that writing the result again gives the
    /// same code.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The source is shorter than <see cref="Length"/>.</exception>
    public static DateTimeOffset Read(ReadOnlySpan<byte> source)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(source.Length, Length, nameof(source));
        long coarse = BinaryPrimitives.ReadUInt32BigEndian(source);
        long fine = BinaryPrimitives.ReadUInt16BigEndian(source[4..]);
        long fineTicks = ((fine * TimeSpan.TicksPerSecond) + FineUnitsPerSecond - 1) / FineUnitsPerSecond;
        return Epoch.AddTicks((coarse * TimeSpan.TicksPerSecond) + fineTicks);
    }
}
