namespace FlightSw.Sim.Time;

/// <summary>
/// Paces a <see cref="VirtualClock"/> at wall-clock speed (times a factor), so a simulated board
/// can stand in for a real one in a live demonstration.
/// </summary>
public sealed class WallClockPacer : IClockPacer
{
    private readonly TimeProvider _wall;
    private readonly double _speedFactor;
    private long _wallStart;
    private TimeSpan _virtualStart;
    private bool _started;

    /// <summary>Creates a pacer.</summary>
    /// <param name="wall">The wall clock; <see cref="TimeProvider.System"/> in the node.</param>
    /// <param name="speedFactor">Simulated seconds per wall second; 1 for real time.</param>
    public WallClockPacer(TimeProvider wall, double speedFactor = 1.0)
    {
        ArgumentNullException.ThrowIfNull(wall);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(speedFactor);
        _wall = wall;
        _speedFactor = speedFactor;
    }

    /// <inheritdoc />
    public void WaitUntil(TimeSpan elapsed)
    {
        if (!_started)
        {
            _started = true;
            _wallStart = _wall.GetTimestamp();
            _virtualStart = elapsed;
            return;
        }

        var wallTarget = (elapsed - _virtualStart) / _speedFactor;
        var remaining = wallTarget - _wall.GetElapsedTime(_wallStart);
        if (remaining > TimeSpan.Zero)
        {
            Thread.Sleep(remaining);
        }
    }
}
