namespace FlightSw.Inference.Models.Operators;

/// <summary>
/// Reshape to a constant target: 0 copies the input dimension (unless allowzero), -1 is inferred.
/// The resolved target is recorded as attribute <c>shape</c>.
/// </summary>
internal sealed class ReshapeRule() : OperatorRule("Reshape")
{
    /// <inheritdoc />
    public override int MinInputs => 2;

    /// <inheritdoc />
    public override int MaxInputs => 2;

    /// <inheritdoc />
    public override bool IsParameterInput(int index) => index == 1;

    /// <inheritdoc />
    public override InferredNode Infer(NodeContext node)
    {
        TensorShape x = node.Shape(0);
        if (node.Shape(1).Rank != 1)
        {
            throw node.Fail($"the shape input '{node.Input(1).Name}' has shape {node.Shape(1)}; it must be 1-D");
        }

        long[] target = node.RequireIntegers(1, "shape");
        bool allowZero = node.Attributes.GetInt("allowzero", 0) != 0;
        var dims = new long[target.Length];
        int inferred = -1;
        for (int i = 0; i < target.Length; i++)
        {
            dims[i] = target[i] switch
            {
                -1 when inferred >= 0 => throw node.Fail($"target [{string.Join(", ", target)}] has more than one -1"),
                -1 => Mark(ref inferred, i),
                0 when !allowZero && i >= x.Rank => throw node.Fail($"target [{string.Join(", ", target)}] copies dimension {i} (0), which input {x} does not have"),
                0 when !allowZero => x[i],
                < 0 or > int.MaxValue => throw node.Fail($"target [{string.Join(", ", target)}] has dimension {target[i]}"),
                _ => target[i],
            };
        }

        if (allowZero && inferred >= 0 && target.Contains(0))
        {
            throw node.Fail($"target [{string.Join(", ", target)}] has both 0 and -1 with allowzero=1");
        }

        if (inferred >= 0)
        {
            long known = dims.Where((_, i) => i != inferred).Aggregate(1L, (product, dim) => product * dim);
            if (known == 0 || x.ElementCount % known != 0)
            {
                throw node.Fail($"cannot reshape {x} ({x.ElementCount} elements) to [{string.Join(", ", target)}]");
            }

            dims[inferred] = x.ElementCount / known;
        }

        var shape = new TensorShape([.. dims.Select(dim => (int)dim)]);
        if (shape.ElementCount != x.ElementCount)
        {
            throw node.Fail($"cannot reshape {x} ({x.ElementCount} elements) to {shape} ({shape.ElementCount} elements)");
        }

        return new InferredNode(With(node, ("shape", dims)), [shape]);
    }

    /// <inheritdoc />
    public override IReadOnlyList<ConstantTensor> Fold(NodeContext node, InferredNode inferred) =>
        [ConstantData.Reshaped(node.Input(0).Constant!, node.Node.Outputs[0], inferred.OutputShapes[0])];

    private static long Mark(ref int inferred, int index)
    {
        inferred = index;
        return 1;
    }
}
