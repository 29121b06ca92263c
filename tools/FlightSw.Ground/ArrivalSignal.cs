namespace FlightSw.Ground;

/// <summary>
/// Wakes threads waiting on a condition whenever something arrives: the receive thread calls
/// <see cref="Pulse"/> after it changed state; a waiter looks at its condition again at every
/// pulse, and at least every <see cref="PollSlice"/>, until it holds or its limit passes.
/// </summary>
internal sealed class ArrivalSignal
{
    /// <summary>Longest a waiter sleeps between looks at its condition when nothing arrives: 50 ms.</summary>
    public static readonly TimeSpan PollSlice = TimeSpan.FromMilliseconds(50);

    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private long _version;

    /// <param name="time">The clock that measures the waits' limits.</param>
    public ArrivalSignal(TimeProvider time) => _time = time;

    /// <summary>Wakes every waiter.</summary>
    public void Pulse()
    {
        Interlocked.Increment(ref _version);
        lock (_gate)
        {
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>
    /// Waits until <paramref name="condition"/> holds (true) or <paramref name="limit"/> passes
    /// or <paramref name="open"/> turns false with the condition still false (false).
    /// </summary>
    public bool WaitUntil(Func<bool> condition, TimeSpan limit, Func<bool> open)
    {
        long start = _time.GetTimestamp();
        while (true)
        {
            // Read the version before the condition: a pulse after the look is then not missed.
            long version = Volatile.Read(ref _version);
            if (condition())
            {
                return true;
            }

            var remaining = limit - _time.GetElapsedTime(start);
            if (remaining <= TimeSpan.Zero || !open())
            {
                return false;
            }

            lock (_gate)
            {
                if (Volatile.Read(ref _version) == version)
                {
                    Monitor.Wait(_gate, remaining < PollSlice ? remaining : PollSlice);
                }
            }
        }
    }
}
