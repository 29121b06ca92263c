namespace FlightSw.Inference.Protection;

/// <summary>The outcome of one inference.</summary>
/// <param name="Outcome">What protection saw.</param>
/// <param name="FaultyReplica">The replica the vote outvoted, or -1.</param>
/// <param name="Recomputations">Runs or layers recomputed after a detection.</param>
/// <param name="Detail">One sentence for events: what was detected where and what was done.</param>
public sealed record InferenceResult(InferenceOutcome Outcome, int FaultyReplica, int Recomputations, string Detail)
{
    /// <summary>True unless the outcome is <see cref="InferenceOutcome.Failed"/>: the output can be used.</summary>
    public bool IsUsable => Outcome != InferenceOutcome.Failed;
}
