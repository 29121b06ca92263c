namespace FlightSw.Inference.Models.Operators;

/// <summary>Flatten to 2-D at a non-negative <c>axis</c> (default 1).</summary>
internal sealed class FlattenRule() : OperatorRule("Flatten")
{
    /// <inheritdoc />
    public override InferredNode Infer(NodeContext node)
    {
        TensorShape x = node.Shape(0);
        long given = node.Attributes.GetInt("axis", 1);

        // Flatten's axis may equal the rank (everything in the first dimension).
        if (given < -x.Rank || given > x.Rank)
        {
            throw node.Fail($"axis {given} is out of range for rank {x.Rank}");
        }

        int axis = (int)(given < 0 ? given + x.Rank : given);
        var shape = new TensorShape(x.Product(0, axis), x.Product(axis, x.Rank));
        return new InferredNode(With(node, ("axis", (long)axis)), [shape]);
    }

    /// <inheritdoc />
    public override IReadOnlyList<ConstantTensor> Fold(NodeContext node, InferredNode inferred) =>
        [ConstantData.Reshaped(node.Input(0).Constant!, node.Node.Outputs[0], inferred.OutputShapes[0])];
}
