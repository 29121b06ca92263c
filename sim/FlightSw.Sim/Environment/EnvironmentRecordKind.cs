namespace FlightSw.Sim.Environment;

/// <summary>What the environment did, in the hardware's log.</summary>
public enum EnvironmentRecordKind
{
    /// <summary>The node entered the South Atlantic Anomaly.</summary>
    SaaEntered = 0,

    /// <summary>The node left the South Atlantic Anomaly.</summary>
    SaaLeft = 1,

    /// <summary>A solar particle event began.</summary>
    SolarEventStarted = 2,

    /// <summary>A latch-up struck.</summary>
    LatchUp = 3,

    /// <summary>Power was removed from a latched board in time.</summary>
    LatchUpCleared = 4,

    /// <summary>A latch-up outlived its deadline: the board is permanently damaged.</summary>
    BurnOut = 5,

    /// <summary>A functional interrupt stopped a thread or the board.</summary>
    FunctionalInterrupt = 6,

    /// <summary>The battery fell to the cut-off and the supply disconnected the board.</summary>
    Brownout = 7,

    /// <summary>The battery recovered past the power-on threshold and the supply reconnected the board.</summary>
    PowerRestored = 8,

    /// <summary>An event was due but could not happen (for example a latch-up while the board had no power).</summary>
    Skipped = 9,

    /// <summary>Power was cut in the middle of a storage write (injected).</summary>
    PowerLost = 10,
}
