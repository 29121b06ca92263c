namespace FlightSw.Inference.Models.Operators;

/// <summary>
/// Resolves strides, dilations, pads and auto_pad of Conv, MaxPool and AveragePool into explicit
/// pads and output sizes, following the ONNX operator definitions (and ONNX Runtime where they differ).
/// </summary>
internal static class SpatialResolver
{
    /// <summary>Resolves the geometry of <paramref name="node"/> over spatial input sizes <paramref name="input"/>.</summary>
    /// <exception cref="ModelLoadException">An attribute has the wrong length or value, or the window does not fit.</exception>
    public static SpatialGeometry Resolve(NodeContext node, ReadOnlySpan<int> input, long[] kernel, bool ceilMode)
    {
        int rank = input.Length;
        long[] strides = Checked(node, "strides", node.Ints("strides", Filled(rank, 1)), rank, 1);
        long[] dilations = Checked(node, "dilations", node.Ints("dilations", Filled(rank, 1)), rank, 1);
        long[]? given = node.Attributes.GetInts("pads");
        long[] pads = given is null ? new long[2 * rank] : Checked(node, "pads", given, 2 * rank, 0);
        string autoPad = node.Attributes.GetString("auto_pad", "NOTSET");
        if (autoPad != "NOTSET" && pads.Any(pad => pad != 0))
        {
            throw node.Fail($"sets both auto_pad {autoPad} and pads [{string.Join(", ", pads)}]; ONNX allows only one");
        }

        var output = new int[rank];
        for (int axis = 0; axis < rank; axis++)
        {
            long span = ((kernel[axis] - 1) * dilations[axis]) + 1;
            switch (autoPad)
            {
                case "NOTSET" or "VALID":
                    output[axis] = Explicit(node, axis, input[axis], span, strides[axis], pads[axis], pads[axis + rank], ceilMode);
                    break;
                case "SAME_UPPER" or "SAME_LOWER":
                    // Output ceil(in / stride); the padding that needs, odd excess at the end (UPPER) or the begin (LOWER).
                    long size = (input[axis] + strides[axis] - 1) / strides[axis];
                    long total = Math.Max(0, ((size - 1) * strides[axis]) + span - input[axis]);
                    pads[axis] = autoPad == "SAME_UPPER" ? total / 2 : total - (total / 2);
                    pads[axis + rank] = total - pads[axis];
                    output[axis] = (int)size;
                    break;
                default:
                    throw node.Fail($"auto_pad '{autoPad}' is not one of NOTSET, VALID, SAME_UPPER, SAME_LOWER");
            }
        }

        return new SpatialGeometry(kernel, strides, pads, dilations, output);
    }

    /// <summary>Checks a per-axis attribute: <paramref name="count"/> entries, each at least <paramref name="minimum"/> and within int.</summary>
    public static long[] Checked(NodeContext node, string name, long[] values, int count, long minimum)
    {
        if (values.Length != count)
        {
            throw node.Fail($"{name} [{string.Join(", ", values)}] has {values.Length} entries; {count} expected for the input's spatial axes");
        }

        node.ToInts(values, name, minimum);
        return values;
    }

    /// <summary>An array of <paramref name="count"/> copies of <paramref name="value"/>.</summary>
    public static long[] Filled(int count, long value) => [.. Enumerable.Repeat(value, count)];

    private static int Explicit(NodeContext node, int axis, int input, long span, long stride, long begin, long end, bool ceilMode)
    {
        long room = input + begin + end - span;
        if (room < 0)
        {
            throw node.Fail($"the window (kernel with dilation spans {span}) does not fit spatial axis {axis} of size {input} padded by {begin}+{end}");
        }

        long size = (ceilMode ? (room + stride - 1) / stride : room / stride) + 1;

        // In ceil mode a last window starting in the end padding is dropped (as ONNX Runtime and PyTorch do).
        if (ceilMode && (size - 1) * stride >= input + begin)
        {
            size--;
        }

        return size > int.MaxValue
            ? throw node.Fail($"spatial axis {axis} gives output size {size}")
            : (int)size;
    }
}
