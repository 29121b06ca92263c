namespace FlightSw.Inference.Faults;

/// <summary>
/// One upset aimed at a replica and a layer. Armed with <see cref="InferenceModel.ArmFault"/>;
/// it fires once, in the next inference (a <see cref="FaultSite.Weight"/> upset stays in memory
/// until repaired, as a real upset does). By default it flips <see cref="Bit"/>; a
/// <see cref="Change"/> describes any other pattern (several adjacent bits, a stuck bit, a random value).
/// </summary>
/// <param name="Site">Weight, activation or accumulator.</param>
/// <param name="Replica">The replica (0 for the only one; 0 to 2 under TMR).</param>
/// <param name="Layer">The layer, by its graph node name (see <see cref="InferenceModel.Layers"/>).</param>
/// <param name="Element">Index of the element: into the layer's stored weights, or into its output.</param>
/// <param name="Bit">Bit of the float32 to flip, 0 (least significant mantissa bit) to 31 (sign); with a <see cref="Change"/>, the lowest bit it touches.</param>
public sealed record InferenceFault(FaultSite Site, int Replica, string Layer, int Element, int Bit)
{
    /// <summary>What the upset does to the element's bits; null flips <see cref="Bit"/>.</summary>
    public BitChange? Change { get; init; }

    /// <summary>The change that fires: <see cref="Change"/>, or a flip of <see cref="Bit"/>.</summary>
    internal BitChange Effect => Change ?? BitChange.FlipBit(Bit);
}
