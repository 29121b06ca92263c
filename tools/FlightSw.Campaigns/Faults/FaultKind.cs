namespace FlightSw.Campaigns.Faults;

/// <summary>What an upset does to the bits it hits (JSON: <c>single-bit</c>, <c>adjacent</c>, <c>random-value</c>, <c>stuck-at</c>).</summary>
public enum FaultKind
{
    /// <summary>One bit inverted.</summary>
    SingleBit,

    /// <summary>Several neighbouring bits inverted (a multi-bit upset); how many is the fault model's width.</summary>
    AdjacentBits,

    /// <summary>The whole element replaced by random bits.</summary>
    RandomValue,

    /// <summary>One bit forced to the fault model's stuck value.</summary>
    StuckAt,
}
