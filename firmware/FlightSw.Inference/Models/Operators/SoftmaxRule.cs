namespace FlightSw.Inference.Models.Operators;

/// <summary>
/// Softmax with a non-negative <c>axis</c>. Before opset 13 the input is coerced to 2-D at the axis
/// (softmax over all trailing dimensions), recorded as <c>coerce2d</c> = 1; from 13 it is one axis.
/// </summary>
internal sealed class SoftmaxRule() : OperatorRule("Softmax")
{
    /// <summary>The first opset where Softmax runs along a single axis (default -1).</summary>
    public const long SingleAxisOpset = 13;

    /// <inheritdoc />
    public override InferredNode Infer(NodeContext node)
    {
        TensorShape x = node.Shape(0);
        if (x.Rank == 0)
        {
            throw node.Fail("input is a scalar; Softmax needs rank 1 or more");
        }

        bool singleAxis = node.Opset >= SingleAxisOpset;
        int axis = node.Axis(node.Attributes.GetInt("axis", singleAxis ? -1 : 1), x.Rank);
        var attributes = With(node, ("axis", (long)axis), ("coerce2d", singleAxis ? 0L : 1L));
        return new InferredNode(attributes, [x]);
    }
}
