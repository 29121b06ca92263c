using FlightSw.Link.Service;

namespace FlightSw.Link.Tests.Service;

public class DownlinkQueueTests
{
    [Test]
    public void TryDequeue_PacketsOfMixedPriority_LeaveInArrivalOrder()
    {
        var queue = new DownlinkQueue(8);
        queue.Enqueue([1], DownlinkPriority.Housekeeping);
        queue.Enqueue([2], DownlinkPriority.Acknowledgement);
        queue.Enqueue([3], DownlinkPriority.Event);

        Assert.That(Drain(queue), Is.EqualTo(new[] { 1, 2, 3 }));
    }

    [Test]
    public void Enqueue_Full_DropsTheOldestOfTheLowestPriorityAndCountsIt()
    {
        var queue = new DownlinkQueue(3);
        queue.Enqueue([1], DownlinkPriority.Event);
        queue.Enqueue([2], DownlinkPriority.Housekeeping);
        queue.Enqueue([3], DownlinkPriority.Housekeeping);

        bool kept = queue.Enqueue([4], DownlinkPriority.Acknowledgement);

        Assert.Multiple(() =>
        {
            Assert.That(kept, Is.True);
            Assert.That(Drain(queue), Is.EqualTo(new[] { 1, 3, 4 }));
            Assert.That(queue.Dropped(DownlinkPriority.Housekeeping), Is.EqualTo(1));
            Assert.That(queue.DroppedTotal, Is.EqualTo(1));
        });
    }

    [Test]
    public void Enqueue_FullOfPacketsThatMatterMore_DropsTheNewcomer()
    {
        var queue = new DownlinkQueue(2);
        queue.Enqueue([1], DownlinkPriority.Acknowledgement);
        queue.Enqueue([2], DownlinkPriority.Warning);

        bool kept = queue.Enqueue([3], DownlinkPriority.Housekeeping);

        Assert.Multiple(() =>
        {
            Assert.That(kept, Is.False);
            Assert.That(Drain(queue), Is.EqualTo(new[] { 1, 2 }));
            Assert.That(queue.Dropped(DownlinkPriority.Housekeeping), Is.EqualTo(1));
        });
    }

    [Test]
    public void Enqueue_AConsumerThatNeverReads_NeverBlocksTheProducer()
    {
        var counters = new LinkCounters();
        var queue = new DownlinkQueue(16, counters);

        for (int i = 0; i < 10_000; i++)
        {
            queue.Enqueue([unchecked((byte)i)], i % 100 == 0 ? DownlinkPriority.Warning : DownlinkPriority.Housekeeping);
        }

        Assert.Multiple(() =>
        {
            Assert.That(queue.Count, Is.EqualTo(16));
            Assert.That(queue.Dropped(DownlinkPriority.Housekeeping) + queue.Dropped(DownlinkPriority.Warning), Is.EqualTo(10_000 - 16));
            Assert.That(counters.Dropped(DownlinkPriority.Housekeeping), Is.EqualTo(queue.Dropped(DownlinkPriority.Housekeeping)));
            Assert.That(Drain(queue), Has.Count.EqualTo(16));
        });
    }

    [Test]
    public void Enqueue_WarningsAmongHousekeeping_WarningsSurviveCongestion()
    {
        var queue = new DownlinkQueue(20);

        for (int i = 0; i < 1_000; i++)
        {
            queue.Enqueue([1], i % 100 == 0 ? DownlinkPriority.Warning : DownlinkPriority.Housekeeping);
        }

        Assert.Multiple(() =>
        {
            Assert.That(queue.Dropped(DownlinkPriority.Warning), Is.Zero, "ten warnings fit; only housekeeping is dropped");
            Assert.That(queue.Dropped(DownlinkPriority.Housekeeping), Is.EqualTo(980));
        });
    }

    [Test]
    public void DiscardRemaining_ConnectionClosedWithPacketsWaiting_EachCountedAsDropped()
    {
        var counters = new LinkCounters();
        var queue = new DownlinkQueue(8, counters);
        queue.Enqueue([1], DownlinkPriority.Warning);
        queue.Enqueue([2], DownlinkPriority.Acknowledgement);
        queue.Complete();

        int discarded = queue.DiscardRemaining();

        Assert.Multiple(() =>
        {
            Assert.That(discarded, Is.EqualTo(2));
            Assert.That(queue.Count, Is.Zero);
            Assert.That(counters.Dropped(DownlinkPriority.Warning), Is.EqualTo(1));
            Assert.That(counters.Dropped(DownlinkPriority.Acknowledgement), Is.EqualTo(1));
        });
    }

    [Test]
    public void Complete_EmptyQueue_ConsumerStopsWaiting()
    {
        var queue = new DownlinkQueue();
        queue.Complete();

        Assert.Multiple(() =>
        {
            Assert.That(queue.TryDequeue(TimeSpan.FromSeconds(30), out _), Is.False);
            Assert.That(queue.IsCompleted, Is.True);
            Assert.That(queue.Enqueue([1], DownlinkPriority.Control), Is.False);
        });
    }

    private static List<int> Drain(DownlinkQueue queue)
    {
        var taken = new List<int>();
        while (queue.Count > 0)
        {
            if (queue.TryDequeue(TimeSpan.Zero, out byte[] packet))
            {
                taken.Add(packet[0]);
            }
        }

        return taken;
    }
}
