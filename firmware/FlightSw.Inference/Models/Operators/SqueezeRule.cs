namespace FlightSw.Inference.Models.Operators;

/// <summary>Squeeze, axes from the attribute (before opset 13), an optional constant input (13+), or every axis of size 1; recorded as <c>axes</c>.</summary>
internal sealed class SqueezeRule() : OperatorRule("Squeeze")
{
    /// <inheritdoc />
    public override int MaxInputs => 2;

    /// <inheritdoc />
    public override bool IsParameterInput(int index) => index == 1;

    /// <inheritdoc />
    public override InferredNode Infer(NodeContext node)
    {
        TensorShape x = node.Shape(0);
        long[]? given = SqueezeAxes.Given(node, UnsqueezeRule.AxesInputOpset);
        int[] axes = given is null
            ? [.. Enumerable.Range(0, x.Rank).Where(axis => x[axis] == 1)]
            : SqueezeAxes.Normalize(node, given, x.Rank);
        foreach (int axis in axes.Where(axis => x[axis] != 1))
        {
            throw node.Fail($"axis {axis} of input {x} has size {x[axis]}; only axes of size 1 can be squeezed");
        }

        var shape = new TensorShape([.. Enumerable.Range(0, x.Rank).Where(axis => !axes.Contains(axis)).Select(axis => x[axis])]);
        return new InferredNode(With(node, ("axes", axes.Select(axis => (long)axis).ToArray())), [shape]);
    }

    /// <inheritdoc />
    public override IReadOnlyList<ConstantTensor> Fold(NodeContext node, InferredNode inferred) =>
        [ConstantData.Reshaped(node.Input(0).Constant!, node.Node.Outputs[0], inferred.OutputShapes[0])];
}
