namespace FlightSw.Sim.Time;

/// <summary>Decides how fast virtual time may pass in wall time.</summary>
public interface IClockPacer
{
    /// <summary>Blocks until simulated time <paramref name="elapsed"/> may be reached.</summary>
    void WaitUntil(TimeSpan elapsed);
}
