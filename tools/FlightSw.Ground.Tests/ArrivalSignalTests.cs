using FlightSw.Ground.Tests.Fixtures;

namespace FlightSw.Ground.Tests;

[TestFixture]
[CancelAfter(30_000)]
public class ArrivalSignalTests
{
    [Test]
    public void WaitUntil_ConditionAlreadyTrue_TrueAtOnce()
    {
        var signal = new ArrivalSignal(TimeProvider.System);

        Assert.That(signal.WaitUntil(() => true, TimeSpan.Zero, () => true), Is.True);
    }

    [Test]
    public void WaitUntil_PulseAfterTheConditionTurnsTrue_WakesTheWaiter()
    {
        var signal = new ArrivalSignal(TimeProvider.System);
        int arrived = 0;
        var waiter = Task.Run(() => signal.WaitUntil(() => Volatile.Read(ref arrived) == 1, TimeSpan.FromSeconds(10), () => true));

        Volatile.Write(ref arrived, 1);
        signal.Pulse();

        Assert.That(waiter.Wait(TimeSpan.FromSeconds(5)), Is.True);
        Assert.That(waiter.Result, Is.True);
    }

    [Test]
    public void WaitUntil_LinkClosed_FalseWithoutWaitingForTheLimit()
    {
        // On a clock that never moves the limit never passes: returning at all is the link closing.
        var signal = new ArrivalSignal(new ManualClock());

        bool met = signal.WaitUntil(() => false, TimeSpan.FromSeconds(10), () => false);

        Assert.That(met, Is.False);
    }

    [Test]
    public void WaitUntil_InjectedClockPastTheLimit_False()
    {
        var time = new ManualClock();
        var signal = new ArrivalSignal(time);
        int looks = 0;

        bool met = signal.WaitUntil(
            () =>
            {
                // Every look costs a simulated second.
                looks++;
                time.Advance(TimeSpan.FromSeconds(1));
                return false;
            },
            TimeSpan.FromSeconds(3),
            () => true);

        Assert.That(met, Is.False);
        Assert.That(looks, Is.EqualTo(3));
    }
}
