namespace FlightSw.Hal.Linux;

/// <summary>
/// The board's watchdog as flight code sees it: the hardware watchdog, and systemd's watchdog
/// told WATCHDOG=1 on every start and pet. The health monitor pets only while every critical
/// component answers, so systemd's watchdog follows the same health as the hardware's.
/// </summary>
public sealed class NotifyingWatchdog : IWatchdog
{
    private readonly IWatchdog _hardware;
    private readonly SystemdNotifier _notifier;

    /// <summary>Wraps <paramref name="hardware"/>, notifying <paramref name="notifier"/>.</summary>
    public NotifyingWatchdog(IWatchdog hardware, SystemdNotifier notifier)
    {
        ArgumentNullException.ThrowIfNull(hardware);
        ArgumentNullException.ThrowIfNull(notifier);
        _hardware = hardware;
        _notifier = notifier;
    }

    /// <inheritdoc />
    public TimeSpan Timeout => _hardware.Timeout;

    /// <inheritdoc />
    public bool IsRunning => _hardware.IsRunning;

    /// <inheritdoc />
    public void Start()
    {
        _hardware.Start();
        _notifier.Watchdog();
    }

    /// <inheritdoc />
    public void Pet()
    {
        // Only a pet the hardware took counts as alive for systemd.
        _hardware.Pet();
        _notifier.Watchdog();
    }

    /// <inheritdoc />
    public void Stop() => _hardware.Stop();
}
