namespace FlightSw.Campaigns.Trials;

/// <summary>What a workload concluded from one trial.</summary>
/// <param name="Outcome">The outcome class.</param>
/// <param name="Detail">One sentence: what was seen (which check fired, how the answer differed).</param>
public sealed record TrialVerdict(TrialOutcome Outcome, string Detail);
