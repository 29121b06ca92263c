namespace FlightSw.Hal;

/// <summary>
/// A hardware watchdog: once started it resets the board unless it is petted within
/// <see cref="Timeout"/>.
/// </summary>
public interface IWatchdog
{
    /// <summary>How long the watchdog waits for a pet before it resets the board.</summary>
    TimeSpan Timeout { get; }

    /// <summary>Whether the watchdog is armed.</summary>
    bool IsRunning { get; }

    /// <summary>Arms the watchdog with <see cref="Timeout"/>. Arming an armed watchdog pets it.</summary>
    void Start();

    /// <summary>Restarts the countdown. Throws <see cref="InvalidOperationException"/> when not started.</summary>
    void Pet();

    /// <summary>Disarms the watchdog in an orderly stop (on Linux, the magic close).</summary>
    void Stop();
}
