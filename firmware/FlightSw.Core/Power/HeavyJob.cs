namespace FlightSw.Core.Power;

/// <summary>
/// A heavy job <see cref="PowerManager"/> let start: ends the board's workload job and tells the
/// manager, once, however often it is disposed and from whichever thread.
/// </summary>
internal sealed class HeavyJob(IDisposable workloadJob, Action ended) : IDisposable
{
    private int _ended;

    /// <inheritdoc />
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _ended, 1) == 0)
        {
            workloadJob.Dispose();
            ended();
        }
    }
}
