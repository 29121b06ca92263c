namespace FlightSw.Inference.Faults;

/// <summary>
/// One bit flip aimed at a replica and a layer. Armed with <see cref="InferenceModel.ArmFault"/>;
/// it fires once, in the next inference (a <see cref="FaultSite.Weight"/> flip stays in memory
/// until repaired, as a real upset does).
/// </summary>
/// <param name="Site">Weight, activation or accumulator.</param>
/// <param name="Replica">The replica (0 for the only one; 0 to 2 under TMR).</param>
/// <param name="Layer">The layer, by its graph node name (see <see cref="InferenceModel.Layers"/>).</param>
/// <param name="Element">Index of the element: into the layer's stored weights, or into its output.</param>
/// <param name="Bit">Bit of the float32 to flip, 0 (least significant mantissa bit) to 31 (sign).</param>
public sealed record InferenceFault(FaultSite Site, int Replica, string Layer, int Element, int Bit);
