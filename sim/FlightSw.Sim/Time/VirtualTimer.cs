namespace FlightSw.Sim.Time;

/// <summary>
/// A timer on a <see cref="VirtualClock"/>. Changing or disposing it leaves its old queue entry
/// behind; that entry is recognised as stale by its sequence number and skipped. (The due time
/// alone is not enough: a timer re-armed to the due time of one of its stale entries would
/// otherwise fire from the stale entry, ahead of timers armed before it.)
/// </summary>
internal sealed class VirtualTimer : ITimer
{
    private readonly VirtualClock _clock;
    private readonly TimerCallback _callback;
    private readonly object? _state;
    private long _dueTicks = -1;
    private long _sequence = -1;
    private long _periodTicks;
    private bool _disposed;

    public VirtualTimer(VirtualClock clock, TimerCallback callback, object? state)
    {
        _clock = clock;
        _callback = callback;
        _state = state;
    }

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        if (_disposed)
        {
            return false;
        }

        ValidateInterval(dueTime, nameof(dueTime));
        ValidateInterval(period, nameof(period));
        _periodTicks = period == Timeout.InfiniteTimeSpan ? 0 : period.Ticks;
        if (dueTime == Timeout.InfiniteTimeSpan)
        {
            _dueTicks = -1;
            return true;
        }

        _clock.Schedule(this, checked(_clock.NowTicks + dueTime.Ticks));
        return true;
    }

    /// <summary>Records the queue entry just made as the live one. Called by the clock under its lock.</summary>
    public void SetLiveEntry(long dueTicks, long sequence)
    {
        _dueTicks = dueTicks;
        _sequence = sequence;
    }

    /// <summary>True when the queue entry (<paramref name="dueTicks"/>, <paramref name="sequence"/>) is this timer's live one.</summary>
    public bool TryClaim(long dueTicks, long sequence) => !_disposed && _dueTicks == dueTicks && _sequence == sequence;

    public void Fire()
    {
        // Re-arm before the callback so that the callback may change or dispose the timer.
        if (_periodTicks > 0)
        {
            _clock.Schedule(this, checked(_dueTicks + _periodTicks));
        }
        else
        {
            _dueTicks = -1;
        }

        _callback(_state);
    }

    public void Dispose()
    {
        _disposed = true;
        _dueTicks = -1;
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private static void ValidateInterval(TimeSpan value, string name)
    {
        if (value < TimeSpan.Zero && value != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(name, value, "A timer interval must be zero or positive, or Timeout.InfiniteTimeSpan.");
        }
    }
}
