namespace FlightSw.Inference.Models.Operators;

/// <summary>
/// What an operator rule worked out for a node: its attributes with every default explicit, the
/// shapes of its outputs, and (rarely) inputs the loader rewrote with constants of its own.
/// </summary>
/// <param name="Attributes">The explicit attributes.</param>
/// <param name="OutputShapes">One shape per output the node produces.</param>
internal sealed record InferredNode(NodeAttributes Attributes, IReadOnlyList<TensorShape> OutputShapes)
{
    /// <summary>Input names replacing the node's own, or null to keep them.</summary>
    public IReadOnlyList<string>? Inputs { get; init; }

    /// <summary>Constants the loader created for the rewritten inputs (for example normalised Gather indices).</summary>
    public IReadOnlyList<ConstantTensor> AddedConstants { get; init; } = [];
}
