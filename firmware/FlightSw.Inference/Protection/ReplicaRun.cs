namespace FlightSw.Inference.Protection;

/// <summary>What one replica's run of a segment saw.</summary>
/// <param name="Completed">False when a step still failed its check after recomputation and repair.</param>
/// <param name="Recomputations">Steps run again after a failed check.</param>
/// <param name="Detail">What was detected, or empty.</param>
internal readonly record struct ReplicaRun(bool Completed, int Recomputations, string Detail)
{
    public static ReplicaRun Clean => new(true, 0, string.Empty);
}
