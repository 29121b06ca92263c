using System.Buffers.Binary;
using System.Text;
using FlightSw.Core.Storage;

namespace FlightSw.Core.Tests.Storage;

public class DurableCopyTests
{
    private static readonly byte[] Payload = Encoding.ASCII.GetBytes("hello");

    [Test]
    public void Encode_Payload_IsVersionSequenceLengthPayloadThenCrcOfAllBefore()
    {
        var copy = DurableCopy.Encode(0x0102030405060708, Payload);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(copy, Has.Length.EqualTo(1 + 8 + 4 + Payload.Length + 4));
            Assert.That(DurableCopy.Overhead, Is.EqualTo(17));
            Assert.That(copy[0], Is.EqualTo(1));
            Assert.That(copy[1..9], Is.EqualTo(new byte[] { 8, 7, 6, 5, 4, 3, 2, 1 }), "sequence, little-endian");
            Assert.That(copy[9..13], Is.EqualTo(new byte[] { 5, 0, 0, 0 }), "payload length, little-endian");
            Assert.That(copy[13..^4], Is.EqualTo(Payload));
            Assert.That(BinaryPrimitives.ReadUInt32LittleEndian(copy.AsSpan(copy.Length - 4)), Is.EqualTo(Crc32C.Compute(copy.AsSpan(0, copy.Length - 4))));
        }
    }

    [TestCase(0)]
    [TestCase(5)]
    [TestCase(300)]
    public void TryDecode_EncodedCopy_ReturnsItsSequenceAndPayload(int length)
    {
        var payload = Enumerable.Range(0, length).Select(i => (byte)(i % 251)).ToArray();

        bool ok = DurableCopy.TryDecode(DurableCopy.Encode(42, payload), out var copy, out string reason);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ok, Is.True, reason);
            Assert.That(copy.Sequence, Is.EqualTo(42UL));
            Assert.That(copy.Payload, Is.EqualTo(payload));
        }
    }

    [TestCase(0)]
    [TestCase(16)]
    public void TryDecode_ShorterThanTheMinimum_RefusedSayingSo(int length)
    {
        bool ok = DurableCopy.TryDecode(new byte[length], out _, out string reason);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ok, Is.False);
            Assert.That(reason, Is.EqualTo($"copy is {length} bytes long, shorter than the 17-byte minimum"));
        }
    }

    [Test]
    public void TryDecode_CutShort_RefusedForItsLengthField()
    {
        var copy = DurableCopy.Encode(1, Payload)[..^1];

        bool ok = DurableCopy.TryDecode(copy, out _, out string reason);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ok, Is.False);
            Assert.That(reason, Is.EqualTo("length field says 5 payload bytes, the copy holds 4"));
        }
    }

    [Test]
    public void TryDecode_AnySingleBitFlipped_Refused()
    {
        var sound = DurableCopy.Encode(7, Payload);
        var accepted = new List<int>();

        for (int bit = 0; bit < sound.Length * 8; bit++)
        {
            var copy = (byte[])sound.Clone();
            copy[bit / 8] ^= (byte)(1 << (bit % 8));
            if (DurableCopy.TryDecode(copy, out _, out _))
            {
                accepted.Add(bit);
            }
        }

        Assert.That(accepted, Is.Empty);
    }

    [Test]
    public void TryDecode_PayloadBitFlipped_RefusedForItsCrc()
    {
        var copy = DurableCopy.Encode(7, Payload);
        copy[14] ^= 0x20;

        bool ok = DurableCopy.TryDecode(copy, out _, out string reason);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ok, Is.False);
            Assert.That(reason, Does.Match(@"^CRC-32C mismatch \(stored 0x[0-9A-F]{8}, computed 0x[0-9A-F]{8}\)$"));
        }
    }

    [Test]
    public void TryDecode_OtherFormatVersionWithAValidCrc_RefusedNamingTheVersion()
    {
        var copy = DurableCopy.Encode(7, Payload);
        copy[0] = 2;
        BinaryPrimitives.WriteUInt32LittleEndian(copy.AsSpan(copy.Length - 4), Crc32C.Compute(copy.AsSpan(0, copy.Length - 4)));

        bool ok = DurableCopy.TryDecode(copy, out _, out string reason);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ok, Is.False);
            Assert.That(reason, Is.EqualTo("format version is 2, expected 1"));
        }
    }
}
