namespace FlightSw.Inference.Models.Operators;

/// <summary>Unsqueeze, axes from the attribute (before opset 13) or a constant input (13+), recorded sorted and non-negative as <c>axes</c>.</summary>
internal sealed class UnsqueezeRule() : OperatorRule("Unsqueeze")
{
    /// <summary>The first opset taking axes as an input (Squeeze and Unsqueeze alike).</summary>
    public const long AxesInputOpset = 13;

    /// <inheritdoc />
    public override int MaxInputs => 2;

    /// <inheritdoc />
    public override bool IsParameterInput(int index) => index == 1;

    /// <inheritdoc />
    public override InferredNode Infer(NodeContext node)
    {
        TensorShape x = node.Shape(0);
        long[] given = SqueezeAxes.Given(node, AxesInputOpset) ?? throw node.Fail("axes are missing");
        int rank = x.Rank + given.Length;
        int[] axes = SqueezeAxes.Normalize(node, given, rank);
        var dims = new List<int>(x.ToArray());
        foreach (int axis in axes)
        {
            dims.Insert(axis, 1);
        }

        return new InferredNode(With(node, ("axes", axes.Select(axis => (long)axis).ToArray())), [new TensorShape([.. dims])]);
    }

    /// <inheritdoc />
    public override IReadOnlyList<ConstantTensor> Fold(NodeContext node, InferredNode inferred) =>
        [ConstantData.Reshaped(node.Input(0).Constant!, node.Node.Outputs[0], inferred.OutputShapes[0])];
}
