namespace FlightSw.Hal;

/// <summary>
/// The compute jobs the flight software has running, as the board's supply feels them. Flight
/// code opens a job before heavy work and disposes it after; on hardware the extra current is
/// physical and this only keeps the count, on the simulated board the power model draws the
/// job's extra load from it. Jobs of a boot end with the boot.
/// </summary>
public interface IWorkload
{
    /// <summary>Jobs running now.</summary>
    int RunningJobs { get; }

    /// <summary>Marks the start of the job <paramref name="name"/>; disposing the result ends it (a second dispose does nothing).</summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    IDisposable BeginJob(string name);
}
