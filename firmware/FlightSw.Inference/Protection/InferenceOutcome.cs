namespace FlightSw.Inference.Protection;

/// <summary>What protection saw during one inference.</summary>
public enum InferenceOutcome
{
    /// <summary>Protection <see cref="ProtectionMode.None"/>: nothing was checked.</summary>
    Unchecked,

    /// <summary>Every replica and checksum agreed at the first attempt.</summary>
    Unanimous,

    /// <summary>The vote outvoted one replica (named in <see cref="InferenceResult.FaultyReplica"/>), which was repaired; the output is the majority's.</summary>
    Masked,

    /// <summary>A difference or checksum failure was detected and the work recomputed until it agreed.</summary>
    Recomputed,

    /// <summary>Detected, but recomputation did not agree: the output must not be used.</summary>
    Failed,
}
