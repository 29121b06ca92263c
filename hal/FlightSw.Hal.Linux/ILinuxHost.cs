namespace FlightSw.Hal.Linux;

/// <summary>
/// What the operating system does for a reset of a Linux board: end this process so that its
/// supervisor starts it again, or reboot the board. <see cref="LinuxResetController"/> records
/// a request before it calls either, so the next run can tell why it started.
/// </summary>
public interface ILinuxHost
{
    /// <summary>
    /// Ends this process so that its supervisor (systemd, Restart=on-failure) starts it again:
    /// a warm reset. The hardware watchdog is left armed (no magic close), so a supervisor that
    /// fails to restart the process is followed by a watchdog reset. May return before the process ends.
    /// </summary>
    /// <param name="reason">Why, for the log.</param>
    void RestartProcess(string reason);

    /// <summary>Reboots the board. May return before the reboot happens.</summary>
    /// <param name="reason">Why, for the log.</param>
    /// <exception cref="IOException">The reboot could not be started.</exception>
    void Reboot(string reason);
}
