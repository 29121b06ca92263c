using FlightSw.Inference.Models;

namespace FlightSw.Inference.Kernels;

/// <summary>
/// Element-wise Add, Sub, Mul and Div with numpy multidirectional broadcasting over static shapes.
/// Equal shapes and a one-element operand run as one vectorised pass; every other pair is reduced
/// to its fewest dimensions (size-1 output axes dropped, neighbours that broadcast alike merged) and
/// run as vectorised rows. That turns [N,C,H,W] op [C,1,1] into N*C runs of H*W against one scalar
/// and [.., K] op [K] into rows of K against the vector, with no index arithmetic per element.
/// </summary>
internal static class Broadcast
{
    /// <summary>The broadcast shape of <paramref name="a"/> and <paramref name="b"/> (numpy rules, aligned on the right).</summary>
    /// <exception cref="ArgumentException">A pair of aligned dimensions differ and neither is 1.</exception>
    public static TensorShape ShapeOf(TensorShape a, TensorShape b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        int rank = Math.Max(a.Rank, b.Rank);
        var dims = new int[rank];
        for (int axis = 0; axis < rank; axis++)
        {
            int da = DimAligned(a, axis, rank);
            int db = DimAligned(b, axis, rank);
            if (da != db && da != 1 && db != 1)
            {
                throw new ArgumentException($"Shapes {a} and {b} are not broadcastable: dimension {da} against {db}.");
            }

            dims[axis] = da == 1 ? db : da;
        }

        return new TensorShape(dims);
    }

    /// <summary>
    /// output = a op b, each operand broadcast to <paramref name="outputShape"/>, which must be
    /// <see cref="ShapeOf"/>(aShape, bShape). Allocates nothing. <paramref name="output"/> may be the
    /// same memory as an operand whose element count is the output's (it is read at each position
    /// before that position is written), never as one that is broadcast.
    /// </summary>
    /// <exception cref="ArgumentException">The shapes do not broadcast to the output shape, or a span is shorter than its shape.</exception>
    public static void Binary(BinaryOp op, ReadOnlySpan<float> a, TensorShape aShape, ReadOnlySpan<float> b, TensorShape bShape, Span<float> output, TensorShape outputShape)
    {
        Validate(a, aShape, b, bShape, output, outputShape);
        int count = outputShape.ElementCount;
        if (count == 0)
        {
            return;
        }

        var target = output[..count];
        if (aShape.ElementCount == count && bShape.ElementCount == count)
        {
            // Equal element counts with compatible shapes means no axis is actually broadcast.
            BroadcastRow.SpanSpan(op, a[..count], b[..count], target);
        }
        else if (bShape.ElementCount == 1)
        {
            BroadcastRow.SpanScalar(op, a[..count], b[0], target);
        }
        else if (aShape.ElementCount == 1)
        {
            BroadcastRow.ScalarSpan(op, a[0], b[..count], target);
        }
        else
        {
            BroadcastStrided.Run(op, a, aShape, b, bShape, target, outputShape);
        }
    }

    /// <summary>Dimension <paramref name="axis"/> of <paramref name="shape"/> right-aligned to <paramref name="rank"/> axes (1 where it has none).</summary>
    internal static int DimAligned(TensorShape shape, int axis, int rank)
    {
        int own = axis - (rank - shape.Rank);
        return own < 0 ? 1 : shape.Dims[own];
    }

    private static void Validate(ReadOnlySpan<float> a, TensorShape aShape, ReadOnlySpan<float> b, TensorShape bShape, Span<float> output, TensorShape outputShape)
    {
        ArgumentNullException.ThrowIfNull(aShape);
        ArgumentNullException.ThrowIfNull(bShape);
        ArgumentNullException.ThrowIfNull(outputShape);
        int rank = outputShape.Rank;
        bool fits = aShape.Rank <= rank && bShape.Rank <= rank;
        for (int axis = 0; fits && axis < rank; axis++)
        {
            int dim = outputShape.Dims[axis];
            int da = DimAligned(aShape, axis, rank);
            int db = DimAligned(bShape, axis, rank);
            fits = (da == dim || da == 1) && (db == dim || db == 1) && (dim == da || dim == db);
        }

        if (!fits)
        {
            throw new ArgumentException($"Shapes {aShape} and {bShape} do not broadcast to {outputShape}.");
        }

        if (a.Length < aShape.ElementCount || b.Length < bShape.ElementCount || output.Length < outputShape.ElementCount)
        {
            throw new ArgumentException($"Spans a ({a.Length}), b ({b.Length}) or output ({output.Length}) are shorter than shapes {aShape}, {bShape}, {outputShape}.");
        }
    }
}
