namespace FlightSw.Edac.Recovery;

/// <summary>What a region's recovery action did with the uncorrectable words it was given.</summary>
public enum RecoveryOutcome
{
    /// <summary>Every word was rewritten with its correct value and re-encoded.</summary>
    Recovered,

    /// <summary>The region cannot repair itself; nothing changed and the health monitor must act.</summary>
    Escalated,

    /// <summary>The repair was tried and refused (bad golden image, failing callback); nothing changed.</summary>
    Failed,
}
