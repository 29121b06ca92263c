namespace FlightSw.Hal.Linux.Tests;

/// <summary>A watchdog that counts what it is asked to do, and can refuse pets.</summary>
internal sealed class FakeWatchdog : IWatchdog
{
    public TimeSpan Timeout { get; } = TimeSpan.FromSeconds(7);

    public bool IsRunning { get; private set; }

    public int Starts { get; private set; }

    public int Pets { get; private set; }

    public int Stops { get; private set; }

    public bool RefusePets { get; set; }

    public void Start()
    {
        Starts++;
        IsRunning = true;
    }

    public void Pet()
    {
        if (RefusePets)
        {
            throw new IOException("refused");
        }

        Pets++;
    }

    public void Stop()
    {
        Stops++;
        IsRunning = false;
    }
}
