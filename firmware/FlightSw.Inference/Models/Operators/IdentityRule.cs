namespace FlightSw.Inference.Models.Operators;

/// <summary>
/// Identity, and Dropout in its inference form (also an identity): the engine aliases the output
/// to the input. Dropout's mask output and training mode are refused.
/// </summary>
internal sealed class IdentityRule(string opType) : OperatorRule(opType)
{
    private bool IsDropout => OpType == "Dropout";

    /// <inheritdoc />
    public override int MaxInputs => IsDropout ? 3 : 1;

    /// <inheritdoc />
    public override int MaxOutputs => IsDropout ? 2 : 1;

    /// <inheritdoc />
    public override bool IsParameterInput(int index) => index > 0;

    /// <inheritdoc />
    public override InferredNode Infer(NodeContext node)
    {
        if (IsDropout)
        {
            if (node.Node.Outputs.Count > 1 && node.Node.Outputs[1].Length > 0)
            {
                throw node.Fail($"its mask output '{node.Node.Outputs[1]}' is used; only the inference form (one output) is supported");
            }

            if (node.Has(2) && node.RequireIntegers(2, "training_mode").Any(value => value != 0))
            {
                throw node.Fail("training_mode is true; only inference is supported");
            }
        }

        return new InferredNode(node.Attributes, [node.Shape(0)]);
    }

    /// <inheritdoc />
    public override IReadOnlyList<ConstantTensor> Fold(NodeContext node, InferredNode inferred)
    {
        var input = node.Input(0).Constant!;
        return [ConstantData.Reshaped(input, node.Node.Outputs[0], input.Shape)];
    }
}
