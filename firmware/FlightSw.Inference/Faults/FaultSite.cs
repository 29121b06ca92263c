namespace FlightSw.Inference.Faults;

/// <summary>Where an injected fault lands.</summary>
public enum FaultSite
{
    /// <summary>A bit of a weight as stored in the replica's ECC region (an upset in memory: the code sees it, a scrub corrects it).</summary>
    Weight,

    /// <summary>A bit of a layer's output after the layer ran and was checked (an upset in a buffer between layers).</summary>
    Activation,

    /// <summary>A bit of a GEMM or convolution result before its checksum is verified and its activation applied (an upset in the arithmetic).</summary>
    Accumulator,
}
