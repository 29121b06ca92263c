namespace FlightSw.Sim.Time;

/// <summary>
/// A discrete-event clock: a <see cref="TimeProvider"/> whose time stands still until the
/// simulation runs it, then jumps from one due timer to the next. Timers fire in due-time order,
/// ties in creation order, on the thread that runs the clock, so the same inputs give the same
/// run every time. A day of simulated time costs only the work its timers do.
/// </summary>
public sealed class VirtualClock : TimeProvider
{
    /// <summary>Default epoch: the simulated mission starts at 2030-01-01T00:00:00Z.</summary>
    public static readonly DateTimeOffset DefaultEpoch = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly PriorityQueue<VirtualTimer, (long DueTicks, long Sequence)> _queue = new();
    private readonly Lock _gate = new();
    private long _nowTicks;
    private long _sequence;
    private bool _running;

    /// <summary>Creates a clock at elapsed time zero.</summary>
    /// <param name="epoch">Wall-clock date of elapsed time zero; <see cref="DefaultEpoch"/> when null.</param>
    public VirtualClock(DateTimeOffset? epoch = null)
    {
        Epoch = epoch ?? DefaultEpoch;
    }

    /// <summary>The date at elapsed time zero.</summary>
    public DateTimeOffset Epoch { get; }

    /// <summary>Simulated time since the epoch.</summary>
    public TimeSpan Elapsed => TimeSpan.FromTicks(Volatile.Read(ref _nowTicks));

    /// <summary>How many timer callbacks have run.</summary>
    public long CallbacksRun { get; private set; }

    /// <summary>How many timers are armed.</summary>
    public int ArmedTimers
    {
        get
        {
            lock (_gate)
            {
                int count = 0;
                foreach (var (timer, priority) in _queue.UnorderedItems)
                {
                    // A changed timer leaves stale entries behind; only its live entry counts.
                    if (timer.TryClaim(priority.DueTicks, priority.Sequence))
                    {
                        count++;
                    }
                }

                return count;
            }
        }
    }

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => Epoch + Elapsed;

    /// <inheritdoc />
    public override long GetTimestamp() => Volatile.Read(ref _nowTicks);

    /// <inheritdoc />
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new VirtualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>
    /// Runs every timer due at or before <paramref name="elapsed"/>, in order, then leaves the
    /// clock at <paramref name="elapsed"/>. Exceptions from callbacks propagate to the caller,
    /// as an unhandled exception would end a real process.
    /// </summary>
    /// <param name="elapsed">Simulated time since the epoch to run to; not before <see cref="Elapsed"/>.</param>
    /// <param name="pacer">Optional: waits before each callback, for example to follow wall-clock time.</param>
    public void RunUntil(TimeSpan elapsed, IClockPacer? pacer = null)
    {
        if (elapsed.Ticks < _nowTicks)
        {
            throw new ArgumentOutOfRangeException(nameof(elapsed), elapsed, $"The clock is already at {Elapsed}; it cannot run backwards.");
        }

        EnterRun();
        try
        {
            while (TryTakeDue(elapsed.Ticks, out var timer, out long dueTicks))
            {
                pacer?.WaitUntil(TimeSpan.FromTicks(dueTicks));
                AdvanceTo(dueTicks);
                CallbacksRun++;
                timer.Fire();
            }

            pacer?.WaitUntil(elapsed);
            AdvanceTo(elapsed.Ticks);
        }
        finally
        {
            _running = false;
        }
    }

    /// <summary>Runs the clock forward by <paramref name="duration"/>; see <see cref="RunUntil(TimeSpan, IClockPacer?)"/>.</summary>
    public void RunFor(TimeSpan duration, IClockPacer? pacer = null) => RunUntil(Elapsed + duration, pacer);

    /// <summary>
    /// Runs the clock until <paramref name="condition"/> holds after a callback, or until
    /// <paramref name="limit"/> of simulated time has passed. Returns whether the condition held.
    /// </summary>
    public bool RunUntil(Func<bool> condition, TimeSpan limit)
    {
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, TimeSpan.Zero);
        long endTicks = checked(_nowTicks + limit.Ticks);
        if (condition())
        {
            return true;
        }

        EnterRun();
        try
        {
            while (TryTakeDue(endTicks, out var timer, out long dueTicks))
            {
                AdvanceTo(dueTicks);
                CallbacksRun++;
                timer.Fire();
                if (condition())
                {
                    return true;
                }
            }

            AdvanceTo(endTicks);
            return condition();
        }
        finally
        {
            _running = false;
        }
    }

    /// <summary>
    /// Models a processor busy for <paramref name="duration"/> inside a callback: time moves on,
    /// but timers that fall due meanwhile fire only after the callback returns, late, as on a
    /// real single-threaded executive.
    /// </summary>
    public void Consume(TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        AdvanceTo(checked(_nowTicks + duration.Ticks));
    }

    /// <summary>
    /// Queues <paramref name="timer"/> at <paramref name="dueTicks"/> and makes the new entry its
    /// live one, both under the clock's lock, so that a run on another thread never sees the entry
    /// before the timer knows it.
    /// </summary>
    internal void Schedule(VirtualTimer timer, long dueTicks)
    {
        lock (_gate)
        {
            long sequence = _sequence++;
            timer.SetLiveEntry(dueTicks, sequence);
            _queue.Enqueue(timer, (dueTicks, sequence));
        }
    }

    internal long NowTicks => Volatile.Read(ref _nowTicks);

    private void EnterRun()
    {
        if (_running)
        {
            throw new InvalidOperationException("The virtual clock is already running; a timer callback cannot run it again.");
        }

        _running = true;
    }

    private void AdvanceTo(long ticks)
    {
        if (ticks > _nowTicks)
        {
            Volatile.Write(ref _nowTicks, ticks);
        }
    }

    private bool TryTakeDue(long limitTicks, out VirtualTimer timer, out long dueTicks)
    {
        lock (_gate)
        {
            while (_queue.TryPeek(out var candidate, out var priority))
            {
                if (priority.DueTicks > limitTicks)
                {
                    break;
                }

                _queue.Dequeue();
                if (candidate.TryClaim(priority.DueTicks, priority.Sequence))
                {
                    timer = candidate;
                    dueTicks = Math.Max(priority.DueTicks, _nowTicks);
                    return true;
                }
            }
        }

        timer = null!;
        dueTicks = 0;
        return false;
    }
}
