using System.Buffers.Binary;
using FlightSw.Link.Packets;

namespace FlightSw.Link.Messages;

/// <summary>
/// Builds complete telemetry packets for one APID: primary header, <see cref="TmSecondaryHeader"/>,
/// application data and CRC-16 trailer, numbering them with the APID's 14-bit sequence count.
/// Thread-safe: concurrent writers get distinct sequence counts.
/// </summary>
public sealed class TelemetryPacketWriter
{
    /// <summary>Largest application data of one telemetry packet.</summary>
    public const int MaxApplicationDataLength = SpacePacket.MaxUserDataLength - TmSecondaryHeader.Length;

    private readonly int _apid;
    private int _nextCount = -1;

    /// <summary>Creates a writer for <paramref name="apid"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The APID is outside 0 to 2047.</exception>
    public TelemetryPacketWriter(int apid = LinkApids.Flight)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(apid);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(apid, SpacePacketHeader.MaxApid);
        _apid = apid;
    }

    /// <summary>The APID of the packets written.</summary>
    public int Apid => _apid;

    /// <summary>A complete TM(<paramref name="service"/>,<paramref name="subtype"/>) packet carrying <paramref name="applicationData"/>, time-stamped <paramref name="time"/>.</summary>
    /// <param name="service">Service type.</param>
    /// <param name="subtype">Message subtype.</param>
    /// <param name="time">Board time of the report.</param>
    /// <param name="applicationData">The application data.</param>
    /// <param name="flags">Sequence flags: <see cref="SequenceFlags.Unsegmented"/> but for dictionary segments.</param>
    /// <exception cref="ArgumentOutOfRangeException">The application data is longer than <see cref="MaxApplicationDataLength"/>.</exception>
    public byte[] Write(byte service, byte subtype, DateTimeOffset time, ReadOnlySpan<byte> applicationData, SequenceFlags flags = SequenceFlags.Unsegmented)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(applicationData.Length, MaxApplicationDataLength, nameof(applicationData));
        int userLength = TmSecondaryHeader.Length + applicationData.Length;
        var packet = new byte[SpacePacket.LengthFor(userLength)];
        int count = Interlocked.Increment(ref _nextCount) & SpacePacketHeader.MaxSequenceCount;
        new SpacePacketHeader(PacketType.Telemetry, true, _apid, flags, count, userLength + SpacePacket.TrailerLength).Write(packet);
        new TmSecondaryHeader(service, subtype, time).Write(packet.AsSpan(SpacePacketHeader.Length));
        applicationData.CopyTo(packet.AsSpan(SpacePacketHeader.Length + TmSecondaryHeader.Length));
        int crcAt = packet.Length - SpacePacket.TrailerLength;
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(crcAt), Crc16Ccitt.Compute(packet.AsSpan(0, crcAt)));
        return packet;
    }
}
