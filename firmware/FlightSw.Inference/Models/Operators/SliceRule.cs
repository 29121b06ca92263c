namespace FlightSw.Inference.Models.Operators;

/// <summary>
/// Slice, with bounds from attributes (before opset 10) or constant inputs (opset 10+). The loader
/// records <c>starts</c>, <c>ends</c>, <c>axes</c> and <c>steps</c> for every axis, clamped to the input.
/// </summary>
internal sealed class SliceRule() : OperatorRule("Slice")
{
    /// <summary>The first opset that takes the bounds as inputs.</summary>
    public const long InputBoundsOpset = 10;

    private static readonly string[] Roles = ["data", "starts", "ends", "axes", "steps"];

    /// <inheritdoc />
    public override int MaxInputs => 5;

    /// <inheritdoc />
    public override bool IsParameterInput(int index) => index > 0;

    /// <inheritdoc />
    public override InferredNode Infer(NodeContext node)
    {
        TensorShape x = node.Shape(0);
        var (starts, ends, axes, steps) = node.Opset < InputBoundsOpset ? FromAttributes(node) : FromInputs(node);
        if (starts.Length != ends.Length || axes.Length != starts.Length || steps.Length != starts.Length)
        {
            throw node.Fail($"starts, ends, axes and steps have {starts.Length}, {ends.Length}, {axes.Length} and {steps.Length} entries; they must agree");
        }

        // Every axis explicit: whole axis, step 1, unless the node says otherwise.
        long[] allStarts = new long[x.Rank];
        long[] allEnds = [.. x.ToArray().Select(dim => (long)dim)];
        long[] allSteps = SpatialResolver.Filled(x.Rank, 1);
        var seen = new HashSet<int>();
        for (int i = 0; i < axes.Length; i++)
        {
            int axis = node.Axis(axes[i], x.Rank, "axes entry");
            if (!seen.Add(axis))
            {
                throw node.Fail($"axes [{string.Join(", ", axes)}] repeat axis {axis}");
            }

            if (steps[i] == 0)
            {
                throw node.Fail($"steps [{string.Join(", ", steps)}] has a 0");
            }

            (allStarts[axis], allEnds[axis]) = Clamp(starts[i], ends[i], steps[i], x[axis]);
            allSteps[axis] = steps[i];
        }

        var dims = new int[x.Rank];
        for (int axis = 0; axis < x.Rank; axis++)
        {
            long distance = allSteps[axis] > 0 ? allEnds[axis] - allStarts[axis] : allStarts[axis] - allEnds[axis];
            long step = Math.Abs(allSteps[axis]);
            dims[axis] = (int)Math.Max(0, (distance + step - 1) / step);
        }

        var attributes = With(
            node,
            ("starts", allStarts),
            ("ends", allEnds),
            ("axes", Enumerable.Range(0, x.Rank).Select(axis => (long)axis).ToArray()),
            ("steps", allSteps));
        return new InferredNode(attributes, [new TensorShape(dims)]);
    }

    /// <inheritdoc />
    public override IReadOnlyList<ConstantTensor> Fold(NodeContext node, InferredNode inferred)
    {
        var input = node.Input(0).Constant!;
        var shape = inferred.OutputShapes[0];
        long[] starts = inferred.Attributes.GetInts("starts")!;
        long[] steps = inferred.Attributes.GetInts("steps")!;
        int[] strides = ConstantData.Strides(input.Shape);
        var map = new int[shape.ElementCount];
        var index = new int[shape.Rank];
        for (int flat = 0; flat < map.Length; flat++)
        {
            long source = 0;
            for (int axis = 0; axis < shape.Rank; axis++)
            {
                source += (starts[axis] + (index[axis] * steps[axis])) * strides[axis];
            }

            map[flat] = (int)source;
            Broadcasting.Increment(index, shape);
        }

        return [ConstantData.Take(input, map, node.Node.Outputs[0], shape)];
    }

    // ONNX clamping: negative counts from the end, then starts to [0, dim] (step > 0) or [0, dim - 1]
    // (step < 0), ends to [0, dim] or [-1, dim - 1].
    private static (long Start, long End) Clamp(long start, long end, long step, int dim)
    {
        start = start < 0 ? start + dim : start;
        end = end < 0 ? end + dim : end;
        return step > 0
            ? (Math.Clamp(start, 0, dim), Math.Clamp(end, 0, dim))
            : (Math.Clamp(start, 0, dim - 1), Math.Clamp(end, -1, dim - 1));
    }

    private static (long[] Starts, long[] Ends, long[] Axes, long[] Steps) FromAttributes(NodeContext node)
    {
        long[] starts = node.Attributes.GetInts("starts") ?? throw node.Fail("starts is missing");
        long[] ends = node.Attributes.GetInts("ends") ?? throw node.Fail("ends is missing");
        long[] axes = node.Ints("axes", [.. Enumerable.Range(0, starts.Length).Select(axis => (long)axis)]);
        return (starts, ends, axes, SpatialResolver.Filled(starts.Length, 1));
    }

    private static (long[] Starts, long[] Ends, long[] Axes, long[] Steps) FromInputs(NodeContext node)
    {
        if (!node.Has(1) || !node.Has(2))
        {
            throw node.Fail($"takes starts and ends as inputs from opset {InputBoundsOpset}; they are missing");
        }

        long[] starts = node.RequireIntegers(1, Roles[1]);
        long[] ends = node.RequireIntegers(2, Roles[2]);
        long[] axes = node.Has(3) ? node.RequireIntegers(3, Roles[3]) : [.. Enumerable.Range(0, starts.Length).Select(axis => (long)axis)];
        long[] steps = node.Has(4) ? node.RequireIntegers(4, Roles[4]) : SpatialResolver.Filled(starts.Length, 1);
        return (starts, ends, axes, steps);
    }
}
