using FlightSw.Campaigns.Faults;

namespace FlightSw.Campaigns.Trials;

/// <summary>One line of a results file: a trial, its fault and its outcome. Holds nothing that depends on the machine or the run (no times), so any run of the trial writes the same line.</summary>
/// <param name="Trial">The trial's number in the campaign (variant-major: variant v's trials are v * n to v * n + n - 1).</param>
/// <param name="Variant">The variant (protection mode, region layout...) the trial ran under.</param>
/// <param name="VariantTrial">The trial's number within its variant, which seeds its fault: the same fault under every variant.</param>
/// <param name="Input">The input the workload ran on.</param>
/// <param name="Fault">The fault injected.</param>
/// <param name="Outcome">How it ended.</param>
/// <param name="Detail">What was seen.</param>
public sealed record TrialResult(long Trial, string Variant, long VariantTrial, int Input, PlannedFault Fault, TrialOutcome Outcome, string Detail);
