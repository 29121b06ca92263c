using System.Buffers.Binary;
using System.Security.Cryptography;
using FlightSw.Link.Packets;
using FlightSw.Link.Security;

namespace FlightSw.Link.Tests.Security;

public class TelecommandSignerTests
{
    private static readonly LinkKey Key = new(3, Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    [Test]
    public void Sign_Packet_HasHeadersSecurityHeaderDataMacAndCrc()
    {
        var signer = new TelecommandSigner(Key, 41, sourceId: 0x0102);

        byte[] packet = signer.Sign(LinkApids.Flight, 8, 1, [0xAA, 0xBB], out uint requestId, out ulong sequence);

        Assert.That(SpacePacket.TryDecode(packet, out var header, out _, out _), Is.True);
        Assert.That(header, Is.EqualTo(new SpacePacketHeader(PacketType.Telecommand, true, LinkApids.Flight, SequenceFlags.Unsegmented, 0, 5 + 10 + 2 + 16 + 2)));
        Assert.That(packet.AsSpan(6, 5).ToArray(), Is.EqualTo(new byte[] { 0x2F, 8, 1, 1, 2 }));
        Assert.That(BinaryPrimitives.ReadUInt16BigEndian(packet.AsSpan(11)), Is.EqualTo(3));
        Assert.That(BinaryPrimitives.ReadUInt64BigEndian(packet.AsSpan(13)), Is.EqualTo(41UL));
        Assert.That(packet.AsSpan(21, 2).ToArray(), Is.EqualTo(new byte[] { 0xAA, 0xBB }));
        byte[] mac = HMACSHA256.HashData(Key.Secret, packet.AsSpan(0, 23))[..16];
        Assert.That(packet.AsSpan(23, 16).ToArray(), Is.EqualTo(mac));
        Assert.That(sequence, Is.EqualTo(41UL));
        Assert.That(requestId, Is.EqualTo(BinaryPrimitives.ReadUInt32BigEndian(packet)));
        Assert.That(signer.NextSequence, Is.EqualTo(42UL));
    }

    [Test]
    public void Sign_DevelopmentKey_WritesKeyZeroAndAZeroMac()
    {
        var signer = new TelecommandSigner(null, 1);

        byte[] packet = signer.Sign(LinkApids.Flight, 17, 1, [], out _, out _);

        Assert.That(signer.KeyId, Is.Zero);
        Assert.That(BinaryPrimitives.ReadUInt16BigEndian(packet.AsSpan(11)), Is.Zero);
        Assert.That(packet.AsSpan(21, 16).ToArray(), Is.All.EqualTo(0));
    }

    [Test]
    public void Sign_ManyPackets_CountsAndWrapsThePacketSequenceCount()
    {
        var signer = new TelecommandSigner(Key, 1);
        for (int i = 0; i <= SpacePacketHeader.MaxSequenceCount + 1; i++)
        {
            byte[] packet = signer.Sign(LinkApids.Flight, 17, 1, [], out _, out _);
            SpacePacketHeader.TryRead(packet, out var header, out _);
            Assert.That(header.SequenceCount, Is.EqualTo(i & SpacePacketHeader.MaxSequenceCount));
        }

        Assert.That(signer.NextSequence, Is.EqualTo((ulong)SpacePacketHeader.MaxSequenceCount + 3));
    }

    [Test]
    public void Sign_SequencesUsedUp_Throws()
    {
        var signer = new TelecommandSigner(Key, ulong.MaxValue);
        Assert.That(() => signer.Sign(LinkApids.Flight, 17, 1, [], out _, out _), Throws.InvalidOperationException.With.Message.Contain("used up"));
    }

    [Test]
    public void Sign_TooMuchData_Throws() =>
        Assert.That(
            () => new TelecommandSigner(Key, 1).Sign(LinkApids.Flight, 8, 1, new byte[TelecommandLayout.MaxApplicationDataLength + 1], out _, out _),
            Throws.TypeOf<ArgumentOutOfRangeException>());
}
