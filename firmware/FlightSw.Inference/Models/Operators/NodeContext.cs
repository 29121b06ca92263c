namespace FlightSw.Inference.Models.Operators;

/// <summary>
/// One node as an operator rule sees it: its attributes, the opset, and its inputs' shapes and
/// (for constants) data. Refusals made through <see cref="Fail"/> name the node.
/// </summary>
internal sealed class NodeContext
{
    private readonly IReadOnlyList<LoadedValue?> _inputs;

    /// <summary>Creates the view of <paramref name="node"/>; <paramref name="inputs"/> has null for omitted optional inputs.</summary>
    public NodeContext(GraphNode node, long opset, IReadOnlyList<LoadedValue?> inputs)
    {
        Node = node;
        Opset = opset;
        _inputs = inputs;
    }

    /// <summary>The node as written in the file (attributes as given).</summary>
    public GraphNode Node { get; }

    /// <summary>The default-domain opset version the model imports.</summary>
    public long Opset { get; }

    /// <summary>The node's attributes as given.</summary>
    public NodeAttributes Attributes => Node.Attributes;

    /// <summary>True when input <paramref name="index"/> is given (not omitted).</summary>
    public bool Has(int index) => index < _inputs.Count && _inputs[index] is not null;

    /// <summary>Input <paramref name="index"/>, which must be given.</summary>
    public LoadedValue Input(int index) => Has(index) ? _inputs[index]! : throw Fail($"input {index} is missing");

    /// <summary>The shape of input <paramref name="index"/>.</summary>
    public TensorShape Shape(int index) => Input(index).Shape;

    /// <summary>Input <paramref name="index"/>'s data, refusing a runtime value: <paramref name="role"/> says what it is for.</summary>
    public ConstantTensor RequireConstant(int index, string role) => Input(index).Constant
        ?? throw Fail($"the {role} input '{Input(index).Name}' is computed at run time; it must be a constant (an initializer or foldable at load)");

    /// <summary>Input <paramref name="index"/> as integers (shape, axes, indices), refusing a runtime or float value.</summary>
    public long[] RequireIntegers(int index, string role)
    {
        var constant = RequireConstant(index, role);
        return constant.Integers ?? throw Fail($"the {role} input '{constant.Name}' is {constant.Type}; it must be an integer tensor");
    }

    /// <summary>Input <paramref name="index"/> as a float32 constant (weights), refusing other types.</summary>
    public float[] RequireFloatWeights(int index, string role)
    {
        var constant = RequireConstant(index, role);
        return constant.Type == ElementType.Float32
            ? constant.Floats!
            : throw Fail($"the {role} input '{constant.Name}' is {constant.Type}; it must be Float32");
    }

    /// <summary>An integer-list attribute, or <paramref name="fallback"/> when absent.</summary>
    public long[] Ints(string name, long[] fallback) => Attributes.GetInts(name) ?? fallback;

    /// <summary>A refusal naming this node.</summary>
    public ModelLoadException Fail(string reason) => new(Node.ToString(), reason);

    /// <summary>Checks <paramref name="values"/> fit an int (kernel sizes, strides, dims) and converts them.</summary>
    public int[] ToInts(long[] values, string what, long minimum)
    {
        var result = new int[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            if (values[i] < minimum || values[i] > int.MaxValue)
            {
                throw Fail($"{what} [{string.Join(", ", values)}] has {values[i]}; each must be at least {minimum}");
            }

            result[i] = (int)values[i];
        }

        return result;
    }

    /// <summary>Axis <paramref name="axis"/> made non-negative for rank <paramref name="rank"/> (valid range [-rank, rank - 1]).</summary>
    public int Axis(long axis, int rank, string what = "axis")
    {
        if (axis < -rank || axis >= rank)
        {
            throw Fail($"{what} {axis} is out of range for rank {rank}");
        }

        return (int)(axis < 0 ? axis + rank : axis);
    }
}
