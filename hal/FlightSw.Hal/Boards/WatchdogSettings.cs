namespace FlightSw.Hal.Boards;

/// <summary>The hardware watchdog.</summary>
/// <param name="Device">Device that provides it: <c>/dev/watchdog</c> on Linux, <c>iwdg</c> on Meadow, <c>model</c> on the simulated board.</param>
/// <param name="TimeoutSeconds">Seconds without a pet before the board resets; within what the hardware supports.</param>
public sealed record WatchdogSettings(string Device, int TimeoutSeconds)
{
    /// <summary><see cref="TimeoutSeconds"/> as a <see cref="TimeSpan"/>.</summary>
    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);
}
