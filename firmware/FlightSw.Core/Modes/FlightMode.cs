namespace FlightSw.Core.Modes;

/// <summary>The node's operating mode.</summary>
public enum FlightMode
{
    /// <summary>Starting: components are being initialised.</summary>
    Boot = 0,

    /// <summary>All functions running.</summary>
    Nominal = 1,

    /// <summary>Only what keeps the node alive and reachable; entered on faults or by command.</summary>
    Safe = 2,
}
