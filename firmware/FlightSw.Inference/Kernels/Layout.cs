using FlightSw.Inference.Models;

namespace FlightSw.Inference.Kernels;

/// <summary>
/// Data movement of float tensors at run time: ONNX Transpose, Slice, Gather and Concat over
/// row-major tensors of any rank. Values are copied bit for bit; nothing is allocated on the heap.
/// </summary>
internal static class Layout
{
    /// <summary>Transpose: y's axis i is x's axis perm[i].</summary>
    /// <exception cref="ArgumentException">perm is not a permutation of the axes, or a span is shorter than the shape.</exception>
    public static void Transpose(ReadOnlySpan<float> x, TensorShape shape, ReadOnlySpan<int> perm, Span<float> y) =>
        LayoutTranspose.Run(x, shape, perm, y);

    /// <summary>
    /// Slice: y[i0, i1, ...] = x[starts[0] + i0*steps[0], starts[1] + i1*steps[1], ...] for every
    /// index of <paramref name="outputShape"/>. Starts and steps cover every axis and are already
    /// clamped (a negative step walks backwards from its start).
    /// </summary>
    /// <exception cref="ArgumentException">An axis would read outside x, a step is 0, or a span is too short.</exception>
    public static void Slice(ReadOnlySpan<float> x, TensorShape shape, ReadOnlySpan<int> starts, ReadOnlySpan<int> steps, TensorShape outputShape, Span<float> y)
    {
        LayoutSlice.Validate(x, shape, starts, steps, outputShape, y);
        LayoutSlice.Run(x, shape, starts, steps, outputShape, y);
    }

    /// <summary>
    /// Gather: y has shape x.shape[:axis] + indicesShape + x.shape[axis+1:] and takes, for each
    /// index, the slab of x at that position along <paramref name="axis"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The axis is out of range, an index is outside [0, x.shape[axis]), or a span is too short.</exception>
    public static void Gather(ReadOnlySpan<float> x, TensorShape shape, int axis, ReadOnlySpan<int> indices, TensorShape indicesShape, Span<float> y)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(indicesShape);
        axis = NormalizeAxis(axis, shape);
        int dim = shape.Dims[axis];
        int outer = shape.Product(0, axis);
        int inner = shape.Product(axis + 1, shape.Rank);
        int count = indicesShape.ElementCount;
        if (x.Length < shape.ElementCount || indices.Length < count || y.Length < (long)outer * count * inner)
        {
            throw new ArgumentException($"x ({x.Length}), indices ({indices.Length}) or y ({y.Length}) is too short for gathering {indicesShape} from {shape} on axis {axis}.");
        }

        foreach (int index in indices[..count])
        {
            if ((uint)index >= (uint)dim)
            {
                throw new ArgumentException($"Gather index {index} is outside [0, {dim}) of axis {axis} of {shape}.", nameof(indices));
            }
        }

        unchecked
        {
            for (int o = 0; o < outer; o++)
            {
                for (int j = 0; j < count; j++)
                {
                    int source = ((o * dim) + indices[j]) * inner;
                    int target = ((o * count) + j) * inner;
                    if (inner == 1)
                    {
                        y[target] = x[source];
                    }
                    else
                    {
                        x.Slice(source, inner).CopyTo(y.Slice(target, inner));
                    }
                }
            }
        }
    }

    /// <summary>Concat: the inputs joined along <paramref name="axis"/>, in list order; all other dimensions agree.</summary>
    /// <exception cref="ArgumentException">The lists are empty or differ in length, the shapes disagree, or a span is too short.</exception>
    public static void Concat(IReadOnlyList<ReadOnlyMemory<float>> inputs, IReadOnlyList<TensorShape> shapes, int axis, Span<float> y)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(shapes);
        if (inputs.Count == 0 || inputs.Count != shapes.Count)
        {
            throw new ArgumentException($"Concat needs one shape per input and at least one input, got {inputs.Count} inputs and {shapes.Count} shapes.");
        }

        var first = shapes[0];
        axis = NormalizeAxis(axis, first);
        int outer = first.Product(0, axis);
        int inner = first.Product(axis + 1, first.Rank);
        int total = LayoutConcat.AxisTotal(shapes, axis);
        int outputBlock = total * inner;
        if (y.Length < (long)outer * outputBlock)
        {
            throw new ArgumentException($"y ({y.Length}) is shorter than the {outer * (long)outputBlock} elements of the concatenation.", nameof(y));
        }

        unchecked
        {
            // Input by input, so each ReadOnlyMemory is turned into a span once.
            int offset = 0;
            for (int i = 0; i < inputs.Count; i++)
            {
                int block = shapes[i].Dims[axis] * inner;
                var source = inputs[i].Span;
                if (source.Length < shapes[i].ElementCount)
                {
                    throw new ArgumentException($"Input {i} holds {source.Length} elements, its shape {shapes[i]} needs {shapes[i].ElementCount}.", nameof(inputs));
                }

                for (int o = 0; o < outer; o++)
                {
                    source.Slice(o * block, block).CopyTo(y.Slice((o * outputBlock) + offset, block));
                }

                offset += block;
            }
        }
    }

    private static int NormalizeAxis(int axis, TensorShape shape)
    {
        int normalized = axis < 0 ? axis + shape.Rank : axis;
        if ((uint)normalized >= (uint)shape.Rank)
        {
            throw new ArgumentException($"Axis {axis} is outside shape {shape}.", nameof(axis));
        }

        return normalized;
    }
}
