namespace FlightSw.Inference.Models.Operators;

/// <summary>Concat along a non-negative <c>axis</c>; every other dimension must agree. Folded on constants of one kind.</summary>
internal sealed class ConcatRule() : OperatorRule("Concat")
{
    /// <inheritdoc />
    public override int MaxInputs => int.MaxValue;

    /// <inheritdoc />
    public override InferredNode Infer(NodeContext node)
    {
        int count = node.Node.Inputs.Count;
        for (int i = 0; i < count; i++)
        {
            if (!node.Has(i))
            {
                throw node.Fail($"input {i} is empty; Concat takes no optional inputs");
            }
        }

        TensorShape first = node.Shape(0);
        if (!node.Attributes.Has("axis"))
        {
            throw node.Fail("axis is missing");
        }

        if (first.Rank == 0)
        {
            throw node.Fail($"input '{node.Input(0).Name}' is a scalar; Concat needs rank 1 or more");
        }

        int axis = node.Axis(node.Attributes.GetInt("axis", 0), first.Rank);
        int[] dims = first.ToArray();
        for (int i = 1; i < count; i++)
        {
            TensorShape shape = node.Shape(i);
            bool matches = shape.Rank == first.Rank
                && Enumerable.Range(0, first.Rank).All(d => d == axis || shape[d] == first[d]);
            if (!matches)
            {
                throw node.Fail($"input '{node.Input(i).Name}' {shape} does not match '{node.Input(0).Name}' {first} outside axis {axis}");
            }

            dims[axis] += shape[axis];
        }

        return new InferredNode(With(node, ("axis", (long)axis)), [new TensorShape(dims)]);
    }

    /// <inheritdoc />
    public override IReadOnlyList<ConstantTensor> Fold(NodeContext node, InferredNode inferred)
    {
        var inputs = Enumerable.Range(0, node.Node.Inputs.Count).Select(i => node.Input(i).Constant!).ToArray();
        if (inputs.Any(input => input.IsFloat != inputs[0].IsFloat))
        {
            throw node.Fail("mixes float and integer constants");
        }

        var shape = inferred.OutputShapes[0];
        int axis = (int)inferred.Attributes.GetInt("axis", 0);
        int outer = shape.Product(0, axis);
        int inner = shape.Product(axis + 1, shape.Rank);

        // Output order: for each outer index, every input's block along the axis in turn.
        var map = new List<(int Input, int Index)>(shape.ElementCount);
        for (int o = 0; o < outer; o++)
        {
            for (int i = 0; i < inputs.Length; i++)
            {
                int block = inputs[i].Shape[axis] * inner;
                map.AddRange(Enumerable.Range(o * block, block).Select(index => (i, index)));
            }
        }

        string name = node.Node.Outputs[0];
        return inputs[0].IsFloat
            ? [ConstantTensor.OfFloats(name, shape, [.. map.Select(entry => inputs[entry.Input].Floats![entry.Index])], inputs[0].Type)]
            : [ConstantTensor.OfIntegers(name, shape, [.. map.Select(entry => inputs[entry.Input].Integers![entry.Index])], inputs[0].Type)];
    }
}
