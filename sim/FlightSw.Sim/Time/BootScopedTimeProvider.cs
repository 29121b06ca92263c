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
    private bool _frozen;
    private long _created;

    /// <summary>Creates the boot's view of <paramref name="clock"/>.</summary>
    public BootScopedTimeProvider(VirtualClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        _clock = clock;
    }

    /// <summary>Whether the boot has ended and its timers are dead.</summary>
    public bool HasEnded => _ended;

    /// <summary>Whether a functional interrupt has stopped every timer of the boot (<see cref="FreezeAll"/>).</summary>
    public bool IsFrozen => _frozen;

    /// <summary>Timers of the boot that can still fire.</summary>
    public int LiveTimers
    {
        get
        {
            lock (_gate)
            {
                return _timers.Count(t => !t.IsStopped);
            }
        }
    }

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
            if (_ended || _frozen)
            {
                // Software of a boot that has ended gets timers that never fire: already
                // disposed, so that Change cannot arm them either.
                var dead = _clock.CreateTimer(callback, state, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                dead.Dispose();
                return dead;
            }

            var timer = new ScopedTimer(this, _clock.CreateTimer(callback, state, dueTime, period), ++_created);
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

    /// <summary>
    /// A functional interrupt that stops the whole board: every timer of the boot stops, and
    /// timers created later never fire, while the software's state stays as it was. Only a
    /// reset (which ends the boot) gets the board going again.
    /// </summary>
    public void FreezeAll()
    {
        lock (_gate)
        {
            _frozen = true;
            foreach (var timer in _timers)
            {
                timer.Stop();
            }
        }
    }

    /// <summary>
    /// A functional interrupt that stops one thread: the live timer at position
    /// <paramref name="pick"/> (modulo their number) in creation order stops for good.
    /// </summary>
    /// <returns>Whether there was a live timer to stop.</returns>
    public bool FreezeOne(int pick)
    {
        lock (_gate)
        {
            var live = _timers.Where(t => !t.IsStopped).OrderBy(t => t.Sequence).ToList();
            if (live.Count == 0)
            {
                return false;
            }

            live[(int)((uint)pick % (uint)live.Count)].Stop();
            return true;
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
    private sealed class ScopedTimer(BootScopedTimeProvider owner, ITimer inner, long sequence) : ITimer
    {
        public ITimer Inner { get; } = inner;

        /// <summary>Creation order within the boot, for a reproducible choice of the timer a functional interrupt stops.</summary>
        public long Sequence { get; } = sequence;

        /// <summary>Whether a functional interrupt stopped this timer (its thread hangs: Change no longer arms it).</summary>
        public bool IsStopped { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period) => !IsStopped && Inner.Change(dueTime, period);

        public void Stop()
        {
            IsStopped = true;
            Inner.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }

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
