namespace FlightSw.Inference.Models.Operators;

/// <summary>GlobalAveragePool: [N, C, spatial...] to [N, C, 1...].</summary>
internal sealed class GlobalAveragePoolRule() : OperatorRule("GlobalAveragePool")
{
    /// <inheritdoc />
    public override InferredNode Infer(NodeContext node)
    {
        TensorShape x = node.Shape(0);
        if (x.Rank < 3)
        {
            throw node.Fail($"input {x} has rank {x.Rank}; GlobalAveragePool needs [N, C, spatial...]");
        }

        int[] dims = x.ToArray();
        dims.AsSpan(2).Fill(1);
        return new InferredNode(node.Attributes, [new TensorShape(dims)]);
    }
}
