namespace FlightSw.Inference.Models.Operators;

/// <summary>
/// Gather along a non-negative <c>axis</c> with constant indices. At run time negative indices are
/// replaced by a normalised copy of the indices (a constant of the loader's own).
/// </summary>
internal sealed class GatherRule() : OperatorRule("Gather")
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
        TensorShape data = node.Shape(0);
        if (data.Rank == 0)
        {
            throw node.Fail($"data '{node.Input(0).Name}' is a scalar; Gather needs rank 1 or more");
        }

        int axis = node.Axis(node.Attributes.GetInt("axis", 0), data.Rank);
        long[] indices = node.RequireIntegers(1, "indices");
        long[] normalized = Normalize(node, indices, data[axis]);
        TensorShape indexShape = node.Shape(1);
        var shape = new TensorShape([.. data.Dims[..axis], .. indexShape.Dims, .. data.Dims[(axis + 1)..]]);
        var result = new InferredNode(With(node, ("axis", (long)axis)), [shape]);
        if (node.Input(0).IsConstant || normalized.SequenceEqual(indices))
        {
            return result;
        }

        // A constant of the loader's own, so a shared indices tensor keeps its original values for other users.
        var replaced = ConstantTensor.OfIntegers($"{node.Node.Name}::indices", indexShape, normalized);
        return result with { Inputs = [node.Node.Inputs[0], replaced.Name], AddedConstants = [replaced] };
    }

    /// <inheritdoc />
    public override IReadOnlyList<ConstantTensor> Fold(NodeContext node, InferredNode inferred)
    {
        var data = node.Input(0).Constant!;
        int axis = (int)inferred.Attributes.GetInt("axis", 0);
        long[] indices = Normalize(node, node.RequireIntegers(1, "indices"), data.Shape[axis]);
        int outer = data.Shape.Product(0, axis);
        int inner = data.Shape.Product(axis + 1, data.Shape.Rank);
        int size = data.Shape[axis];
        var map = new List<int>(inferred.OutputShapes[0].ElementCount);
        for (int o = 0; o < outer; o++)
        {
            foreach (long index in indices)
            {
                int start = (int)((((long)o * size) + index) * inner);
                map.AddRange(Enumerable.Range(start, inner));
            }
        }

        return [ConstantData.Take(data, [.. map], node.Node.Outputs[0], inferred.OutputShapes[0])];
    }

    private static long[] Normalize(NodeContext node, long[] indices, int size)
    {
        var normalized = new long[indices.Length];
        for (int i = 0; i < indices.Length; i++)
        {
            if (indices[i] < -size || indices[i] >= size)
            {
                throw node.Fail($"index {indices[i]} is out of range for an axis of size {size}");
            }

            normalized[i] = indices[i] < 0 ? indices[i] + size : indices[i];
        }

        return normalized;
    }
}
