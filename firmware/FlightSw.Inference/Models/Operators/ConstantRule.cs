namespace FlightSw.Inference.Models.Operators;

/// <summary>Constant: a tensor, or (opset 12+) a float, int or list of them; always folded.</summary>
internal sealed class ConstantRule() : OperatorRule("Constant")
{
    private static readonly string[] ValueAttributes = ["value", "value_float", "value_floats", "value_int", "value_ints", "value_string", "value_strings", "sparse_value"];

    /// <inheritdoc />
    public override int MinInputs => 0;

    /// <inheritdoc />
    public override int MaxInputs => 0;

    /// <inheritdoc />
    public override bool AlwaysFolds => true;

    /// <inheritdoc />
    public override InferredNode Infer(NodeContext node) => new(node.Attributes, [Value(node).Shape]);

    /// <inheritdoc />
    public override IReadOnlyList<ConstantTensor> Fold(NodeContext node, InferredNode inferred) => [Value(node)];

    private static ConstantTensor Value(NodeContext node)
    {
        string[] given = [.. ValueAttributes.Where(node.Attributes.Has)];
        if (given.Length != 1)
        {
            throw node.Fail(given.Length == 0
                ? "has no value attribute"
                : $"has {given.Length} value attributes ({string.Join(", ", given)}); exactly one is allowed");
        }

        string name = node.Node.Outputs[0];
        var attributes = node.Attributes;
        return given[0] switch
        {
            "value" => ConstantData.Reshaped(attributes.GetTensor("value")!, name, attributes.GetTensor("value")!.Shape),
            "value_float" => ConstantTensor.OfFloats(name, TensorShape.Scalar, [attributes.GetFloat("value_float", 0)]),
            "value_floats" => Vector(attributes.GetFloats("value_floats")!, name),
            "value_int" => ConstantTensor.OfIntegers(name, TensorShape.Scalar, [attributes.GetInt("value_int", 0)]),
            "value_ints" => ConstantTensor.OfIntegers(name, new TensorShape(attributes.GetInts("value_ints")!.Length), attributes.GetInts("value_ints")!),
            var other => throw node.Fail($"{other} is not supported; only numeric constants are"),
        };
    }

    private static ConstantTensor Vector(float[] values, string name) => ConstantTensor.OfFloats(name, new TensorShape(values.Length), values);
}
