using FlightSw.Inference.Onnx;

namespace FlightSw.Inference.Models.Operators;

/// <summary>
/// Cast: folded on constants to FLOAT, DOUBLE, INT64, INT32 or BOOL; at run time only to FLOAT
/// (the input is already float32, so the engine aliases it).
/// </summary>
internal sealed class CastRule() : OperatorRule("Cast")
{
    /// <inheritdoc />
    public override InferredNode Infer(NodeContext node)
    {
        if (!node.Attributes.Has("to"))
        {
            throw node.Fail("attribute 'to' is missing");
        }

        long to = node.Attributes.GetInt("to", 0);
        if (to is not ((long)ElementType.Float32 or (long)ElementType.Float64 or (long)ElementType.Int64 or (long)ElementType.Int32 or (long)ElementType.Bool))
        {
            throw node.Fail($"casts to {DataTypeNames.Of((int)Math.Clamp(to, int.MinValue, int.MaxValue))}; only FLOAT, DOUBLE, INT64, INT32 and BOOL are supported");
        }

        if (!node.Input(0).IsConstant && to != (long)ElementType.Float32)
        {
            throw node.Fail($"casts a runtime value to {DataTypeNames.Of((int)to)}; only float32 flows at run time");
        }

        return new InferredNode(node.Attributes, [node.Shape(0)]);
    }

    /// <inheritdoc />
    public override IReadOnlyList<ConstantTensor> Fold(NodeContext node, InferredNode inferred)
    {
        var input = node.Input(0).Constant!;
        var to = (ElementType)node.Attributes.GetInt("to", 0);
        string name = node.Node.Outputs[0];
        return to switch
        {
            ElementType.Float32 or ElementType.Float64 => [ConstantTensor.OfFloats(name, input.Shape, input.AsFloats(), to)],
            ElementType.Bool => [ConstantTensor.OfIntegers(name, input.Shape, [.. input.AsFloats().Select(value => value != 0 ? 1L : 0L)], to)],
            ElementType.Int32 => [ConstantTensor.OfIntegers(name, input.Shape, [.. Integers(node, input).Select(value => (long)unchecked((int)value))], to)],
            _ => [ConstantTensor.OfIntegers(name, input.Shape, Integers(node, input), to)],
        };
    }

    // Floats truncate toward zero; NaN, infinities and out-of-range values have no integer value.
    private static long[] Integers(NodeContext node, ConstantTensor input)
    {
        if (!input.IsFloat)
        {
            return input.Integers!;
        }

        var bad = input.Floats!.Where(value => !float.IsFinite(value) || Math.Abs(value) >= 9.2e18f).Take(1).ToArray();
        return bad.Length == 0
            ? input.AsIntegers()
            : throw node.Fail($"casts constant '{input.Name}' holding {bad[0]} to an integer type");
    }
}
