using System.Numerics.Tensors;

namespace FlightSw.Inference.Kernels;

/// <summary>
/// Softmax along one axis: y = exp(x - max) / sum(exp(x - max)). Subtracting the maximum keeps
/// every exponent at or below 1, so large inputs never overflow.
/// </summary>
internal static class Softmax
{
    // Columns handled together when the axis is strided (inner > 1): the running maxima and sums
    // live on the stack, so a call allocates nothing whatever the tensor size.
    private const int ColumnBlock = 256;

    /// <summary>
    /// Softmax over x laid out as [outer, axis, inner] along the middle dimension. <paramref name="y"/>
    /// may be the same span as <paramref name="x"/>.
    /// </summary>
    /// <exception cref="ArgumentException">A span is shorter than the layout needs.</exception>
    public static void Run(ReadOnlySpan<float> x, int outer, int axis, int inner, Span<float> y)
    {
        long count = (long)outer * axis * inner;
        if (outer < 0 || axis < 0 || inner < 0 || x.Length < count || y.Length < count)
        {
            throw new ArgumentException($"Layout [{outer}, {axis}, {inner}] does not fit x ({x.Length}) or y ({y.Length}).");
        }

        if (count == 0)
        {
            return;
        }

        if (inner == 1)
        {
            RunContiguous(x, outer, axis, y);
        }
        else
        {
            RunStrided(x, outer, axis, inner, y);
        }
    }

    private static void RunContiguous(ReadOnlySpan<float> x, int outer, int axis, Span<float> y)
    {
        unchecked
        {
            for (int o = 0; o < outer; o++)
            {
                var source = x.Slice(o * axis, axis);
                var target = y.Slice(o * axis, axis);
                float max = TensorPrimitives.Max(source);
                TensorPrimitives.Subtract(source, max, target);
                TensorPrimitives.Exp(target, target);

                // TensorPrimitives sums in an order fixed by the length alone (not the alignment),
                // so the same row gives the same bits wherever it sits in memory.
                float sum = TensorPrimitives.Sum(target);
                TensorPrimitives.Divide(target, sum, target);
            }
        }
    }

    private static void RunStrided(ReadOnlySpan<float> x, int outer, int axis, int inner, Span<float> y)
    {
        int block = Math.Min(inner, ColumnBlock);
        Span<float> max = stackalloc float[block];
        Span<float> sum = stackalloc float[block];
        unchecked
        {
            for (int o = 0; o < outer; o++)
            {
                int plane = o * axis * inner;
                for (int column = 0; column < inner; column += block)
                {
                    int width = Math.Min(block, inner - column);
                    var blockMax = max[..width];
                    var blockSum = sum[..width];
                    x.Slice(plane + column, width).CopyTo(blockMax);
                    for (int a = 1; a < axis; a++)
                    {
                        TensorPrimitives.Max(blockMax, x.Slice(plane + (a * inner) + column, width), blockMax);
                    }

                    // Each row is read before its own slot is written, so x and y may be the same span.
                    blockSum.Clear();
                    for (int a = 0; a < axis; a++)
                    {
                        int start = plane + (a * inner) + column;
                        var target = y.Slice(start, width);
                        TensorPrimitives.Subtract(x.Slice(start, width), blockMax, target);
                        TensorPrimitives.Exp(target, target);
                        TensorPrimitives.Add(blockSum, target, blockSum);
                    }

                    for (int a = 0; a < axis; a++)
                    {
                        var target = y.Slice(plane + (a * inner) + column, width);
                        TensorPrimitives.Divide(target, blockSum, target);
                    }
                }
            }
        }
    }
}
