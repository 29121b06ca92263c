using FlightSw.Link.Security;

namespace FlightSw.Link.Tests.Security;

public class ReplayWindowTests
{
    [Test]
    public void Check_FirstSequenceOfAFreshWindow_AcceptedAndZeroNever()
    {
        var window = new ReplayWindow();

        Assert.That(window.Check(1), Is.EqualTo(LinkRefusal.None));
        Assert.That(window.Check(0), Is.EqualTo(LinkRefusal.Replayed));
        window.Accept(1);
        Assert.That(window.Highest, Is.EqualTo(1UL));
        Assert.That(window.Check(1), Is.EqualTo(LinkRefusal.Replayed));
    }

    [Test]
    public void Check_DoesNotRecord()
    {
        var window = new ReplayWindow();
        window.Check(5);
        Assert.That(window.Highest, Is.Zero);
        Assert.That(window.Check(5), Is.EqualTo(LinkRefusal.None));
    }

    [Test]
    public void Check_UnseenSequencesInsideTheWindow_AcceptedOnce()
    {
        var window = new ReplayWindow();
        window.Accept(100);

        Assert.That(window.Check(99), Is.EqualTo(LinkRefusal.None));
        window.Accept(99);
        window.Accept(40);
        Assert.That(window.Check(99), Is.EqualTo(LinkRefusal.Replayed));
        Assert.That(window.Check(40), Is.EqualTo(LinkRefusal.Replayed));
        Assert.That(window.Check(41), Is.EqualTo(LinkRefusal.None));
        Assert.That(window.Highest, Is.EqualTo(100UL));
    }

    [Test]
    public void Check_WindowEdge_LowestInsideAcceptedOneBelowOutside()
    {
        var window = new ReplayWindow();
        window.Accept(1000);

        Assert.That(window.Check(1000 - ReplayWindow.DefaultSize + 1), Is.EqualTo(LinkRefusal.None));
        Assert.That(window.Check(1000 - ReplayWindow.DefaultSize), Is.EqualTo(LinkRefusal.OutsideWindow));
        Assert.That(window.Check(0), Is.EqualTo(LinkRefusal.OutsideWindow));
    }

    [Test]
    public void Accept_StepsAcrossTheBitmapManyTimes_KeepsEverySeenAndUnseenRight()
    {
        // Every third number is skipped; 4,000 steps wrap the 64-slot bitmap many times.
        var window = new ReplayWindow();
        for (ulong sequence = 1; sequence <= 4000; sequence++)
        {
            if (sequence % 3 != 0)
            {
                window.Accept(sequence);
            }

            ulong low = sequence > 63 ? sequence - 63 : 1;
            for (ulong back = low; back <= sequence; back++)
            {
                var expected = back % 3 == 0 ? LinkRefusal.None : LinkRefusal.Replayed;
                if (back == sequence && sequence % 3 == 0)
                {
                    expected = LinkRefusal.None;
                }

                Assert.That(window.Check(back), Is.EqualTo(expected), $"after {sequence}: {back}");
            }
        }
    }

    [Test]
    public void Accept_LateSequencesAfterWrap_UseFreedSlots()
    {
        var window = new ReplayWindow(size: 8);
        window.Accept(10);
        window.Accept(12);

        // The window is 5..12 on 8 slots: 10 and 12 seen, the rest free, 4 below it.
        Assert.That(window.Check(11), Is.EqualTo(LinkRefusal.None));
        Assert.That(window.Check(5), Is.EqualTo(LinkRefusal.None));
        Assert.That(window.Check(10), Is.EqualTo(LinkRefusal.Replayed));
        Assert.That(window.Check(12), Is.EqualTo(LinkRefusal.Replayed));
        Assert.That(window.Check(4), Is.EqualTo(LinkRefusal.OutsideWindow));
        window.Accept(11);
        window.Accept(5);
        Assert.That(window.Check(11), Is.EqualTo(LinkRefusal.Replayed));
        Assert.That(window.Check(5), Is.EqualTo(LinkRefusal.Replayed));
        window.Accept(13);
        Assert.That(window.Check(5), Is.EqualTo(LinkRefusal.OutsideWindow), "13 moves the window to 6..13");
        Assert.That(window.Check(6), Is.EqualTo(LinkRefusal.None));
    }

    [Test]
    public void Accept_FarJump_ClearsTheWholeWindow()
    {
        var window = new ReplayWindow();
        for (ulong s = 1; s <= 64; s++)
        {
            window.Accept(s);
        }

        window.Accept(1_000_000);

        Assert.That(window.Highest, Is.EqualTo(1_000_000UL));
        Assert.That(window.Check(1_000_000 - 1), Is.EqualTo(LinkRefusal.None));
        Assert.That(window.Check(1_000_000 - 63), Is.EqualTo(LinkRefusal.None));
        Assert.That(window.Check(64), Is.EqualTo(LinkRefusal.OutsideWindow));
    }

    [Test]
    public void Accept_UpToUlongMax_Works()
    {
        var window = new ReplayWindow(ulong.MaxValue - 2);
        window.Accept(ulong.MaxValue);
        Assert.That(window.Check(ulong.MaxValue), Is.EqualTo(LinkRefusal.Replayed));
        Assert.That(window.Check(ulong.MaxValue - 1), Is.EqualTo(LinkRefusal.None));
    }

    [Test]
    public void Constructor_PersistedHighest_RefusesEverythingAtOrBelowIt()
    {
        var window = new ReplayWindow(500);

        Assert.That(window.Check(500), Is.EqualTo(LinkRefusal.Replayed));
        Assert.That(window.Check(470), Is.EqualTo(LinkRefusal.Replayed));
        Assert.That(window.Check(400), Is.EqualTo(LinkRefusal.OutsideWindow));
        Assert.That(window.Check(501), Is.EqualTo(LinkRefusal.None));
    }

    [Test]
    public void Accept_RefusedSequence_Throws()
    {
        var window = new ReplayWindow();
        window.Accept(3);
        Assert.That(() => window.Accept(3), Throws.InvalidOperationException.With.Message.Contain("Replayed"));
    }

    [Test]
    public void Constructor_SizeOutOfRange_Throws()
    {
        Assert.That(() => new ReplayWindow(0, 0), Throws.TypeOf<ArgumentOutOfRangeException>());
        Assert.That(() => new ReplayWindow(0, ReplayWindow.MaxSize + 1), Throws.TypeOf<ArgumentOutOfRangeException>());
    }
}
