namespace FlightSw.Inference.Models.Operators;

/// <summary>Numpy broadcasting of static shapes, as ONNX's element-wise operators (since opset 7) use it.</summary>
internal static class Broadcasting
{
    /// <summary>The shape <paramref name="a"/> and <paramref name="b"/> broadcast to, or null when they do not broadcast.</summary>
    public static TensorShape? Multidirectional(TensorShape a, TensorShape b)
    {
        int rank = Math.Max(a.Rank, b.Rank);
        var dims = new int[rank];
        for (int i = 0; i < rank; i++)
        {
            int da = Dim(a, i, rank);
            int db = Dim(b, i, rank);
            if (da != db && da != 1 && db != 1)
            {
                return null;
            }

            dims[i] = da == 1 ? db : da;
        }

        return new TensorShape(dims);
    }

    /// <summary>True when <paramref name="from"/> broadcasts to exactly <paramref name="to"/> (Gemm's C, Clip bounds).</summary>
    public static bool Unidirectional(TensorShape from, TensorShape to) => Multidirectional(from, to) is { } result && result.Equals(to);

    /// <summary>For each element of <paramref name="output"/>, the index of the element of <paramref name="input"/> broadcast to it.</summary>
    public static int[] SourceIndices(TensorShape input, TensorShape output)
    {
        var map = new int[output.ElementCount];
        var index = new int[output.Rank];
        for (int flat = 0; flat < map.Length; flat++)
        {
            int source = 0;
            for (int axis = 0; axis < output.Rank; axis++)
            {
                int inputAxis = axis - (output.Rank - input.Rank);
                if (inputAxis >= 0)
                {
                    source = (source * input[inputAxis]) + (input[inputAxis] == 1 ? 0 : index[axis]);
                }
            }

            map[flat] = source;
            Increment(index, output);
        }

        return map;
    }

    /// <summary>Advances a multi-index over <paramref name="shape"/> in row-major order.</summary>
    public static void Increment(int[] index, TensorShape shape)
    {
        for (int axis = index.Length - 1; axis >= 0; axis--)
        {
            if (++index[axis] < shape[axis])
            {
                return;
            }

            index[axis] = 0;
        }
    }

    private static int Dim(TensorShape shape, int axis, int rank)
    {
        int shifted = axis - (rank - shape.Rank);
        return shifted < 0 ? 1 : shape[shifted];
    }
}
