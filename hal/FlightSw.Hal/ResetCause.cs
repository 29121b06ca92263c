namespace FlightSw.Hal;

/// <summary>Why the board started the current boot.</summary>
public enum ResetCause
{
    /// <summary>The cause could not be determined.</summary>
    Unknown = 0,

    /// <summary>First power-on, or power returned after it was removed by hand.</summary>
    PowerOn = 1,

    /// <summary>The hardware watchdog expired because nobody petted it.</summary>
    Watchdog = 2,

    /// <summary>Software asked for a warm reset.</summary>
    CommandedWarmReset = 3,

    /// <summary>Software asked for a power cycle.</summary>
    CommandedPowerCycle = 4,

    /// <summary>The supply fell below the brownout threshold and the board lost power.</summary>
    Brownout = 5,

    /// <summary>
    /// The flight software stopped with an unhandled error and its supervisor (systemd on Linux,
    /// the simulator on the simulated board) started it again; the board kept power.
    /// </summary>
    Crash = 6,

    /// <summary>The latch-up guard power-cycled the board to clear a supply-current latch-up.</summary>
    LatchUpPowerCycle = 7,
}
