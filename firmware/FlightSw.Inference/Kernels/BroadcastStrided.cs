using FlightSw.Inference.Models;

namespace FlightSw.Inference.Kernels;

/// <summary>
/// The general broadcasting path of <see cref="Broadcast.Binary"/>, any rank: the shapes are first
/// reduced to their fewest dimensions, then the last dimension runs as one vectorised row per
/// position of the others.
/// </summary>
internal static class BroadcastStrided
{
    /// <summary>output = a op b over <paramref name="outputShape"/>; the shapes are already validated.</summary>
    public static void Run(BinaryOp op, ReadOnlySpan<float> a, TensorShape aShape, ReadOnlySpan<float> b, TensorShape bShape, Span<float> output, TensorShape outputShape)
    {
        int rank = outputShape.Rank;
        Span<int> dims = stackalloc int[rank];
        Span<int> aStrides = stackalloc int[rank];
        Span<int> bStrides = stackalloc int[rank];
        Span<int> index = stackalloc int[rank];
        int compactRank = Compact(aShape, bShape, outputShape, dims, aStrides, bStrides);
        if (compactRank == 0)
        {
            // Only size-1 axes: a single element.
            BroadcastRow.ScalarScalar(op, a[0], b[0], output[..1]);
            return;
        }

        unchecked
        {
            int last = compactRank - 1;
            int length = dims[last];
            int aOffset = 0;
            int bOffset = 0;
            int outputOffset = 0;
            index.Clear();
            while (true)
            {
                Row(op, a, aOffset, aStrides[last], b, bOffset, bStrides[last], output.Slice(outputOffset, length));
                outputOffset += length;

                // Odometer over the outer axes, moving each operand by its stride (0 when broadcast).
                int axis = last - 1;
                for (; axis >= 0; axis--)
                {
                    aOffset += aStrides[axis];
                    bOffset += bStrides[axis];
                    if (++index[axis] < dims[axis])
                    {
                        break;
                    }

                    aOffset -= aStrides[axis] * dims[axis];
                    bOffset -= bStrides[axis] * dims[axis];
                    index[axis] = 0;
                }

                if (axis < 0)
                {
                    return;
                }
            }
        }
    }

    // Fills dims and element strides (0 = broadcast) with size-1 axes dropped and neighbours merged
    // where both operands step through them alike; returns how many axes remain.
    private static int Compact(TensorShape aShape, TensorShape bShape, TensorShape outputShape, Span<int> dims, Span<int> aStrides, Span<int> bStrides)
    {
        unchecked
        {
            int rank = outputShape.Rank;
            int aRun = 1;
            int bRun = 1;
            for (int axis = rank - 1; axis >= 0; axis--)
            {
                int da = Broadcast.DimAligned(aShape, axis, rank);
                int db = Broadcast.DimAligned(bShape, axis, rank);
                dims[axis] = outputShape.Dims[axis];
                aStrides[axis] = da == 1 ? 0 : aRun;
                bStrides[axis] = db == 1 ? 0 : bRun;
                aRun *= da;
                bRun *= db;
            }

            int count = 0;
            for (int axis = 0; axis < rank; axis++)
            {
                int dim = dims[axis];
                if (dim == 1)
                {
                    continue;
                }

                if (count > 0 && aStrides[count - 1] == aStrides[axis] * dim && bStrides[count - 1] == bStrides[axis] * dim)
                {
                    dims[count - 1] *= dim;
                    aStrides[count - 1] = aStrides[axis];
                    bStrides[count - 1] = bStrides[axis];
                }
                else
                {
                    dims[count] = dim;
                    aStrides[count] = aStrides[axis];
                    bStrides[count] = bStrides[axis];
                    count++;
                }
            }

            return count;
        }
    }

    // After compaction the innermost stride of each operand is 1 (walks it) or 0 (broadcast).
    private static void Row(BinaryOp op, ReadOnlySpan<float> a, int aOffset, int aStride, ReadOnlySpan<float> b, int bOffset, int bStride, Span<float> output)
    {
        int length = output.Length;
        if (aStride != 0 && bStride != 0)
        {
            BroadcastRow.SpanSpan(op, a.Slice(aOffset, length), b.Slice(bOffset, length), output);
        }
        else if (aStride != 0)
        {
            BroadcastRow.SpanScalar(op, a.Slice(aOffset, length), b[bOffset], output);
        }
        else if (bStride != 0)
        {
            BroadcastRow.ScalarSpan(op, a[aOffset], b.Slice(bOffset, length), output);
        }
        else
        {
            BroadcastRow.ScalarScalar(op, a[aOffset], b[bOffset], output);
        }
    }
}
