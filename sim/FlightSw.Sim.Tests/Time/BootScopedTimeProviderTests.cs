using System.Runtime.CompilerServices;
using FlightSw.Sim.Time;

namespace FlightSw.Sim.Tests.Time;

public class BootScopedTimeProviderTests
{
    private static readonly TimeSpan Infinite = Timeout.InfiniteTimeSpan;

    [Test]
    public void Constructor_NullClock_ThrowsArgumentNullException()
    {
        Assert.That(() => new BootScopedTimeProvider(null!), Throws.ArgumentNullException);
    }

    [Test]
    public void Time_AfterTheClockRuns_IsTheClocksTime()
    {
        var epoch = new DateTimeOffset(2032, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var clock = new VirtualClock(epoch);
        var boot = new BootScopedTimeProvider(clock);

        clock.RunFor(TimeSpan.FromSeconds(42));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(boot.GetUtcNow(), Is.EqualTo(epoch.AddSeconds(42)));
            Assert.That(boot.GetTimestamp(), Is.EqualTo(clock.GetTimestamp()));
            Assert.That(boot.TimestampFrequency, Is.EqualTo(clock.TimestampFrequency));
            Assert.That(boot.LocalTimeZone, Is.EqualTo(TimeZoneInfo.Utc));
            Assert.That(boot.HasEnded, Is.False);
        }
    }

    [Test]
    public void CreateTimer_BeforeEndBoot_FiresOnTheClock()
    {
        var clock = new VirtualClock();
        var boot = new BootScopedTimeProvider(clock);
        var firedAt = new List<TimeSpan>();
        using var timer = boot.CreateTimer(_ => firedAt.Add(clock.Elapsed), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));

        clock.RunUntil(TimeSpan.FromSeconds(6));

        Assert.That(firedAt, Is.EqualTo(new[] { 1, 3, 5 }.Select(s => TimeSpan.FromSeconds(s))));
    }

    [Test]
    public void Change_ScopedTimer_ForwardsToTheClock()
    {
        var clock = new VirtualClock();
        var boot = new BootScopedTimeProvider(clock);
        var firedAt = new List<TimeSpan>();
        using var timer = boot.CreateTimer(_ => firedAt.Add(clock.Elapsed), null, Infinite, Infinite);

        bool changed = timer.Change(TimeSpan.FromSeconds(3), Infinite);
        clock.RunUntil(TimeSpan.FromSeconds(10));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(changed, Is.True);
            Assert.That(firedAt, Is.EqualTo(new[] { TimeSpan.FromSeconds(3) }));
        }
    }

    [Test]
    public void EndBoot_KillsItsOwnTimersButNotTheClocksOtherTimers()
    {
        var clock = new VirtualClock();
        var boot = new BootScopedTimeProvider(clock);
        int softwareTicks = 0;
        int hardwareTicks = 0;
        using var software = boot.CreateTimer(_ => softwareTicks++, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        using var hardware = clock.CreateTimer(_ => hardwareTicks++, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        clock.RunUntil(TimeSpan.FromSeconds(3));

        boot.EndBoot();
        clock.RunUntil(TimeSpan.FromSeconds(10));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(boot.HasEnded, Is.True);
            Assert.That(softwareTicks, Is.EqualTo(3), "the boot's timer stopped at the end of the boot");
            Assert.That(hardwareTicks, Is.EqualTo(10), "the hardware timer ran on");
            Assert.That(clock.ArmedTimers, Is.EqualTo(1));
            Assert.That(software.Change(TimeSpan.FromSeconds(1), Infinite), Is.False, "a dead timer cannot be re-armed");
        }
    }

    [Test]
    public void Change_AfterEndBoot_TimerStaysDead()
    {
        var clock = new VirtualClock();
        var boot = new BootScopedTimeProvider(clock);
        int fired = 0;
        using var timer = boot.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(5), Infinite);

        boot.EndBoot();
        timer.Change(TimeSpan.FromSeconds(1), Infinite);
        clock.RunUntil(TimeSpan.FromSeconds(10));

        Assert.That(fired, Is.Zero);
    }

    [Test]
    public void EndBoot_Twice_IsHarmless()
    {
        var clock = new VirtualClock();
        var boot = new BootScopedTimeProvider(clock);
        using var timer = boot.CreateTimer(_ => { }, null, TimeSpan.FromSeconds(1), Infinite);

        boot.EndBoot();
        boot.EndBoot();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(boot.HasEnded, Is.True);
            Assert.That(clock.ArmedTimers, Is.Zero);
        }
    }

    [Test]
    public void CreateTimer_AfterEndBoot_NeverFires()
    {
        var clock = new VirtualClock();
        var boot = new BootScopedTimeProvider(clock);
        boot.EndBoot();
        int fired = 0;

        using var timer = boot.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        clock.RunUntil(TimeSpan.FromSeconds(10));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(fired, Is.Zero);
            Assert.That(clock.ArmedTimers, Is.Zero);
        }
    }

    [Test]
    public void CreateTimer_AfterEndBootThenChanged_StillNeverFires()
    {
        // The usual pattern of CancellationTokenSource.CancelAfter and PeriodicTimer: create
        // unarmed, then arm with Change.
        var clock = new VirtualClock();
        var boot = new BootScopedTimeProvider(clock);
        boot.EndBoot();
        int fired = 0;

        using var timer = boot.CreateTimer(_ => fired++, null, Infinite, Infinite);
        bool changed = timer.Change(TimeSpan.FromSeconds(1), Infinite);
        clock.RunUntil(TimeSpan.FromSeconds(10));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(changed, Is.False);
            Assert.That(fired, Is.Zero);
            Assert.That(clock.ArmedTimers, Is.Zero);
        }
    }

    [Test]
    public void CancelAfter_OnATokenOfAnEndedBoot_NeverCancels()
    {
        var clock = new VirtualClock();
        var boot = new BootScopedTimeProvider(clock);
        boot.EndBoot();
        using var cancel = new CancellationTokenSource(Infinite, boot);

        cancel.CancelAfter(TimeSpan.FromSeconds(1));
        clock.RunUntil(TimeSpan.FromSeconds(10));

        Assert.That(cancel.IsCancellationRequested, Is.False);
    }

    [Test]
    public void TaskDelay_StartedBeforeEndBoot_NeverCompletes()
    {
        var clock = new VirtualClock();
        var boot = new BootScopedTimeProvider(clock);
        var delay = Task.Delay(TimeSpan.FromSeconds(5), boot);

        boot.EndBoot();
        clock.RunUntil(TimeSpan.FromMinutes(1));

        Assert.That(delay.IsCompleted, Is.False);
    }

    [Test]
    public void Dispose_ScopedTimer_NeverFires()
    {
        var clock = new VirtualClock();
        var boot = new BootScopedTimeProvider(clock);
        int fired = 0;
        var timer = boot.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(1), Infinite);

        timer.Dispose();
        clock.RunUntil(TimeSpan.FromSeconds(10));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(fired, Is.Zero);
            Assert.That(clock.ArmedTimers, Is.Zero);
        }
    }

    [Test]
    public async Task DisposeAsync_ScopedTimer_NeverFires()
    {
        var clock = new VirtualClock();
        var boot = new BootScopedTimeProvider(clock);
        int fired = 0;
        var timer = boot.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(1), Infinite);

        await timer.DisposeAsync();
        clock.RunUntil(TimeSpan.FromSeconds(10));

        Assert.That(fired, Is.Zero);
    }

    [Test]
    public void Dispose_ScopedTimer_TheBootNoLongerHoldsIt()
    {
        var clock = new VirtualClock();
        var boot = new BootScopedTimeProvider(clock);

        var disposedState = CreateFiredTimer(clock, boot, dispose: true);
        var keptState = CreateFiredTimer(clock, boot, dispose: false);
        CollectGarbage();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(disposedState.IsAlive, Is.False, "a disposed timer is forgotten by the boot");
            Assert.That(keptState.IsAlive, Is.True, "an undisposed timer is held until the boot ends");
        }

        boot.EndBoot();
        CollectGarbage();
        Assert.That(keptState.IsAlive, Is.False, "EndBoot lets go of every timer");
        GC.KeepAlive(boot);
    }

    [Test]
    public void FreezeAll_RunningTimers_EveryTimerOfTheBootStopsButTheClocksOthersRunOn()
    {
        var clock = new VirtualClock();
        var boot = new BootScopedTimeProvider(clock);
        int fast = 0;
        int slow = 0;
        int hardwareTicks = 0;
        using var fastTimer = boot.CreateTimer(_ => fast++, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        using var slowTimer = boot.CreateTimer(_ => slow++, null, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2));
        using var hardware = clock.CreateTimer(_ => hardwareTicks++, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        clock.RunUntil(TimeSpan.FromSeconds(4));

        boot.FreezeAll();
        clock.RunUntil(TimeSpan.FromMinutes(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(boot.IsFrozen, Is.True);
            Assert.That(boot.HasEnded, Is.False, "frozen is not ended: the software's state stays");
            Assert.That(fast, Is.EqualTo(4));
            Assert.That(slow, Is.EqualTo(2));
            Assert.That(hardwareTicks, Is.EqualTo(60));
            Assert.That(boot.LiveTimers, Is.Zero);
        }
    }

    [Test]
    public void FreezeAll_FrozenTimer_IgnoresChange()
    {
        var clock = new VirtualClock();
        var boot = new BootScopedTimeProvider(clock);
        int fired = 0;
        using var timer = boot.CreateTimer(_ => fired++, null, Infinite, Infinite);

        boot.FreezeAll();
        bool changed = timer.Change(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        clock.RunUntil(TimeSpan.FromMinutes(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(changed, Is.False);
            Assert.That(fired, Is.Zero);
            Assert.That(clock.ArmedTimers, Is.Zero);
        }
    }

    [Test]
    public void CreateTimer_AfterFreezeAll_NeverFiresEvenWhenChanged()
    {
        var clock = new VirtualClock();
        var boot = new BootScopedTimeProvider(clock);
        boot.FreezeAll();
        int fired = 0;

        using var armed = boot.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        using var unarmed = boot.CreateTimer(_ => fired++, null, Infinite, Infinite);
        bool changed = unarmed.Change(TimeSpan.FromSeconds(1), Infinite);
        var delay = Task.Delay(TimeSpan.FromSeconds(1), boot);
        clock.RunUntil(TimeSpan.FromMinutes(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(changed, Is.False);
            Assert.That(fired, Is.Zero);
            Assert.That(delay.IsCompleted, Is.False, "a hung board's delays never end");
            Assert.That(clock.ArmedTimers, Is.Zero);
            Assert.That(boot.LiveTimers, Is.Zero);
        }
    }

    [Test]
    public void FreezeAll_ThenEndBoot_DisarmsEverything()
    {
        var clock = new VirtualClock();
        var boot = new BootScopedTimeProvider(clock);
        using var timer = boot.CreateTimer(_ => { }, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

        boot.FreezeAll();
        boot.EndBoot();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(boot.HasEnded, Is.True);
            Assert.That(clock.ArmedTimers, Is.Zero);
            Assert.That(boot.LiveTimers, Is.Zero);
        }
    }

    [TestCase(0, 0)]
    [TestCase(1, 1)]
    [TestCase(2, 2)]
    [TestCase(3, 0)]
    [TestCase(7, 1)]
    public void FreezeOne_ThreeTimers_StopsThePickthInCreationOrderModuloTheirNumber(int pick, int stopped)
    {
        var clock = new VirtualClock();
        var boot = new BootScopedTimeProvider(clock);
        var counts = new int[3];
        var timers = Enumerable.Range(0, 3)
            .Select(i => boot.CreateTimer(_ => counts[i]++, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)))
            .ToList();
        clock.RunUntil(TimeSpan.FromSeconds(5));

        bool frozen = boot.FreezeOne(pick);
        clock.RunUntil(TimeSpan.FromSeconds(60));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(frozen, Is.True);
            Assert.That(boot.IsFrozen, Is.False, "one thread hangs, not the board");
            Assert.That(boot.LiveTimers, Is.EqualTo(2));
            for (int i = 0; i < 3; i++)
            {
                Assert.That(counts[i], Is.EqualTo(i == stopped ? 5 : 60), $"timer {i}");
            }
        }

        timers.ForEach(t => t.Dispose());
    }

    [Test]
    public void FreezeOne_Twice_SkipsTheStoppedTimerAndPicksAmongTheLiveOnes()
    {
        var clock = new VirtualClock();
        var boot = new BootScopedTimeProvider(clock);
        var counts = new int[3];
        var timers = Enumerable.Range(0, 3)
            .Select(i => boot.CreateTimer(_ => counts[i]++, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)))
            .ToList();

        boot.FreezeOne(0); // live were 0, 1, 2: stops 0
        boot.FreezeOne(0); // live are 1, 2: stops 1
        clock.RunUntil(TimeSpan.FromSeconds(10));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(counts, Is.EqualTo(new[] { 0, 0, 10 }));
            Assert.That(boot.LiveTimers, Is.EqualTo(1));
        }

        timers.ForEach(t => t.Dispose());
    }

    [Test]
    public void FreezeOne_DisposedTimer_IsNotPicked()
    {
        var clock = new VirtualClock();
        var boot = new BootScopedTimeProvider(clock);
        int first = 0;
        int second = 0;
        var disposed = boot.CreateTimer(_ => first++, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        using var kept = boot.CreateTimer(_ => second++, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        disposed.Dispose();

        bool frozen = boot.FreezeOne(0);
        clock.RunUntil(TimeSpan.FromSeconds(10));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(frozen, Is.True);
            Assert.That(second, Is.Zero, "the only live timer was the one stopped");
            Assert.That(boot.LiveTimers, Is.Zero);
        }
    }

    [Test]
    public void FreezeOne_StoppedTimer_IgnoresChange()
    {
        var clock = new VirtualClock();
        var boot = new BootScopedTimeProvider(clock);
        int fired = 0;
        using var timer = boot.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(1), Infinite);

        boot.FreezeOne(0);
        bool changed = timer.Change(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        clock.RunUntil(TimeSpan.FromSeconds(10));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(changed, Is.False);
            Assert.That(fired, Is.Zero);
        }
    }

    [Test]
    public void FreezeOne_NoLiveTimers_ReturnsFalse()
    {
        var clock = new VirtualClock();
        var boot = new BootScopedTimeProvider(clock);

        bool none = boot.FreezeOne(0);
        using var timer = boot.CreateTimer(_ => { }, null, TimeSpan.FromSeconds(1), Infinite);
        bool one = boot.FreezeOne(5);
        bool noneLeft = boot.FreezeOne(0);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(none, Is.False);
            Assert.That(one, Is.True);
            Assert.That(noneLeft, Is.False);
        }
    }

    [Test]
    public void FreezeOne_TimersCreatedLater_StillFire()
    {
        var clock = new VirtualClock();
        var boot = new BootScopedTimeProvider(clock);
        using var hung = boot.CreateTimer(_ => { }, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        boot.FreezeOne(0);
        int fired = 0;

        using var later = boot.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        clock.RunUntil(TimeSpan.FromSeconds(10));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(fired, Is.EqualTo(10));
            Assert.That(boot.LiveTimers, Is.EqualTo(1));
        }
    }

    /// <summary>Creates a one-shot timer on <paramref name="boot"/>, lets it fire, and returns a weak reference to its state.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference CreateFiredTimer(VirtualClock clock, BootScopedTimeProvider boot, bool dispose)
    {
        var state = new object();
        var timer = boot.CreateTimer(_ => { }, state, TimeSpan.FromSeconds(1), Infinite);
        clock.RunFor(TimeSpan.FromSeconds(2)); // fires, and the clock drops its queue entry
        if (dispose)
        {
            timer.Dispose();
        }

        return new WeakReference(state);
    }

    private static void CollectGarbage()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}
