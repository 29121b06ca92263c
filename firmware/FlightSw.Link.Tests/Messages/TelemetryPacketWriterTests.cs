using System.Collections.Concurrent;
using FlightSw.Link.Messages;
using FlightSw.Link.Packets;

namespace FlightSw.Link.Tests.Messages;

public class TelemetryPacketWriterTests
{
    private static readonly DateTimeOffset Time = DateTimeOffset.UnixEpoch.AddSeconds(1_000_000);

    [Test]
    public void Write_Report_IsASoundTelemetryPacketWithSecondaryHeaderAndData()
    {
        var writer = new TelemetryPacketWriter(LinkApids.Flight);
        byte[] data = [1, 2, 3];

        byte[] packet = writer.Write(LinkServices.Test, LinkServices.AliveReport, Time, data);

        Assert.That(SpacePacket.TryDecode(packet, out var header, out var user, out _), Is.True);
        Assert.That(header, Is.EqualTo(new SpacePacketHeader(PacketType.Telemetry, true, LinkApids.Flight, SequenceFlags.Unsegmented, 0, TmSecondaryHeader.Length + data.Length + 2)));
        Assert.That(TmSecondaryHeader.TryRead(packet.AsSpan(user), out var secondary, out _), Is.True);
        Assert.That(secondary, Is.EqualTo(new TmSecondaryHeader(17, 2, Time)));
        Assert.That(packet[user][TmSecondaryHeader.Length..], Is.EqualTo(data));
    }

    [Test]
    public void Write_ManyPackets_CountsSequenceAndWrapsAt14Bits()
    {
        var writer = new TelemetryPacketWriter(LinkApids.SimControl);
        for (int expected = 0; expected <= SpacePacketHeader.MaxSequenceCount + 2; expected++)
        {
            byte[] packet = writer.Write(1, 1, Time, []);
            SpacePacketHeader.TryRead(packet, out var header, out _);
            Assert.That(header.SequenceCount, Is.EqualTo(expected & SpacePacketHeader.MaxSequenceCount));
            Assert.That(header.Apid, Is.EqualTo(LinkApids.SimControl));
        }
    }

    [Test]
    public void Write_FromFourThreads_GivesDistinctSequenceCounts()
    {
        var writer = new TelemetryPacketWriter();
        var counts = new ConcurrentBag<int>();
        Parallel.For(0, 4, worker =>
        {
            for (int i = 0; i < 1000; i++)
            {
                SpacePacketHeader.TryRead(writer.Write(3, 25, Time, [7]), out var header, out _);
                counts.Add(header.SequenceCount);
            }
        });

        Assert.That(counts.Distinct().Count(), Is.EqualTo(4000));
    }

    [Test]
    public void Write_SegmentFlags_AreInTheHeader()
    {
        byte[] packet = new TelemetryPacketWriter().Write(200, 2, Time, [0], SequenceFlags.First);
        SpacePacketHeader.TryRead(packet, out var header, out _);
        Assert.That(header.Flags, Is.EqualTo(SequenceFlags.First));
    }

    [Test]
    public void Write_TooMuchData_Throws() =>
        Assert.That(
            () => new TelemetryPacketWriter().Write(1, 1, Time, new byte[TelemetryPacketWriter.MaxApplicationDataLength + 1]),
            Throws.TypeOf<ArgumentOutOfRangeException>());

    [Test]
    public void Constructor_ApidOutOfRange_Throws() =>
        Assert.That(() => new TelemetryPacketWriter(0x800), Throws.TypeOf<ArgumentOutOfRangeException>());
}
