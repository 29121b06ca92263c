using FlightSw.Hal;
using FlightSw.Sim.Time;

namespace FlightSw.Sim.Devices;

/// <summary>
/// The board's hardware watchdog: a timer on the hardware clock (not the software's), so it
/// keeps counting when the software hangs. When it expires it resets the board. A reset
/// disarms it, as on Linux where the watchdog stays off until the software opens it again.
/// </summary>
public sealed class SimWatchdog : IWatchdog
{
    private readonly VirtualClock _clock;
    private readonly Action _bite;
    private ITimer? _timer;

    /// <summary>Creates a watchdog with <paramref name="timeout"/> that calls <paramref name="bite"/> on expiry.</summary>
    public SimWatchdog(VirtualClock clock, TimeSpan timeout, Action bite)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(bite);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        _clock = clock;
        Timeout = timeout;
        _bite = bite;
    }

    /// <inheritdoc />
    public TimeSpan Timeout { get; }

    /// <inheritdoc />
    public bool IsRunning => _timer is not null;

    /// <summary>How many times the watchdog has reset the board.</summary>
    public int Expirations { get; private set; }

    /// <summary>Pets since the simulation started, over all boots.</summary>
    public long Pets { get; private set; }

    /// <summary>Hardware time of the last pet or start.</summary>
    public TimeSpan LastPet { get; private set; }

    /// <inheritdoc />
    public void Start()
    {
        _timer ??= _clock.CreateTimer(_ => Expire(), null, System.Threading.Timeout.InfiniteTimeSpan, System.Threading.Timeout.InfiniteTimeSpan);
        Restart();
    }

    /// <inheritdoc />
    public void Pet()
    {
        if (_timer is null)
        {
            throw new InvalidOperationException("The watchdog is not started; start it before petting it.");
        }

        Pets++;
        Restart();
    }

    /// <inheritdoc />
    public void Stop() => Disarm();

    /// <summary>Disarms the watchdog, as a board reset does.</summary>
    internal void Disarm()
    {
        _timer?.Dispose();
        _timer = null;
    }

    private void Restart()
    {
        LastPet = _clock.Elapsed;
        _timer!.Change(Timeout, System.Threading.Timeout.InfiniteTimeSpan);
    }

    private void Expire()
    {
        Expirations++;
        Disarm();
        _bite();
    }
}
