namespace FlightSw.Inference.Protection;

/// <summary>Whether the replicas of a redundant inference run one after another or at the same time on several cores.</summary>
public enum ReplicaScheduling
{
    /// <summary>One after another on the calling thread.</summary>
    Sequential,

    /// <summary>At the same time, one worker per replica (the calling thread runs one of them).</summary>
    Parallel,
}
