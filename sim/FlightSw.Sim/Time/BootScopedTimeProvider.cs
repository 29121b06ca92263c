namespace FlightSw.Sim.Time;

/// <summary>
/// The clock one boot of the flight software sees: the board's virtual clock, but every timer
/// created through it dies when the boot ends (a reset stops all software), while the hardware's
/// own timers (watchdog, environment) run on.
/// </summary>
public sealed class BootScopedTimeProvider : TimeProvider
{
    private readonly VirtualClock _clock;
    private readonly HashSet<ScopedTimer> _timers = [];
    private readonly Lock _gate = new();
    private bool _ended;

    /// <summary>Creates the boot's view of <paramref name="clock"/>.</summary>
    public BootScopedTimeProvider(VirtualClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        _clock = clock;
    }

    /// <summary>Whether the boot has ended and its timers are dead.</summary>
    public bool HasEnded => _ended;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => _clock.GetUtcNow();

    /// <inheritdoc />
    public override long GetTimestamp() => _clock.GetTimestamp();

    /// <inheritdoc />
    public override long TimestampFrequency => _clock.TimestampFrequency;

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => _clock.LocalTimeZone;

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        lock (_gate)
        {
            if (_ended)
            {
                // Software of a boot that has ended gets timers that never fire: already
                // disposed, so that Change cannot arm them either.
                var dead = _clock.CreateTimer(callback, state, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                dead.Dispose();
                return dead;
            }

            var timer = new ScopedTimer(this, _clock.CreateTimer(callback, state, dueTime, period));
            _timers.Add(timer);
            return timer;
        }
    }

    /// <summary>Ends the boot: every timer created through this provider stops for good.</summary>
    public void EndBoot()
    {
        lock (_gate)
        {
            _ended = true;
            foreach (var timer in _timers)
            {
                timer.Inner.Dispose();
            }

            _timers.Clear();
        }
    }

    private void Forget(ScopedTimer timer)
    {
        lock (_gate)
        {
            _timers.Remove(timer);
        }
    }

    /// <summary>Forwards to the clock's timer and leaves the boot's list when disposed, so that short-lived timers do not pile up.</summary>
    private sealed class ScopedTimer(BootScopedTimeProvider owner, ITimer inner) : ITimer
    {
        public ITimer Inner { get; } = inner;

        public bool Change(TimeSpan dueTime, TimeSpan period) => Inner.Change(dueTime, period);

        public void Dispose()
        {
            Inner.Dispose();
            owner.Forget(this);
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
