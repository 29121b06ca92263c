using FlightSw.Ground.Tests.Fixtures;
using FlightSw.Link.Framing;
using FlightSw.Link.Messages;
using FlightSw.Link.Packets;

namespace FlightSw.Ground.Tests;

[TestFixture]
[CancelAfter(30_000)]
public class FrameReceiverTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Test]
    public void Run_FramesSplitAcrossWrites_DeliveredWhole()
    {
        using var pipe = new ReceiverPipe();
        var frames = new List<DecodedFrame>();
        using var receiver = pipe.Receiver(frames);
        byte[] frame = FrameEncoder.Frame(Packet());

        pipe.Write(frame.AsSpan(0, 5));
        pipe.Write(frame.AsSpan(5));

        Assert.That(SpinWait.SpinUntil(() => Count(frames) == 1, Patience), Is.True);
        Assert.That(frames[0].Packet, Is.EqualTo(Packet()));
    }

    [Test]
    public void Run_LineQuietInTheMiddleOfAFrame_RefusedAsTruncated()
    {
        using var pipe = new ReceiverPipe();
        var frames = new List<DecodedFrame>();
        using var receiver = pipe.Receiver(frames);
        byte[] frame = FrameEncoder.Frame(Packet());

        pipe.Write(frame.AsSpan(0, frame.Length - 1));

        Assert.That(SpinWait.SpinUntil(() => Count(frames) == 1, Patience), Is.True);
        Assert.That(frames[0].Refusal, Is.EqualTo(PacketRefusal.Truncated));
    }

    [Test]
    public void Run_OtherEndCloses_ClosedWithTheReason()
    {
        using var pipe = new ReceiverPipe();
        using var receiver = pipe.Receiver([]);

        pipe.CloseWriter();

        Assert.That(SpinWait.SpinUntil(() => pipe.ClosedReason is not null, Patience), Is.True);
        Assert.That(pipe.ClosedReason, Is.EqualTo("the node closed the link"));
    }

    [Test]
    public void Dispose_WhileReading_ReturnsPromptly()
    {
        using var pipe = new ReceiverPipe();
        var receiver = pipe.Receiver([]);

        receiver.Dispose();

        Assert.That(SpinWait.SpinUntil(() => pipe.ClosedReason is not null, Patience), Is.True);
        Assert.That(pipe.ClosedReason, Is.EqualTo("the client was disposed"));
    }

    private static byte[] Packet() =>
        new TelemetryPacketWriter().Write(LinkServices.Test, LinkServices.AliveReport, new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero), [9, 8, 7]);

    private static int Count(List<DecodedFrame> frames)
    {
        lock (frames)
        {
            return frames.Count;
        }
    }
}
