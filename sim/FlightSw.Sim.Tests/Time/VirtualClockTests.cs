using FlightSw.Sim.Time;

namespace FlightSw.Sim.Tests.Time;

public class VirtualClockTests
{
    private static readonly TimeSpan Infinite = Timeout.InfiniteTimeSpan;

    [Test]
    public void Constructor_NoEpoch_StartsAtDefaultEpochWithTimeStandingStill()
    {
        var clock = new VirtualClock();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(clock.Epoch, Is.EqualTo(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero)));
            Assert.That(VirtualClock.DefaultEpoch, Is.EqualTo(clock.Epoch));
            Assert.That(clock.Elapsed, Is.EqualTo(TimeSpan.Zero));
            Assert.That(clock.GetUtcNow(), Is.EqualTo(clock.Epoch));
            Assert.That(clock.GetTimestamp(), Is.Zero);
            Assert.That(clock.TimestampFrequency, Is.EqualTo(TimeSpan.TicksPerSecond));
            Assert.That(clock.LocalTimeZone, Is.EqualTo(TimeZoneInfo.Utc));
            Assert.That(clock.ArmedTimers, Is.Zero);
            Assert.That(clock.CallbacksRun, Is.Zero);
        }
    }

    [Test]
    public void Constructor_GivenEpoch_GetUtcNowCountsFromIt()
    {
        var epoch = new DateTimeOffset(2031, 6, 21, 12, 0, 0, TimeSpan.Zero);
        var clock = new VirtualClock(epoch);

        clock.RunFor(TimeSpan.FromMinutes(90));

        Assert.That(clock.GetUtcNow(), Is.EqualTo(new DateTimeOffset(2031, 6, 21, 13, 30, 0, TimeSpan.Zero)));
    }

    [Test]
    public void CreateTimer_NullCallback_ThrowsArgumentNullException()
    {
        var clock = new VirtualClock();

        Assert.That(() => clock.CreateTimer(null!, null, TimeSpan.Zero, Infinite), Throws.ArgumentNullException);
    }

    [Test]
    public void CreateTimer_NegativeDueTime_ThrowsArgumentOutOfRangeException()
    {
        var clock = new VirtualClock();

        Assert.That(
            () => clock.CreateTimer(_ => { }, null, TimeSpan.FromSeconds(-1), Infinite),
            Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("dueTime"));
    }

    [Test]
    public void RunUntil_TimersCreatedOutOfOrder_FireInDueTimeOrder()
    {
        var clock = new VirtualClock();
        var fired = new List<string>();
        using var third = clock.CreateTimer(_ => fired.Add("3s"), null, TimeSpan.FromSeconds(3), Infinite);
        using var first = clock.CreateTimer(_ => fired.Add("1s"), null, TimeSpan.FromSeconds(1), Infinite);
        using var second = clock.CreateTimer(_ => fired.Add("2s"), null, TimeSpan.FromSeconds(2), Infinite);

        clock.RunUntil(TimeSpan.FromSeconds(10));

        Assert.That(fired, Is.EqualTo(new[] { "1s", "2s", "3s" }));
    }

    [Test]
    public void RunUntil_TimersDueAtTheSameTime_FireInCreationOrder()
    {
        var clock = new VirtualClock();
        var fired = new List<int>();
        var timers = new List<ITimer>();
        for (int i = 0; i < 20; i++)
        {
            timers.Add(clock.CreateTimer(state => fired.Add((int)state!), i, TimeSpan.FromSeconds(1), Infinite));
        }

        clock.RunUntil(TimeSpan.FromSeconds(1));

        Assert.That(fired, Is.EqualTo(Enumerable.Range(0, 20)));
        timers.ForEach(timer => timer.Dispose());
    }

    [Test]
    public void RunUntil_TimerDue_CallbackSeesTheClockAtItsDueTime()
    {
        var clock = new VirtualClock();
        DateTimeOffset seenUtc = default;
        long seenTimestamp = -1;
        TimeSpan seenElapsed = default;
        using var timer = clock.CreateTimer(
            _ =>
            {
                seenUtc = clock.GetUtcNow();
                seenTimestamp = clock.GetTimestamp();
                seenElapsed = clock.Elapsed;
            },
            null,
            TimeSpan.FromMilliseconds(1500),
            Infinite);

        clock.RunUntil(TimeSpan.FromSeconds(10));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(seenUtc, Is.EqualTo(VirtualClock.DefaultEpoch.AddMilliseconds(1500)));
            Assert.That(seenTimestamp, Is.EqualTo(TimeSpan.FromMilliseconds(1500).Ticks));
            Assert.That(seenElapsed, Is.EqualTo(TimeSpan.FromMilliseconds(1500)));
            Assert.That(clock.Elapsed, Is.EqualTo(TimeSpan.FromSeconds(10)), "the clock ends at the target");
            Assert.That(clock.GetUtcNow(), Is.EqualTo(VirtualClock.DefaultEpoch.AddSeconds(10)));
        }
    }

    [Test]
    public void GetElapsedTime_AfterRunFor_MeasuresSimulatedTime()
    {
        var clock = new VirtualClock();
        long start = clock.GetTimestamp();

        clock.RunFor(TimeSpan.FromSeconds(3.25));

        Assert.That(clock.GetElapsedTime(start), Is.EqualTo(TimeSpan.FromSeconds(3.25)));
    }

    [Test]
    public void RunUntil_TimerDueExactlyAtTarget_Fires()
    {
        var clock = new VirtualClock();
        int fired = 0;
        using var timer = clock.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(5), Infinite);

        clock.RunUntil(TimeSpan.FromSeconds(5) - TimeSpan.FromTicks(1));
        int beforeDue = fired;
        clock.RunUntil(TimeSpan.FromSeconds(5));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(beforeDue, Is.Zero);
            Assert.That(fired, Is.EqualTo(1));
            Assert.That(clock.ArmedTimers, Is.Zero, "a one-shot timer disarms when it fires");
        }
    }

    [Test]
    public void RunUntil_TimerDueAfterTarget_StaysArmed()
    {
        var clock = new VirtualClock();
        int fired = 0;
        using var timer = clock.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(5), Infinite);

        clock.RunUntil(TimeSpan.FromSeconds(4));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(fired, Is.Zero);
            Assert.That(clock.ArmedTimers, Is.EqualTo(1));
            Assert.That(clock.Elapsed, Is.EqualTo(TimeSpan.FromSeconds(4)));
        }
    }

    [Test]
    public void RunFor_ZeroDueTimer_FiresWithoutTimeMoving()
    {
        var clock = new VirtualClock();
        clock.RunFor(TimeSpan.FromSeconds(7));
        TimeSpan firedAt = default;
        using var timer = clock.CreateTimer(_ => firedAt = clock.Elapsed, null, TimeSpan.Zero, Infinite);

        clock.RunFor(TimeSpan.Zero);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(firedAt, Is.EqualTo(TimeSpan.FromSeconds(7)));
            Assert.That(clock.CallbacksRun, Is.EqualTo(1));
        }
    }

    [Test]
    public void RunUntil_PeriodicTimer_FiresOncePerPeriodFromItsDueTime()
    {
        var clock = new VirtualClock();
        var firedAt = new List<TimeSpan>();
        using var timer = clock.CreateTimer(_ => firedAt.Add(clock.Elapsed), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));

        clock.RunUntil(TimeSpan.FromSeconds(8));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(firedAt, Is.EqualTo(new[] { 1, 3, 5, 7 }.Select(s => TimeSpan.FromSeconds(s))));
            Assert.That(clock.CallbacksRun, Is.EqualTo(4));
            Assert.That(clock.ArmedTimers, Is.EqualTo(1), "a periodic timer stays armed");
        }
    }

    [Test]
    public void RunUntil_TwoPeriodicTimersWithCommonMultiples_KeepCreationOrderAtEveryTie()
    {
        var clock = new VirtualClock();
        var fired = new List<(TimeSpan At, string Name)>();
        using var slow = clock.CreateTimer(_ => fired.Add((clock.Elapsed, "slow")), null, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2));
        using var fast = clock.CreateTimer(_ => fired.Add((clock.Elapsed, "fast")), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

        clock.RunUntil(TimeSpan.FromSeconds(4));

        Assert.That(
            fired,
            Is.EqualTo(new[]
            {
                (TimeSpan.FromSeconds(1), "fast"),
                (TimeSpan.FromSeconds(2), "slow"),
                (TimeSpan.FromSeconds(2), "fast"),
                (TimeSpan.FromSeconds(3), "fast"),
                (TimeSpan.FromSeconds(4), "slow"),
                (TimeSpan.FromSeconds(4), "fast"),
            }));
    }

    [Test]
    public void Change_ToLaterDueTime_FiresOnlyAtTheNewTime()
    {
        var clock = new VirtualClock();
        var firedAt = new List<TimeSpan>();
        using var timer = clock.CreateTimer(_ => firedAt.Add(clock.Elapsed), null, TimeSpan.FromSeconds(1), Infinite);

        bool changed = timer.Change(TimeSpan.FromSeconds(3), Infinite);
        clock.RunUntil(TimeSpan.FromSeconds(10));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(changed, Is.True);
            Assert.That(firedAt, Is.EqualTo(new[] { TimeSpan.FromSeconds(3) }), "the stale entry at 1 s is skipped");
        }
    }

    [Test]
    public void Change_ToEarlierDueTime_FiresOnlyAtTheNewTime()
    {
        var clock = new VirtualClock();
        var firedAt = new List<TimeSpan>();
        using var timer = clock.CreateTimer(_ => firedAt.Add(clock.Elapsed), null, TimeSpan.FromSeconds(5), Infinite);

        timer.Change(TimeSpan.FromSeconds(2), Infinite);
        clock.RunUntil(TimeSpan.FromSeconds(10));

        Assert.That(firedAt, Is.EqualTo(new[] { TimeSpan.FromSeconds(2) }));
    }

    [Test]
    public void Change_ToInfiniteDueTime_DisarmsTheTimer()
    {
        var clock = new VirtualClock();
        int fired = 0;
        using var timer = clock.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

        bool changed = timer.Change(Infinite, Infinite);
        clock.RunUntil(TimeSpan.FromSeconds(10));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(changed, Is.True);
            Assert.That(fired, Is.Zero);
            Assert.That(clock.ArmedTimers, Is.Zero);
        }
    }

    [Test]
    public void Change_FromItsOwnCallback_ReschedulesFromTheFiringTime()
    {
        var clock = new VirtualClock();
        var firedAt = new List<TimeSpan>();
        ITimer? timer = null;
        timer = clock.CreateTimer(
            _ =>
            {
                firedAt.Add(clock.Elapsed);
                if (firedAt.Count == 1)
                {
                    timer!.Change(TimeSpan.FromSeconds(5), Infinite);
                }
            },
            null,
            TimeSpan.FromSeconds(1),
            Infinite);

        clock.RunUntil(TimeSpan.FromSeconds(20));
        timer.Dispose();

        Assert.That(firedAt, Is.EqualTo(new[] { TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(6) }));
    }

    [Test]
    public void Change_NegativePeriod_ThrowsArgumentOutOfRangeException()
    {
        var clock = new VirtualClock();
        using var timer = clock.CreateTimer(_ => { }, null, Infinite, Infinite);

        Assert.That(
            () => timer.Change(TimeSpan.Zero, TimeSpan.FromMilliseconds(-5)),
            Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("period"));
    }

    [Test]
    public void Change_RearmedToTheDueTimeOfAStaleEntry_FiresOnceInArmingOrder()
    {
        // b's first entry (10 s) goes stale when b is moved to 5 s; when b fires at 5 s and re-arms
        // itself for 10 s, that stale entry must not stand in for the new one and jump the tie with a.
        var clock = new VirtualClock();
        var fired = new List<(TimeSpan At, string Name)>();
        using var a = clock.CreateTimer(_ => fired.Add((clock.Elapsed, "a")), null, Infinite, Infinite);
        ITimer? b = null;
        b = clock.CreateTimer(
            _ =>
            {
                fired.Add((clock.Elapsed, "b"));
                if (fired.Count == 1)
                {
                    b!.Change(TimeSpan.FromSeconds(5), Infinite);
                }
            },
            null,
            TimeSpan.FromSeconds(10),
            Infinite);
        b.Change(TimeSpan.FromSeconds(5), Infinite);
        a.Change(TimeSpan.FromSeconds(10), Infinite);

        clock.RunUntil(TimeSpan.FromSeconds(20));
        b.Dispose();

        Assert.That(
            fired,
            Is.EqualTo(new[]
            {
                (TimeSpan.FromSeconds(5), "b"),
                (TimeSpan.FromSeconds(10), "a"),
                (TimeSpan.FromSeconds(10), "b"),
            }));
    }

    [Test]
    public void Dispose_ArmedTimer_NeverFiresAndChangeReturnsFalse()
    {
        var clock = new VirtualClock();
        int fired = 0;
        var timer = clock.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

        timer.Dispose();
        bool changed = timer.Change(TimeSpan.FromSeconds(1), Infinite);
        clock.RunUntil(TimeSpan.FromSeconds(10));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(changed, Is.False);
            Assert.That(fired, Is.Zero);
            Assert.That(clock.ArmedTimers, Is.Zero);
            Assert.That(clock.CallbacksRun, Is.Zero);
        }
    }

    [Test]
    public async Task DisposeAsync_ArmedTimer_NeverFires()
    {
        var clock = new VirtualClock();
        int fired = 0;
        var timer = clock.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(1), Infinite);

        await timer.DisposeAsync();
        clock.RunUntil(TimeSpan.FromSeconds(10));

        Assert.That(fired, Is.Zero);
    }

    [Test]
    public void Dispose_PeriodicTimerFromItsOwnCallback_StopsIt()
    {
        var clock = new VirtualClock();
        int fired = 0;
        ITimer? timer = null;
        timer = clock.CreateTimer(
            _ =>
            {
                if (++fired == 3)
                {
                    timer!.Dispose();
                }
            },
            null,
            TimeSpan.FromSeconds(1),
            TimeSpan.FromSeconds(1));

        clock.RunUntil(TimeSpan.FromSeconds(10));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(fired, Is.EqualTo(3));
            Assert.That(clock.ArmedTimers, Is.Zero);
        }
    }

    [Test]
    public void ArmedTimers_MixOfArmedDisarmedAndDisposed_CountsOnlyLiveTimers()
    {
        var clock = new VirtualClock();
        using var oneShot = clock.CreateTimer(_ => { }, null, TimeSpan.FromSeconds(1), Infinite);
        using var periodic = clock.CreateTimer(_ => { }, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        using var unarmed = clock.CreateTimer(_ => { }, null, Infinite, Infinite);
        var disposed = clock.CreateTimer(_ => { }, null, TimeSpan.FromSeconds(1), Infinite);
        disposed.Dispose();

        int before = clock.ArmedTimers;
        clock.RunUntil(TimeSpan.FromSeconds(2));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(before, Is.EqualTo(2));
            Assert.That(clock.ArmedTimers, Is.EqualTo(1), "only the periodic timer is left");
        }
    }

    [Test]
    public void ArmedTimers_TimerChangedRepeatedly_CountsItOnce()
    {
        var clock = new VirtualClock();
        using var timer = clock.CreateTimer(_ => { }, null, TimeSpan.FromSeconds(1), Infinite);

        timer.Change(TimeSpan.FromSeconds(2), Infinite);
        timer.Change(TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(1));

        Assert.That(clock.ArmedTimers, Is.EqualTo(1));
    }

    [Test]
    public void ArmedTimers_TimerChangedToTheSameDueTime_CountsItOnceAndFiresOnce()
    {
        var clock = new VirtualClock();
        int fired = 0;
        using var timer = clock.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(1), Infinite);

        timer.Change(TimeSpan.FromSeconds(1), Infinite);
        int armed = clock.ArmedTimers;
        clock.RunUntil(TimeSpan.FromSeconds(5));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(armed, Is.EqualTo(1));
            Assert.That(fired, Is.EqualTo(1));
        }
    }

    [Test]
    public void RunUntilCondition_ConditionHoldsAfterThirdTick_ReturnsTrueAtThatTick()
    {
        var clock = new VirtualClock();
        int ticks = 0;
        using var timer = clock.CreateTimer(_ => ticks++, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

        bool held = clock.RunUntil(() => ticks == 3, TimeSpan.FromMinutes(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(held, Is.True);
            Assert.That(ticks, Is.EqualTo(3));
            Assert.That(clock.Elapsed, Is.EqualTo(TimeSpan.FromSeconds(3)));
        }
    }

    [Test]
    public void RunUntilCondition_TwoTimersDueTogether_ReturnsAfterTheFirstCallback()
    {
        var clock = new VirtualClock();
        var fired = new List<string>();
        using var first = clock.CreateTimer(_ => fired.Add("first"), null, TimeSpan.FromSeconds(1), Infinite);
        using var second = clock.CreateTimer(_ => fired.Add("second"), null, TimeSpan.FromSeconds(1), Infinite);

        bool held = clock.RunUntil(() => fired.Count > 0, TimeSpan.FromMinutes(1));
        var afterReturn = fired.ToArray();
        clock.RunFor(TimeSpan.Zero);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(held, Is.True);
            Assert.That(afterReturn, Is.EqualTo(new[] { "first" }));
            Assert.That(fired, Is.EqualTo(new[] { "first", "second" }), "the second fires on the next run, still at 1 s");
            Assert.That(clock.Elapsed, Is.EqualTo(TimeSpan.FromSeconds(1)));
        }
    }

    [Test]
    public void RunUntilCondition_AlreadyTrue_ReturnsTrueWithoutRunning()
    {
        var clock = new VirtualClock();
        int fired = 0;
        using var timer = clock.CreateTimer(_ => fired++, null, TimeSpan.Zero, Infinite);

        bool held = clock.RunUntil(() => true, TimeSpan.FromMinutes(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(held, Is.True);
            Assert.That(fired, Is.Zero);
            Assert.That(clock.Elapsed, Is.EqualTo(TimeSpan.Zero));
        }
    }

    [Test]
    public void RunUntilCondition_NeverTrue_StopsAtTheLimitCountedFromNowAndReturnsFalse()
    {
        var clock = new VirtualClock();
        clock.RunFor(TimeSpan.FromSeconds(5));
        int ticks = 0;
        using var timer = clock.CreateTimer(_ => ticks++, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

        bool held = clock.RunUntil(() => false, TimeSpan.FromSeconds(10));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(held, Is.False);
            Assert.That(clock.Elapsed, Is.EqualTo(TimeSpan.FromSeconds(15)));
            Assert.That(ticks, Is.EqualTo(10), "the tick due exactly at the limit fires too");
        }
    }

    [Test]
    public void RunUntilCondition_TrueOnlyAtTheLimitWithoutCallbacks_ReturnsTrue()
    {
        var clock = new VirtualClock();

        bool held = clock.RunUntil(() => clock.Elapsed >= TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(held, Is.True);
            Assert.That(clock.Elapsed, Is.EqualTo(TimeSpan.FromSeconds(30)));
        }
    }

    [Test]
    public void RunUntilCondition_NullCondition_ThrowsArgumentNullException()
    {
        var clock = new VirtualClock();

        Assert.That(() => clock.RunUntil(null!, TimeSpan.FromSeconds(1)), Throws.ArgumentNullException);
    }

    [Test]
    public void RunUntilCondition_NegativeLimit_ThrowsArgumentOutOfRangeException()
    {
        var clock = new VirtualClock();
        clock.RunFor(TimeSpan.FromSeconds(5));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(() => clock.RunUntil(() => false, TimeSpan.FromSeconds(-1)), Throws.TypeOf<ArgumentOutOfRangeException>());
            Assert.That(clock.Elapsed, Is.EqualTo(TimeSpan.FromSeconds(5)));
        }
    }

    [Test]
    public void RunUntil_EarlierThanNow_ThrowsArgumentOutOfRangeAndTimeStays()
    {
        var clock = new VirtualClock();
        clock.RunFor(TimeSpan.FromSeconds(5));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(
                () => clock.RunUntil(TimeSpan.FromSeconds(4)),
                Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contains("cannot run backwards"));
            Assert.That(clock.Elapsed, Is.EqualTo(TimeSpan.FromSeconds(5)));
        }
    }

    [Test]
    public void RunFor_NegativeDuration_ThrowsArgumentOutOfRangeException()
    {
        var clock = new VirtualClock();

        Assert.That(() => clock.RunFor(TimeSpan.FromTicks(-1)), Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void RunUntil_CalledFromACallback_ThrowsInvalidOperationException()
    {
        var clock = new VirtualClock();
        Exception? fromRunUntil = null;
        Exception? fromRunFor = null;
        Exception? fromRunUntilCondition = null;
        using var timer = clock.CreateTimer(
            _ =>
            {
                fromRunUntil = Catch(() => clock.RunUntil(TimeSpan.FromSeconds(2)));
                fromRunFor = Catch(() => clock.RunFor(TimeSpan.FromSeconds(1)));
                fromRunUntilCondition = Catch(() => clock.RunUntil(() => false, TimeSpan.FromSeconds(1)));
            },
            null,
            TimeSpan.FromSeconds(1),
            Infinite);

        clock.RunUntil(TimeSpan.FromSeconds(5));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(fromRunUntil, Is.TypeOf<InvalidOperationException>());
            Assert.That(fromRunFor, Is.TypeOf<InvalidOperationException>());
            Assert.That(fromRunUntilCondition, Is.TypeOf<InvalidOperationException>());
            Assert.That(clock.Elapsed, Is.EqualTo(TimeSpan.FromSeconds(5)), "the outer run completes");
        }
    }

    [Test]
    public void RunUntil_AfterARunThatWasRefusedReentry_CanRunAgain()
    {
        var clock = new VirtualClock();
        using var timer = clock.CreateTimer(_ => Catch(() => clock.RunFor(TimeSpan.FromSeconds(1))), null, TimeSpan.FromSeconds(1), Infinite);
        clock.RunUntil(TimeSpan.FromSeconds(2));
        int fired = 0;
        using var later = clock.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(1), Infinite);

        clock.RunFor(TimeSpan.FromSeconds(1));

        Assert.That(fired, Is.EqualTo(1));
    }

    [Test]
    public void Consume_InsideACallback_TimersDueMeanwhileFireLateAfterTheCallback()
    {
        var clock = new VirtualClock();
        var events = new List<(TimeSpan At, string What)>();
        using var busy = clock.CreateTimer(
            _ =>
            {
                events.Add((clock.Elapsed, "busy starts"));
                clock.Consume(TimeSpan.FromSeconds(3));
                events.Add((clock.Elapsed, "busy ends"));
            },
            null,
            TimeSpan.FromSeconds(1),
            Infinite);
        using var overrun = clock.CreateTimer(_ => events.Add((clock.Elapsed, "due at 2 s")), null, TimeSpan.FromSeconds(2), Infinite);
        using var onTime = clock.CreateTimer(_ => events.Add((clock.Elapsed, "due at 5 s")), null, TimeSpan.FromSeconds(5), Infinite);

        clock.RunUntil(TimeSpan.FromSeconds(10));

        Assert.That(
            events,
            Is.EqualTo(new[]
            {
                (TimeSpan.FromSeconds(1), "busy starts"),
                (TimeSpan.FromSeconds(4), "busy ends"),
                (TimeSpan.FromSeconds(4), "due at 2 s"),
                (TimeSpan.FromSeconds(5), "due at 5 s"),
            }));
    }

    [Test]
    public void Consume_PastTheRunTarget_LeavesTheClockWhereTheWorkEnded()
    {
        var clock = new VirtualClock();
        using var busy = clock.CreateTimer(_ => clock.Consume(TimeSpan.FromSeconds(30)), null, TimeSpan.FromSeconds(1), Infinite);

        clock.RunUntil(TimeSpan.FromSeconds(10));

        Assert.That(clock.Elapsed, Is.EqualTo(TimeSpan.FromSeconds(31)));
    }

    [Test]
    public void Consume_NegativeDuration_ThrowsArgumentOutOfRangeException()
    {
        var clock = new VirtualClock();

        Assert.That(() => clock.Consume(TimeSpan.FromTicks(-1)), Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void RunUntil_CallbackThrows_ExceptionPropagatesAndTheClockRunsOnAfterwards()
    {
        var clock = new VirtualClock();
        using var faulty = clock.CreateTimer(_ => throw new InvalidOperationException("component crashed"), null, TimeSpan.FromSeconds(1), Infinite);
        int laterFired = 0;
        using var later = clock.CreateTimer(_ => laterFired++, null, TimeSpan.FromSeconds(2), Infinite);

        Assert.That(() => clock.RunUntil(TimeSpan.FromSeconds(5)), Throws.InvalidOperationException.With.Message.EqualTo("component crashed"));
        TimeSpan stoppedAt = clock.Elapsed;
        clock.RunUntil(TimeSpan.FromSeconds(5));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(stoppedAt, Is.EqualTo(TimeSpan.FromSeconds(1)), "the run stops at the failing callback");
            Assert.That(laterFired, Is.EqualTo(1));
            Assert.That(clock.Elapsed, Is.EqualTo(TimeSpan.FromSeconds(5)));
        }
    }

    [Test]
    public void RunUntilCondition_CallbackThrows_ExceptionPropagates()
    {
        var clock = new VirtualClock();
        using var faulty = clock.CreateTimer(_ => throw new InvalidDataException("bad frame"), null, TimeSpan.FromSeconds(1), Infinite);

        Assert.That(() => clock.RunUntil(() => false, TimeSpan.FromSeconds(5)), Throws.TypeOf<InvalidDataException>());
    }

    [Test]
    public void TaskDelay_OnTheClock_CompletesExactlyWhenTheClockReachesItsDueTime()
    {
        var clock = new VirtualClock();

        var delay = Task.Delay(TimeSpan.FromSeconds(10), clock);
        clock.RunFor(TimeSpan.FromSeconds(10) - TimeSpan.FromTicks(1));
        bool completedEarly = delay.IsCompleted;
        clock.RunFor(TimeSpan.FromTicks(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(completedEarly, Is.False);
            Assert.That(delay.IsCompletedSuccessfully, Is.True);
        }
    }

    [Test]
    public void TaskDelay_CanceledBeforeDue_IsCanceledAndItsTimerDisarmed()
    {
        var clock = new VirtualClock();
        using var cancel = new CancellationTokenSource();

        var delay = Task.Delay(TimeSpan.FromSeconds(10), clock, cancel.Token);
        cancel.Cancel();
        clock.RunFor(TimeSpan.FromSeconds(20));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(delay.IsCanceled, Is.True);
            Assert.That(clock.ArmedTimers, Is.Zero);
        }
    }

    [Test]
    public void RunUntil_WithPacer_PacerIsAskedForEachDueTimeThenTheTarget()
    {
        var clock = new VirtualClock();
        var pacer = new RecordingPacer();
        using var first = clock.CreateTimer(_ => { }, null, TimeSpan.FromSeconds(1), Infinite);
        using var second = clock.CreateTimer(_ => { }, null, TimeSpan.FromSeconds(3), Infinite);

        clock.RunUntil(TimeSpan.FromSeconds(5), pacer);

        Assert.That(pacer.Requests, Is.EqualTo(new[] { 1, 3, 5 }.Select(s => TimeSpan.FromSeconds(s))));
    }

    [Test]
    public void RunUntil_SameProgramTwice_GivesTheSameSequence()
    {
        var first = RunProgram(seed: 42);
        var second = RunProgram(seed: 42);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first, Has.Count.GreaterThan(100));
            Assert.That(second, Is.EqualTo(first));
        }
    }

    [Test]
    public void RunUntil_ProgramWithDifferentSeed_GivesADifferentSequence()
    {
        Assert.That(RunProgram(seed: 2), Is.Not.EqualTo(RunProgram(seed: 1)));
    }

    /// <summary>
    /// A busy little program: periodic timers at co-prime periods, one-shots created from
    /// callbacks at random delays, work that overruns with Consume, changes and disposals.
    /// </summary>
    private static List<(long Ticks, string What)> RunProgram(int seed)
    {
        var clock = new VirtualClock();
        var random = new Random(seed);
        var trace = new List<(long, string)>();
        var timers = new List<ITimer>();

        void Spawn(int generation)
        {
            var delay = TimeSpan.FromMilliseconds(random.Next(0, 500));
            ITimer? timer = null;
            timer = clock.CreateTimer(
                _ =>
                {
                    trace.Add((clock.GetTimestamp(), $"spawn{generation}"));
                    if (generation < 6)
                    {
                        Spawn(generation + 1);
                        Spawn(generation + 1);
                    }

                    timer!.Dispose();
                },
                null,
                delay,
                Infinite);
            timers.Add(timer);
        }

        timers.Add(clock.CreateTimer(_ => trace.Add((clock.GetTimestamp(), "p100")), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(100)));
        timers.Add(clock.CreateTimer(
            _ =>
            {
                trace.Add((clock.GetTimestamp(), "p70"));
                clock.Consume(TimeSpan.FromMilliseconds(random.Next(0, 150)));
            },
            null,
            TimeSpan.FromMilliseconds(70),
            TimeSpan.FromMilliseconds(70)));
        ITimer? mover = null;
        mover = clock.CreateTimer(
            _ =>
            {
                trace.Add((clock.GetTimestamp(), "mover"));
                mover!.Change(TimeSpan.FromMilliseconds(random.Next(1, 300)), Infinite);
            },
            null,
            TimeSpan.FromMilliseconds(30),
            Infinite);
        timers.Add(mover);
        Spawn(0);

        clock.RunUntil(TimeSpan.FromSeconds(5));
        timers.ForEach(timer => timer.Dispose());
        return trace;
    }

    private static Exception? Catch(Action action)
    {
        try
        {
            action();
            return null;
        }
        catch (Exception exception)
        {
            return exception;
        }
    }

    private sealed class RecordingPacer : IClockPacer
    {
        public List<TimeSpan> Requests { get; } = [];

        public void WaitUntil(TimeSpan elapsed) => Requests.Add(elapsed);
    }
}
