namespace FlightSw.Core.Scheduling;

/// <summary>The node's rate groups, run in this order within a tick.</summary>
public enum RateGroupId
{
    /// <summary>10 Hz: fast control, the command queue, the status LED.</summary>
    Rate10Hz = 0,

    /// <summary>1 Hz: housekeeping, board sensors, health.</summary>
    Rate1Hz = 1,

    /// <summary>0.1 Hz: slow background work.</summary>
    Rate0_1Hz = 2,
}
