namespace FlightSw.Hal.Boards;

/// <summary>Which HAL backend drives a board.</summary>
public enum BoardBackend
{
    /// <summary>The simulated board on virtual time (sim/FlightSw.Sim).</summary>
    Sim,

    /// <summary>An embedded Linux board: libgpiod GPIO, /dev/i2c-N, /dev/watchdog.</summary>
    Linux,

    /// <summary>A Wilderness Labs Meadow board (built only where the Meadow SDK is present).</summary>
    Meadow,
}
