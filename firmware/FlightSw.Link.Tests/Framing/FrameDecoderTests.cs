using System.Buffers.Binary;
using FlightSw.Link.Framing;
using FlightSw.Link.Packets;

namespace FlightSw.Link.Tests.Framing;

public class FrameDecoderTests
{
    [Test]
    public void Push_OneFrame_GivesThePacket()
    {
        byte[] packet = Packet(1, [1, 2, 3]);
        var decoder = new FrameDecoder();
        var output = new List<DecodedFrame>();

        decoder.Push(FrameEncoder.Frame(packet), output);

        Assert.That(output, Has.Count.EqualTo(1));
        Assert.That(output[0].Packet, Is.EqualTo(packet));
        Assert.That(output[0].Refusal, Is.Null);
        Assert.That(output[0].IsAccepted, Is.True);
        Assert.That(decoder.FramesAccepted, Is.EqualTo(1));
        Assert.That(decoder.HasPartialFrame, Is.False);
    }

    [Test]
    public void Push_FramesOneByteAtATime_GivesEveryPacketInOrder()
    {
        byte[][] packets = [Packet(1, [1]), Packet(2, new byte[300]), Packet(3, [])];
        byte[] stream = [.. packets.SelectMany(p => FrameEncoder.Frame(p))];
        var decoder = new FrameDecoder();
        var output = new List<DecodedFrame>();

        foreach (byte value in stream)
        {
            decoder.Push([value], output);
        }

        Assert.That(output.Select(f => f.Packet), Is.EqualTo(packets));
        Assert.That(decoder.NoiseBytes, Is.Zero);
    }

    [Test]
    public void Push_NoiseBeforeAndBetweenFrames_SkippedAndCounted()
    {
        byte[] noise = [0x00, 0x1A, 0xCF, 0xFC, 0x55, 0x1A];
        byte[] stream = [.. noise, .. FrameEncoder.Frame(Packet(1, [7])), .. noise, .. FrameEncoder.Frame(Packet(2, [8]))];
        var decoder = new FrameDecoder();
        var output = new List<DecodedFrame>();

        decoder.Push(stream, output);

        Assert.That(output.Select(f => f.Packet![^3]), Is.EqualTo(new byte[] { 7, 8 }));
        Assert.That(decoder.NoiseBytes, Is.EqualTo(2 * noise.Length));
        Assert.That(decoder.FramesRefused, Is.Zero);
    }

    [Test]
    public void Push_SyncMarkerSplitAcrossPushes_IsFound()
    {
        byte[] frame = FrameEncoder.Frame(Packet(1, [1, 2]));
        var decoder = new FrameDecoder();
        var output = new List<DecodedFrame>();

        decoder.Push([0x77, .. frame[..2]], output);
        Assert.That(decoder.HasPartialFrame, Is.True);
        decoder.Push(frame[2..], output);

        Assert.That(output.Single().IsAccepted, Is.True);
        Assert.That(decoder.NoiseBytes, Is.EqualTo(1));
    }

    [Test]
    public void Push_BadVersion_RefusedAtOnceAndTheNextFrameFound()
    {
        byte[] bad = FrameEncoder.Frame(Packet(1, [1]));
        bad[4] |= 0x20;
        byte[] good = FrameEncoder.Frame(Packet(2, [2]));
        var decoder = new FrameDecoder();
        var output = new List<DecodedFrame>();

        decoder.Push([.. bad, .. good], output);

        Assert.That(output.Select(f => f.Refusal), Is.EqualTo(new PacketRefusal?[] { PacketRefusal.BadVersion, null }));
        Assert.That(decoder.Refused(PacketRefusal.BadVersion), Is.EqualTo(1));
        Assert.That(decoder.NoiseBytes, Is.EqualTo(bad.Length - 4), "the refused frame's bytes after its marker are rescanned as noise");
    }

    [Test]
    public void Push_LengthAboveTheMaximum_RefusedAsOversizedWithoutWaiting()
    {
        var decoder = new FrameDecoder(maxPacketLength: 64);
        var output = new List<DecodedFrame>();
        byte[] frame = FrameEncoder.Frame(Packet(1, new byte[60]));

        decoder.Push(frame[..10], output);

        Assert.That(output.Single().Refusal, Is.EqualTo(PacketRefusal.Oversized));
        Assert.That(decoder.HasPartialFrame, Is.False);
    }

    [Test]
    public void Push_DataFieldTooShortForTheCrc_RefusedAsNoTrailer()
    {
        byte[] header = new byte[6];
        new SpacePacketHeader(PacketType.Telecommand, true, 1, SequenceFlags.Unsegmented, 0, 1).Write(header);
        var decoder = new FrameDecoder();
        var output = new List<DecodedFrame>();

        decoder.Push([.. FrameEncoder.SyncMarker, .. header], output);

        Assert.That(output.Single().Refusal, Is.EqualTo(PacketRefusal.NoTrailer));
    }

    [Test]
    public void Push_BadCrc_RefusedAndTheNextFrameFound()
    {
        byte[] bad = FrameEncoder.Frame(Packet(1, [1, 2, 3]));
        bad[^3] ^= 0x10;
        byte[] good = Packet(2, [4]);
        var decoder = new FrameDecoder();
        var output = new List<DecodedFrame>();

        decoder.Push([.. bad, .. FrameEncoder.Frame(good)], output);

        Assert.That(output.Select(f => f.Refusal), Is.EqualTo(new PacketRefusal?[] { PacketRefusal.BadCrc, null }));
        Assert.That(output[1].Packet, Is.EqualTo(good));
        Assert.That(decoder.Refused(PacketRefusal.BadCrc), Is.EqualTo(1));
    }

    [Test]
    public void Push_DamagedLengthHidingAGoodFrame_GoodFrameStillFound()
    {
        // Noise raised the first frame's length field, so its "packet" swallows the next frame;
        // the CRC fails, and the rescan from just after the first marker finds the good frame.
        byte[] damaged = FrameEncoder.Frame(Packet(1, [1, 2]));
        BinaryPrimitives.WriteUInt16BigEndian(damaged.AsSpan(8), 200);
        byte[] hidden = Packet(2, [9, 9, 9]);
        byte[] filler = new byte[300];
        var decoder = new FrameDecoder();
        var output = new List<DecodedFrame>();

        decoder.Push([.. damaged, .. FrameEncoder.Frame(hidden), .. filler], output);

        Assert.That(output.Select(f => f.Refusal), Is.EqualTo(new PacketRefusal?[] { PacketRefusal.BadCrc, null }));
        Assert.That(output[1].Packet, Is.EqualTo(hidden));
    }

    [Test]
    public void Expire_PartialFrame_RefusedAsTruncated()
    {
        byte[] frame = FrameEncoder.Frame(Packet(1, [1, 2, 3]));
        var decoder = new FrameDecoder();
        var output = new List<DecodedFrame>();
        decoder.Push(frame[..^2], output);
        Assert.That(output, Is.Empty);
        Assert.That(decoder.HasPartialFrame, Is.True);

        decoder.Expire(output);

        Assert.That(output.Single().Refusal, Is.EqualTo(PacketRefusal.Truncated));
        Assert.That(decoder.Refused(PacketRefusal.Truncated), Is.EqualTo(1));
        Assert.That(decoder.HasPartialFrame, Is.False);
    }

    [Test]
    public void Expire_PartialFrameHoldingAWholeFrame_RefusesThePartialAndGivesTheWhole()
    {
        // A frame cut short by a dropped connection, then a whole frame: the first's length
        // makes the decoder wait; when the line goes quiet the whole frame inside is recovered.
        byte[] cut = FrameEncoder.Frame(Packet(1, new byte[100]))[..20];
        byte[] whole = Packet(2, [5]);
        var decoder = new FrameDecoder();
        var output = new List<DecodedFrame>();
        decoder.Push([.. cut, .. FrameEncoder.Frame(whole)], output);
        Assert.That(output, Is.Empty);

        decoder.Expire(output);

        Assert.That(output.Select(f => f.Refusal), Is.EqualTo(new PacketRefusal?[] { PacketRefusal.Truncated, null }));
        Assert.That(output[1].Packet, Is.EqualTo(whole));
    }

    [Test]
    public void Expire_HeldMarkerBeginning_DroppedAsNoise()
    {
        var decoder = new FrameDecoder();
        var output = new List<DecodedFrame>();
        decoder.Push([0x1A, 0xCF], output);
        Assert.That(decoder.HasPartialFrame, Is.True);

        decoder.Expire(output);

        Assert.That(output, Is.Empty);
        Assert.That(decoder.NoiseBytes, Is.EqualTo(2));
        Assert.That(decoder.HasPartialFrame, Is.False);
    }

    [Test]
    public void Expire_NothingHeld_DoesNothing()
    {
        var decoder = new FrameDecoder();
        var output = new List<DecodedFrame>();
        decoder.Expire(output);
        Assert.That(output, Is.Empty);
    }

    [Test]
    public void Push_MoreThanTheBufferAtOnce_GivesEveryFrame()
    {
        var packets = Enumerable.Range(0, 500).Select(i => Packet(i, new byte[i % 50])).ToArray();
        byte[] stream = [.. packets.SelectMany(p => FrameEncoder.Frame(p))];
        var decoder = new FrameDecoder(maxPacketLength: 64);
        var output = new List<DecodedFrame>();

        decoder.Push(stream, output);

        Assert.That(output.Select(f => f.Packet), Is.EqualTo(packets));
    }

    [Test]
    public void Push_LargestPacket_Accepted()
    {
        byte[] packet = Packet(1, new byte[FrameDecoder.DefaultMaxPacketLength - 8]);
        var output = new List<DecodedFrame>();
        new FrameDecoder().Push(FrameEncoder.Frame(packet), output);
        Assert.That(output.Single().Packet, Is.EqualTo(packet));
    }

    [Test]
    public void Constructor_MaximumOutOfRange_Throws()
    {
        Assert.That(() => new FrameDecoder(7), Throws.TypeOf<ArgumentOutOfRangeException>());
        Assert.That(() => new FrameDecoder(65543), Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    private static byte[] Packet(int count, byte[] userData)
    {
        var packet = new byte[SpacePacket.LengthFor(userData.Length)];
        SpacePacket.Encode(PacketType.Telecommand, true, 0x10, count & 0x3FFF, userData, packet);
        return packet;
    }
}
