using Meadow.Hardware;

namespace FlightSw.Hal.Meadow;

/// <summary>
/// The STM32 independent watchdog (IWDG) of a Meadow F7, through the device's
/// <c>WatchdogEnable(TimeSpan)</c> and <c>WatchdogReset()</c>. Once started it cannot be stopped:
/// only a reset disarms the IWDG.
/// </summary>
/// <remarks>
/// <see cref="Stop"/> therefore pets one last time and leaves the watchdog running: an orderly stop
/// on a Meadow ends with a watchdog reset <see cref="Timeout"/> later unless something keeps
/// petting. That is the behaviour we want in orbit; on a bench, expect the board to restart.
/// </remarks>
public sealed class MeadowWatchdog : IWatchdog
{
    /// <summary>Longest timeout Meadow.F7 programs into the IWDG (it rejects 32,768 ms and more).</summary>
    public static readonly TimeSpan MaximumTimeout = TimeSpan.FromMilliseconds(32767);

    private readonly IWatchdogController _controller;
    private readonly object _gate = new();
    private bool _running;

    /// <summary>Wraps the device's watchdog. Does not arm it.</summary>
    /// <param name="controller">The Meadow device.</param>
    /// <param name="timeout">Time without a pet before the board resets, from the board file.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is not above 0 and at most <see cref="MaximumTimeout"/>.</exception>
    public MeadowWatchdog(IWatchdogController controller, TimeSpan timeout)
    {
        _controller = controller ?? throw new ArgumentNullException(nameof(controller));
        if (timeout <= TimeSpan.Zero || timeout > MaximumTimeout)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, $"The IWDG takes a timeout above 0 and at most {MaximumTimeout.TotalMilliseconds} ms.");
        }

        Timeout = timeout;
    }

    /// <inheritdoc />
    public TimeSpan Timeout { get; }

    /// <inheritdoc />
    public bool IsRunning
    {
        get
        {
            lock (_gate)
            {
                return _running;
            }
        }
    }

    /// <inheritdoc />
    public void Start()
    {
        lock (_gate)
        {
            if (_running)
            {
                _controller.WatchdogReset();
                return;
            }

            _controller.WatchdogEnable(Timeout);
            _running = true;
        }
    }

    /// <inheritdoc />
    public void Pet()
    {
        lock (_gate)
        {
            if (!_running)
            {
                throw new InvalidOperationException("The watchdog is not started.");
            }

            _controller.WatchdogReset();
        }
    }

    /// <summary>Pets once more and leaves the IWDG armed, since it cannot be disarmed (see remarks on the class).</summary>
    public void Stop()
    {
        lock (_gate)
        {
            if (_running)
            {
                _controller.WatchdogReset();
            }
        }
    }
}
