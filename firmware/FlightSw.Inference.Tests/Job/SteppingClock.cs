namespace FlightSw.Inference.Tests.Job;

/// <summary>A clock that moves <see cref="Step"/> forward every time it is read, to give work a known duration.</summary>
internal sealed class SteppingClock(TimeSpan step) : TimeProvider
{
    private long _ticks;

    public TimeSpan Step { get; } = step;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Interlocked.Add(ref _ticks, Step.Ticks);
}
