namespace FlightSw.Core.Scheduling;

/// <summary>One cycle of one rate group, as handed to each component in it.</summary>
/// <param name="Group">The rate group.</param>
/// <param name="Index">The group's cycle number since the scheduler started, from 0.</param>
/// <param name="Period">The group's period.</param>
public readonly record struct RateGroupCycle(RateGroupId Group, long Index, TimeSpan Period);
