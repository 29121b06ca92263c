namespace FlightSw.Inference.Models.Operators;

/// <summary>Add, Sub, Mul, Div with numpy broadcasting; folded on float or integer constants.</summary>
internal sealed class BinaryRule(string opType) : OperatorRule(opType)
{
    /// <summary>The first opset with numpy broadcasting (earlier ones use the broadcast and axis attributes).</summary>
    private const long NumpyBroadcastOpset = 7;

    /// <inheritdoc />
    public override int MinInputs => 2;

    /// <inheritdoc />
    public override int MaxInputs => 2;

    /// <inheritdoc />
    public override InferredNode Infer(NodeContext node)
    {
        TensorShape a = node.Shape(0);
        TensorShape b = node.Shape(1);
        var shape = Broadcasting.Multidirectional(a, b)
            ?? throw node.Fail($"input shapes {a} ('{node.Input(0).Name}') and {b} ('{node.Input(1).Name}') do not broadcast");
        if (node.Opset < NumpyBroadcastOpset)
        {
            CheckLegacyBroadcast(node, a, b, shape);
        }

        return new InferredNode(node.Attributes, [shape]);
    }

    /// <inheritdoc />
    public override IReadOnlyList<ConstantTensor> Fold(NodeContext node, InferredNode inferred)
    {
        var a = node.Input(0).Constant!;
        var b = node.Input(1).Constant!;
        if (a.IsFloat != b.IsFloat)
        {
            throw node.Fail($"inputs '{a.Name}' ({a.Type}) and '{b.Name}' ({b.Type}) have different element types");
        }

        var shape = inferred.OutputShapes[0];
        int[] mapA = Broadcasting.SourceIndices(a.Shape, shape);
        int[] mapB = Broadcasting.SourceIndices(b.Shape, shape);
        string name = node.Node.Outputs[0];
        if (a.IsFloat)
        {
            var values = new float[shape.ElementCount];
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = Apply(a.Floats![mapA[i]], b.Floats![mapB[i]]);
            }

            return [ConstantTensor.OfFloats(name, shape, values, a.Type)];
        }

        var integers = new long[shape.ElementCount];
        for (int i = 0; i < integers.Length; i++)
        {
            integers[i] = Apply(node, a.Integers![mapA[i]], b.Integers![mapB[i]]);
        }

        return [ConstantTensor.OfIntegers(name, shape, integers, a.Type)];
    }

    private float Apply(float a, float b) => OpType switch
    {
        "Add" => a + b,
        "Sub" => a - b,
        "Mul" => a * b,
        _ => a / b,
    };

    // Integer arithmetic wraps and Div truncates toward zero, as ONNX Runtime computes it.
    private long Apply(NodeContext node, long a, long b) => unchecked(OpType switch
    {
        "Add" => a + b,
        "Sub" => a - b,
        "Mul" => a * b,
        _ when b == 0 => throw node.Fail($"divides the integer constant {a} by zero"),
        _ when b == -1 => -a,
        _ => a / b,
    });

    private static void CheckLegacyBroadcast(NodeContext node, TensorShape a, TensorShape b, TensorShape shape)
    {
        if (node.Attributes.GetInt("broadcast", 0) == 0 ? !a.Equals(b) : node.Attributes.Has("axis") || !shape.Equals(a))
        {
            throw node.Fail($"opset {node.Opset} broadcasting of {b} to {a} (broadcast and axis attributes) is not supported; export with opset {NumpyBroadcastOpset} or later");
        }
    }
}
