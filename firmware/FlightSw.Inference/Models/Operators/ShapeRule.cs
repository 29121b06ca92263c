namespace FlightSw.Inference.Models.Operators;

/// <summary>Shape (with opset 15 start and end): always a constant, since every shape is static.</summary>
internal sealed class ShapeRule() : OperatorRule("Shape")
{
    /// <inheritdoc />
    public override bool AlwaysFolds => true;

    /// <inheritdoc />
    public override InferredNode Infer(NodeContext node)
    {
        int rank = node.Shape(0).Rank;
        long start = Clamp(node.Attributes.GetInt("start", 0), rank);
        long end = Clamp(node.Attributes.GetInt("end", rank), rank);
        var attributes = With(node, ("start", start), ("end", end));
        return new InferredNode(attributes, [new TensorShape((int)Math.Max(0, end - start))]);
    }

    /// <inheritdoc />
    public override IReadOnlyList<ConstantTensor> Fold(NodeContext node, InferredNode inferred)
    {
        int start = (int)inferred.Attributes.GetInt("start", 0);
        long[] dims = [.. node.Shape(0).ToArray().Skip(start).Take(inferred.OutputShapes[0][0]).Select(dim => (long)dim)];
        return [ConstantTensor.OfIntegers(node.Node.Outputs[0], inferred.OutputShapes[0], dims)];
    }

    // Negative counts from the end; out-of-range values clamp, as the operator defines.
    private static long Clamp(long value, int rank) => Math.Clamp(value < 0 ? value + rank : value, 0, rank);
}
