using FlightSw.Inference.Models;

namespace FlightSw.Inference.Kernels;

/// <summary>
/// The Transpose of <see cref="Layout"/>. The permutation is first reduced to its fewest axes
/// (size-1 axes dropped; input axes that stay neighbours in the output merged), so NCHW to NHWC
/// becomes a batch of 2-D transposes and an identity a copy; what remains is walked with an
/// odometer over the output.
/// </summary>
internal static class LayoutTranspose
{
    // Square tiles of the 2-D transpose: 16 x 16 floats keep the rows read and written in L1.
    private const int Tile = 16;

    /// <summary>y = x with its axes permuted: y's axis i is x's axis perm[i].</summary>
    /// <exception cref="ArgumentException">perm is not a permutation of the axes, or a span is shorter than the shape.</exception>
    public static void Run(ReadOnlySpan<float> x, TensorShape shape, ReadOnlySpan<int> perm, Span<float> y)
    {
        ArgumentNullException.ThrowIfNull(shape);
        int rank = shape.Rank;
        int count = shape.ElementCount;
        Span<int> work = stackalloc int[rank * 6];
        if (!IsPermutation(perm, rank, work[..rank]))
        {
            throw new ArgumentException($"[{string.Join(", ", perm.ToArray())}] is not a permutation of the axes of {shape}.", nameof(perm));
        }

        if (x.Length < count || y.Length < count)
        {
            throw new ArgumentException($"x ({x.Length}) or y ({y.Length}) is shorter than shape {shape}.");
        }

        if (count == 0)
        {
            return;
        }

        var dims = work.Slice(rank, rank);
        var order = work.Slice(2 * rank, rank);
        int compactRank = Compact(shape.Dims, perm, dims, order, work.Slice(3 * rank, 3 * rank));
        unchecked
        {
            if (compactRank <= 1)
            {
                x[..count].CopyTo(y);
            }
            else if (compactRank == 2)
            {
                Transpose2D(x, dims[0], dims[1], y);
            }
            else if (compactRank == 3 && order[0] == 0 && order[1] == 2 && order[2] == 1)
            {
                // Last two axes swapped: a batch of 2-D transposes.
                int plane = dims[1] * dims[2];
                for (int batch = 0; batch < dims[0]; batch++)
                {
                    Transpose2D(x.Slice(batch * plane, plane), dims[1], dims[2], y.Slice(batch * plane, plane));
                }
            }
            else
            {
                General(x, dims[..compactRank], order[..compactRank], y, work[..rank]);
            }
        }
    }

    private static bool IsPermutation(ReadOnlySpan<int> perm, int rank, Span<int> seen)
    {
        if (perm.Length != rank)
        {
            return false;
        }

        seen.Clear();
        foreach (int axis in perm)
        {
            if ((uint)axis >= (uint)rank || seen[axis]++ != 0)
            {
                return false;
            }
        }

        return true;
    }

    // Writes the reduced input dims (input order) and permutation; returns the reduced rank.
    private static int Compact(ReadOnlySpan<int> shape, ReadOnlySpan<int> perm, Span<int> dims, Span<int> order, Span<int> scratch)
    {
        unchecked
        {
            int rank = shape.Length;
            var keptIndex = scratch[..rank];
            var groupFirst = scratch.Slice(rank, rank);
            var groupDim = scratch.Slice(2 * rank, rank);

            // Size-1 axes move nothing: number the others among themselves.
            int kept = 0;
            for (int axis = 0; axis < rank; axis++)
            {
                keptIndex[axis] = shape[axis] == 1 ? -1 : kept++;
            }

            // Walking the output, an input axis that follows its predecessor joins its group.
            int groups = 0;
            int previous = -2;
            foreach (int axis in perm)
            {
                int index = keptIndex[axis];
                if (index < 0)
                {
                    continue;
                }

                if (index == previous + 1)
                {
                    groupDim[groups - 1] *= shape[axis];
                }
                else
                {
                    groupFirst[groups] = index;
                    groupDim[groups] = shape[axis];
                    groups++;
                }

                previous = index;
            }

            // The groups partition the input axes into runs; a group's input position is the number
            // of runs that start before it.
            for (int g = 0; g < groups; g++)
            {
                int position = 0;
                for (int other = 0; other < groups; other++)
                {
                    position += groupFirst[other] < groupFirst[g] ? 1 : 0;
                }

                order[g] = position;
                dims[position] = groupDim[g];
            }

            return groups;
        }
    }

    // y[j, i] = x[i, j] for x of rows x columns, tile by tile.
    private static void Transpose2D(ReadOnlySpan<float> x, int rows, int columns, Span<float> y)
    {
        unchecked
        {
            for (int i0 = 0; i0 < rows; i0 += Tile)
            {
                int i1 = Math.Min(rows, i0 + Tile);
                for (int j0 = 0; j0 < columns; j0 += Tile)
                {
                    int j1 = Math.Min(columns, j0 + Tile);
                    for (int i = i0; i < i1; i++)
                    {
                        var row = x.Slice(i * columns, columns);
                        for (int j = j0; j < j1; j++)
                        {
                            y[(j * rows) + i] = row[j];
                        }
                    }
                }
            }
        }
    }

    private static void General(ReadOnlySpan<float> x, ReadOnlySpan<int> dims, ReadOnlySpan<int> order, Span<float> y, Span<int> scratch)
    {
        unchecked
        {
            int rank = dims.Length;
            Span<int> outDims = stackalloc int[rank];
            Span<int> steps = stackalloc int[rank];
            var index = scratch[..rank];

            // steps[j]: how far x moves when output axis j advances by one.
            int stride = 1;
            for (int axis = rank - 1; axis >= 0; axis--)
            {
                for (int j = 0; j < rank; j++)
                {
                    if (order[j] == axis)
                    {
                        outDims[j] = dims[axis];
                        steps[j] = stride;
                    }
                }

                stride *= dims[axis];
            }

            int last = rank - 1;
            int length = outDims[last];
            int step = steps[last];
            int source = 0;
            int target = 0;
            index.Clear();
            while (true)
            {
                if (step == 1)
                {
                    x.Slice(source, length).CopyTo(y.Slice(target, length));
                }
                else
                {
                    for (int i = 0; i < length; i++)
                    {
                        y[target + i] = x[source + (i * step)];
                    }
                }

                target += length;
                int axis = last - 1;
                for (; axis >= 0; axis--)
                {
                    source += steps[axis];
                    if (++index[axis] < outDims[axis])
                    {
                        break;
                    }

                    source -= steps[axis] * outDims[axis];
                    index[axis] = 0;
                }

                if (axis < 0)
                {
                    return;
                }
            }
        }
    }
}
