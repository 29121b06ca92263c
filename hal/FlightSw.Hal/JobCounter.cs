namespace FlightSw.Hal;

/// <summary>
/// The plain <see cref="IWorkload"/>: counts the running jobs and tells who listens when the
/// count changes. Hardware backends use it as is; the simulator listens to drive its load model.
/// Thread-safe: jobs may start and end on any thread.
/// </summary>
public sealed class JobCounter : IWorkload
{
    private int _running;

    /// <summary>Raised after every change of <see cref="RunningJobs"/>, with the new count.</summary>
    public event Action<int>? Changed;

    /// <inheritdoc />
    public int RunningJobs => Volatile.Read(ref _running);

    /// <inheritdoc />
    public IDisposable BeginJob(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);

        // Counted before the listeners hear of it (and whether or not anyone listens).
        int running = Interlocked.Increment(ref _running);
        Changed?.Invoke(running);
        return new Job(this);
    }

    private void End()
    {
        int running = Interlocked.Decrement(ref _running);
        Changed?.Invoke(running);
    }

    /// <summary>One running job; ends once, however often it is disposed.</summary>
    private sealed class Job(JobCounter owner) : IDisposable
    {
        private int _ended;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _ended, 1) == 0)
            {
                owner.End();
            }
        }
    }
}
