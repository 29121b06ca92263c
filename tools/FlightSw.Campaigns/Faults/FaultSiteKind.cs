namespace FlightSw.Campaigns.Faults;

/// <summary>Where a campaign's faults land (JSON: <c>weight</c>, <c>activation</c>, <c>accumulator</c>, <c>ecc-word</c>, <c>component-state</c>).</summary>
public enum FaultSiteKind
{
    /// <summary>A model weight as stored in its replica's ECC region.</summary>
    Weight,

    /// <summary>A layer's output, after the layer ran and was checked.</summary>
    Activation,

    /// <summary>A GEMM or convolution result before its checksum and activation.</summary>
    Accumulator,

    /// <summary>A 72-bit codeword (64 data bits and 8 check bits) of an ECC region.</summary>
    EccWord,

    /// <summary>A flight component's control state: the upset leaves it stuck (a single-event functional interrupt).</summary>
    ComponentState,
}
