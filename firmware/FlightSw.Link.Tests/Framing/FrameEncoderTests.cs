using FlightSw.Link.Framing;

namespace FlightSw.Link.Tests.Framing;

public class FrameEncoderTests
{
    [Test]
    public void Frame_Packet_IsSyncMarkerThenPacket() =>
        Assert.That(FrameEncoder.Frame([1, 2, 3]), Is.EqualTo(new byte[] { 0x1A, 0xCF, 0xFC, 0x1D, 1, 2, 3 }));

    [Test]
    public void WriteTo_Stream_WritesTheFrameInOneWrite()
    {
        var stream = new CountingStream();

        FrameEncoder.WriteTo(stream, [9, 8]);

        Assert.That(stream.ToArray(), Is.EqualTo(new byte[] { 0x1A, 0xCF, 0xFC, 0x1D, 9, 8 }));
        Assert.That(stream.Writes, Is.EqualTo(1));
    }

    private sealed class CountingStream : MemoryStream
    {
        public int Writes { get; private set; }

        public override void Write(byte[] buffer, int offset, int count)
        {
            Writes++;
            base.Write(buffer, offset, count);
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Writes++;
            base.Write(buffer);
        }
    }
}
