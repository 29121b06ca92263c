namespace FlightSw.Inference.Models.Operators;

/// <summary>Transpose with <c>perm</c> made explicit (default: reverse the axes).</summary>
internal sealed class TransposeRule() : OperatorRule("Transpose")
{
    /// <inheritdoc />
    public override InferredNode Infer(NodeContext node)
    {
        TensorShape x = node.Shape(0);
        long[] perm = node.Ints("perm", [.. Enumerable.Range(0, x.Rank).Reverse().Select(axis => (long)axis)]);
        if (perm.Length != x.Rank || !perm.Order().SequenceEqual(Enumerable.Range(0, x.Rank).Select(axis => (long)axis)))
        {
            throw node.Fail($"perm [{string.Join(", ", perm)}] is not a permutation of the {x.Rank} axes of {x}");
        }

        var shape = new TensorShape([.. perm.Select(axis => x[(int)axis])]);
        return new InferredNode(With(node, ("perm", perm)), [shape]);
    }

    /// <inheritdoc />
    public override IReadOnlyList<ConstantTensor> Fold(NodeContext node, InferredNode inferred)
    {
        var input = node.Input(0).Constant!;
        var shape = inferred.OutputShapes[0];
        long[] perm = inferred.Attributes.GetInts("perm")!;
        int[] strides = ConstantData.Strides(input.Shape);
        var map = new int[shape.ElementCount];
        var index = new int[shape.Rank];
        for (int flat = 0; flat < map.Length; flat++)
        {
            int source = 0;
            for (int axis = 0; axis < shape.Rank; axis++)
            {
                source += index[axis] * strides[perm[axis]];
            }

            map[flat] = source;
            Broadcasting.Increment(index, shape);
        }

        return [ConstantData.Take(input, map, node.Node.Outputs[0], shape)];
    }
}
