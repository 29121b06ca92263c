using FlightSw.Link.Packets;

namespace FlightSw.Link.Tests.Packets;

public class SpacePacketTests
{
    private static readonly byte[] UserData = [1, 2, 3, 4, 5, 6, 7];

    [Test]
    public void TryDecode_EncodedPacket_GivesHeaderAndUserDataBack()
    {
        var packet = Encode();

        Assert.That(SpacePacket.TryDecode(packet, out var header, out var userData, out var refusal), Is.True);
        Assert.That(refusal, Is.EqualTo(PacketRefusal.None));
        Assert.That(header, Is.EqualTo(new SpacePacketHeader(PacketType.Telecommand, true, 42, SequenceFlags.Unsegmented, 9, UserData.Length + 2)));
        Assert.That(packet[userData], Is.EqualTo(UserData));
    }

    [Test]
    public void TryDecode_AnySingleBitFlipped_Refused()
    {
        var packet = Encode();
        for (int bit = 0; bit < packet.Length * 8; bit++)
        {
            packet[bit / 8] ^= (byte)(1 << (bit % 8));
            Assert.That(SpacePacket.TryDecode(packet, out _, out _, out var refusal), Is.False, $"bit {bit}");
            Assert.That(refusal, Is.Not.EqualTo(PacketRefusal.None));
            packet[bit / 8] ^= (byte)(1 << (bit % 8));
        }
    }

    [Test]
    public void TryDecode_OneByteShortOrLong_RefusedWithTheReason()
    {
        var packet = Encode();
        Assert.That(SpacePacket.TryDecode(packet.AsSpan(0, packet.Length - 1), out _, out _, out var shortReason), Is.False);
        Assert.That(shortReason, Is.EqualTo(PacketRefusal.Truncated));
        Assert.That(SpacePacket.TryDecode([.. packet, 0], out _, out _, out var longReason), Is.False);
        Assert.That(longReason, Is.EqualTo(PacketRefusal.Oversized));
    }

    [Test]
    public void TryDecode_DataFieldOfOneByte_RefusedForNoTrailer()
    {
        var packet = new byte[7];
        new SpacePacketHeader(PacketType.Telemetry, false, 1, SequenceFlags.Unsegmented, 0, 1).Write(packet);
        Assert.That(SpacePacket.TryDecode(packet, out _, out _, out var refusal), Is.False);
        Assert.That(refusal, Is.EqualTo(PacketRefusal.NoTrailer));
    }

    [Test]
    public void TryDecode_SeededRandomBytes_NeverThrowsAndNeverAcceptsWithoutAValidCrc()
    {
        var random = new Random(133);
        int accepted = 0;
        for (int trial = 0; trial < 20_000; trial++)
        {
            var bytes = new byte[random.Next(0, 64)];
            random.NextBytes(bytes);
            if (SpacePacket.TryDecode(bytes, out var header, out _, out _))
            {
                accepted++;
                Assert.That(bytes, Has.Length.EqualTo(header.PacketLength));
            }
        }

        Assert.That(accepted, Is.LessThan(5), "random bytes almost never form a packet with a matching length and CRC");
    }

    [Test]
    public void Encode_EmptyAndLargestUserData_RoundTrip()
    {
        foreach (int length in new[] { 0, SpacePacket.MaxUserDataLength })
        {
            var data = new byte[length];
            new Random(length).NextBytes(data);
            var packet = new byte[SpacePacket.LengthFor(length)];
            SpacePacket.Encode(PacketType.Telemetry, false, 7, 16383, data, packet);
            Assert.That(SpacePacket.TryDecode(packet, out _, out var range, out _), Is.True);
            Assert.That(packet[range], Is.EqualTo(data));
        }
    }

    [Test]
    public void Encode_UserDataTooLong_Throws() =>
        Assert.That(() => SpacePacket.Encode(PacketType.Telemetry, false, 7, 0, new byte[SpacePacket.MaxUserDataLength + 1], new byte[70_000]),
            Throws.InstanceOf<ArgumentOutOfRangeException>());

    private static byte[] Encode()
    {
        var packet = new byte[SpacePacket.LengthFor(UserData.Length)];
        Assert.That(SpacePacket.Encode(PacketType.Telecommand, true, 42, 9, UserData, packet), Is.EqualTo(packet.Length));
        return packet;
    }
}
