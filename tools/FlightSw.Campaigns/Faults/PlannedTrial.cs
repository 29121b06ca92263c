namespace FlightSw.Campaigns.Faults;

/// <summary>What one trial runs: the input and the fault, both drawn from the trial's seed.</summary>
/// <param name="Input">The input the workload runs on.</param>
/// <param name="Fault">The fault it injects.</param>
public sealed record PlannedTrial(int Input, PlannedFault Fault);
