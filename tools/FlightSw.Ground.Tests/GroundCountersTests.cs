using FlightSw.Link.Packets;

namespace FlightSw.Ground.Tests;

[TestFixture]
public class GroundCountersTests
{
    [Test]
    public void FrameRefused_SeveralReasons_CountedPerReasonAndInTotal()
    {
        var counters = new GroundCounters();

        counters.FrameRefused(PacketRefusal.BadCrc);
        counters.FrameRefused(PacketRefusal.BadCrc);
        counters.FrameRefused(PacketRefusal.Truncated);

        Assert.That(counters.Refused(PacketRefusal.BadCrc), Is.EqualTo(2));
        Assert.That(counters.Refused(PacketRefusal.Oversized), Is.Zero);
        Assert.That(counters.FramesRefused, Is.EqualTo(3));
    }

    [Test]
    public void DecodeError_Problem_CountedAndKeptAsTheLast()
    {
        var counters = new GroundCounters();

        counters.DecodeError("first");
        counters.DecodeError("second");

        Assert.That(counters.DecodeErrors, Is.EqualTo(2));
        Assert.That(counters.LastProblem, Is.EqualTo("second"));
    }

    [Test]
    public void ToString_SomeTraffic_SaysEachCount()
    {
        var counters = new GroundCounters();
        counters.Packet();
        counters.Noise(5);

        Assert.That(counters.ToString(), Does.Contain("1 packets").And.Contain("5 noise bytes"));
    }
}
