namespace FlightSw.Inference.Models.Operators;

/// <summary>Element-wise activations without parameters besides attributes: Relu, Sigmoid, HardSigmoid, HardSwish.</summary>
internal sealed class UnaryRule(string opType) : OperatorRule(opType)
{
    /// <inheritdoc />
    public override long SinceOpset => OpType == "HardSwish" ? 14 : 1;

    /// <inheritdoc />
    public override InferredNode Infer(NodeContext node)
    {
        var attributes = OpType == "HardSigmoid"
            ? With(node, ("alpha", node.Attributes.GetFloat("alpha", 0.2f)), ("beta", node.Attributes.GetFloat("beta", 0.5f)))
            : node.Attributes;
        return new InferredNode(attributes, [node.Shape(0)]);
    }

    /// <inheritdoc />
    public override IReadOnlyList<ConstantTensor>? Fold(NodeContext node, InferredNode inferred)
    {
        var input = node.Input(0).Constant!;
        if (!input.IsFloat)
        {
            return null;
        }

        float alpha = inferred.Attributes.GetFloat("alpha", 0.2f);
        float beta = inferred.Attributes.GetFloat("beta", 0.5f);
        Func<float, float> function = OpType switch
        {
            "Relu" => x => Math.Max(x, 0f),
            "Sigmoid" => x => 1f / (1f + MathF.Exp(-x)),
            "HardSigmoid" => x => Math.Clamp((alpha * x) + beta, 0f, 1f),
            _ => x => x * Math.Clamp((x / 6f) + 0.5f, 0f, 1f),
        };
        return [ConstantTensor.OfFloats(node.Node.Outputs[0], input.Shape, [.. input.Floats!.Select(function)], input.Type)];
    }
}
