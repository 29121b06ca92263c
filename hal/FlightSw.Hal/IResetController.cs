namespace FlightSw.Hal;

/// <summary>Tells why the board last reset and lets flight software ask for a reset.</summary>
public interface IResetController
{
    /// <summary>Why the current boot started, read once at boot.</summary>
    ResetCause LastResetCause { get; }

    /// <summary>
    /// Asks for a warm reset: software restarts, power stays on. The reset happens after the
    /// caller returns; the current boot must expect to end.
    /// </summary>
    /// <param name="reason">Why, for the reset history and the log.</param>
    void RequestWarmReset(string reason);

    /// <summary>
    /// Asks for a power cycle: the supply is switched off and on again, which also clears a latch-up.
    /// The cycle happens after the caller returns.
    /// </summary>
    /// <param name="reason">Why, for the reset history and the log.</param>
    void RequestPowerCycle(string reason);
}
