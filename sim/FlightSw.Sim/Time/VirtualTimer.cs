namespace FlightSw.Sim.Time;

/// <summary>
/// A timer on a <see cref="VirtualClock"/>. Changing or disposing it leaves its old queue entry
/// behind; that entry is recognised as stale by its due time and skipped.
/// </summary>
internal sealed class VirtualTimer : ITimer
{
    private readonly VirtualClock _clock;
    private readonly TimerCallback _callback;
    private readonly object? _state;
    private long _dueTicks = -1;
    private long _periodTicks;
    private bool _disposed;

    public VirtualTimer(VirtualClock clock, TimerCallback callback, object? state)
    {
        _clock = clock;
        _callback = callback;
        _state = state;
    }

    public bool IsArmed => !_disposed && _dueTicks >= 0;

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

        _dueTicks = checked(_clock.NowTicks + dueTime.Ticks);
        _clock.Schedule(this, _dueTicks);
        return true;
    }

    /// <summary>True when the queue entry due at <paramref name="dueTicks"/> is this timer's live one.</summary>
    public bool TryClaim(long dueTicks) => !_disposed && _dueTicks == dueTicks;

    public void Fire()
    {
        // Re-arm before the callback so that the callback may change or dispose the timer.
        if (_periodTicks > 0)
        {
            _dueTicks = checked(_dueTicks + _periodTicks);
            _clock.Schedule(this, _dueTicks);
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
