using FlightSw.Inference.Kernels;
using FlightSw.Inference.Models;

namespace FlightSw.Inference.Tests.Kernels;

public class LayoutTests
{
    public static IEnumerable<TestCaseData> Transposes()
    {
        yield return Transpose([5, 7], [1, 0]);
        yield return Transpose([33, 18], [1, 0]);
        yield return Transpose([2, 17, 19], [0, 2, 1]);
        yield return Transpose([2, 3, 4, 5], [0, 2, 3, 1]);
        yield return Transpose([2, 4, 5, 3], [0, 3, 1, 2]);
        yield return Transpose([2, 3, 4], [0, 1, 2]);
        yield return Transpose([2, 3, 4], [1, 0, 2]);
        yield return Transpose([1, 3, 1, 4], [3, 2, 1, 0]);
        yield return Transpose([1, 1], [1, 0]);
        yield return Transpose([], []);
        yield return Transpose([2, 0, 3], [2, 1, 0]);
        yield return Transpose([2, 3, 2, 3, 2, 2], [5, 3, 1, 0, 2, 4]);
        yield return Transpose([2, 1, 3, 2, 1, 3, 2], [6, 0, 5, 1, 4, 2, 3]);
    }

    [TestCaseSource(nameof(Transposes))]
    public void Transpose_Permutation_MatchesReference(int[] dims, int[] perm)
    {
        var shape = new TensorShape(dims);
        var x = KernelOracle.Values(shape.ElementCount, seed: 1);
        var y = new float[x.Length];

        Layout.Transpose(x, shape, perm, y);

        Assert.That(y, Is.EqualTo(TransposeReference(x, dims, perm)));
    }

    [Test]
    public void Transpose_EveryPermutationOfRank4_MatchesReference()
    {
        int[] dims = [2, 3, 1, 5];
        var shape = new TensorShape(dims);
        var x = KernelOracle.Values(shape.ElementCount, seed: 2);
        foreach (var perm in Permutations([0, 1, 2, 3]))
        {
            var y = new float[x.Length];

            Layout.Transpose(x, shape, perm, y);

            Assert.That(y, Is.EqualTo(TransposeReference(x, dims, perm)), string.Join(",", perm));
        }
    }

    [TestCase(new[] { 0, 0 })]
    [TestCase(new[] { 0 })]
    [TestCase(new[] { 0, 2 })]
    public void Transpose_NotAPermutation_Throws(int[] perm)
    {
        Assert.Throws<ArgumentException>(() => Layout.Transpose(new float[6], new TensorShape(2, 3), perm, new float[6]));
    }

    [TestCase(new[] { 10 }, new[] { 9 }, new[] { -1 }, new[] { 10 })]
    [TestCase(new[] { 10 }, new[] { 8 }, new[] { -3 }, new[] { 3 })]
    [TestCase(new[] { 10 }, new[] { 1 }, new[] { 2 }, new[] { 5 })]
    [TestCase(new[] { 4, 6 }, new[] { 1, 0 }, new[] { 1, 1 }, new[] { 2, 6 })]
    [TestCase(new[] { 4, 6 }, new[] { 0, 5 }, new[] { 1, -2 }, new[] { 4, 3 })]
    [TestCase(new[] { 2, 3, 4, 5 }, new[] { 1, 2, 0, 0 }, new[] { -1, -1, 1, 1 }, new[] { 2, 3, 4, 5 })]
    [TestCase(new[] { 2, 3, 4, 5 }, new[] { 0, 1, 1, 4 }, new[] { 1, 1, 2, -2 }, new[] { 2, 2, 2, 3 })]
    [TestCase(new[] { 2, 3, 4, 5 }, new[] { 0, 0, 0, 0 }, new[] { 1, 1, 1, 1 }, new[] { 2, 3, 4, 5 })]
    [TestCase(new[] { 2, 3, 4 }, new[] { 0, 1, 0 }, new[] { 1, 1, 1 }, new[] { 2, 0, 4 })]
    public void Slice_StartsAndSteps_MatchesReference(int[] dims, int[] starts, int[] steps, int[] outDims)
    {
        var shape = new TensorShape(dims);
        var outShape = new TensorShape(outDims);
        var x = KernelOracle.Values(shape.ElementCount, seed: 3);
        var y = new float[outShape.ElementCount];

        Layout.Slice(x, shape, starts, steps, outShape, y);

        Assert.That(y, Is.EqualTo(SliceReference(x, dims, starts, steps, outDims)));
    }

    [Test]
    public void Slice_ReadsPastTheEnd_Throws()
    {
        Assert.Throws<ArgumentException>(() => Layout.Slice(new float[10], new TensorShape(10), [5], [2], new TensorShape(4), new float[4]));
        Assert.Throws<ArgumentException>(() => Layout.Slice(new float[10], new TensorShape(10), [2], [-1], new TensorShape(4), new float[4]));
    }

    [TestCase(new[] { 5, 4 }, 0, new[] { 2, 3 })]
    [TestCase(new[] { 3, 6, 2 }, 1, new[] { 2, 2 })]
    [TestCase(new[] { 3, 4, 5 }, 2, new[] { 4 })]
    [TestCase(new[] { 3, 4, 5 }, -1, new[] { 2, 1 })]
    [TestCase(new[] { 3, 4 }, 1, new int[0])]
    [TestCase(new[] { 3, 4 }, 0, new[] { 0 })]
    public void Gather_IndicesOfAnyShape_MatchesReference(int[] dims, int axis, int[] indicesDims)
    {
        var shape = new TensorShape(dims);
        var indicesShape = new TensorShape(indicesDims);
        int axisDim = shape[axis];
        var indices = Enumerable.Range(0, indicesShape.ElementCount).Select(i => ((i * 7) + 3) % axisDim).ToArray();
        var x = KernelOracle.Values(shape.ElementCount, seed: 4);
        int normalized = axis < 0 ? axis + dims.Length : axis;
        var y = new float[shape.ElementCount / axisDim * indices.Length];

        Layout.Gather(x, shape, axis, indices, indicesShape, y);

        Assert.That(y, Is.EqualTo(GatherReference(x, dims, normalized, indices)));
    }

    [Test]
    public void Gather_IndexOutOfRange_Throws()
    {
        Assert.Throws<ArgumentException>(() => Layout.Gather(new float[12], new TensorShape(3, 4), 0, [3], new TensorShape(1), new float[4]));
    }

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(2)]
    [TestCase(-1)]
    public void Concat_EveryAxis_MatchesReference(int axis)
    {
        int[] baseDims = [2, 3, 4];
        int normalized = axis < 0 ? axis + 3 : axis;
        var shapes = new[] { 1, 3, 2 }.Select(size => new TensorShape([.. baseDims.Select((d, i) => i == normalized ? size : d)])).ToArray();
        var inputs = shapes.Select((s, i) => KernelOracle.Values(s.ElementCount, seed: 10 + i)).ToArray();
        var y = new float[shapes.Sum(s => s.ElementCount)];

        Layout.Concat([.. inputs.Select(a => (ReadOnlyMemory<float>)a)], shapes, axis, y);

        Assert.That(y, Is.EqualTo(ConcatReference(inputs, shapes, normalized)));
    }

    [Test]
    public void Concat_MismatchedOtherDimension_Throws()
    {
        Assert.Throws<ArgumentException>(() => Layout.Concat([new float[6], new float[8]], [new TensorShape(2, 3), new TensorShape(2, 4)], 0, new float[14]));
    }

    [Test]
    public void LayoutOps_AgainstOnnxRuntime_Equal()
    {
        int[] dims = [2, 3, 4, 5];
        var shape = new TensorShape(dims);
        var x = KernelOracle.Values(shape.ElementCount, seed: 5);

        var transposed = new float[x.Length];
        Layout.Transpose(x, shape, [0, 2, 3, 1], transposed);
        Assert.That(transposed, Is.EqualTo(KernelOracle.Run(x, dims, (b, i) => b.Node("Transpose", [i], null, ("perm", new[] { 0, 2, 3, 1 }))).Values), "Transpose");

        // Slice starts [0, -1, 1, 4], ends [2, -100, 4, 0], steps [1, -1, 2, -2] clamp to starts [0, 2, 1, 4].
        var ortSlice = KernelOracle.Run(x, dims, (b, i) => b.Node("Slice",
            [i, b.InitializerInt64("starts", [0, -1, 1, 4], 4), b.InitializerInt64("ends", [2, -100, 4, 0], 4),
             b.InitializerInt64("axes", [0, 1, 2, 3], 4), b.InitializerInt64("steps", [1, -1, 2, -2], 4)]));
        var sliced = new float[ortSlice.Values.Length];
        Layout.Slice(x, shape, [0, 2, 1, 4], [1, -1, 2, -2], new TensorShape(ortSlice.Shape), sliced);
        Assert.That((sliced, ortSlice.Shape), Is.EqualTo((ortSlice.Values, new[] { 2, 3, 2, 2 })), "Slice");

        var ortGather = KernelOracle.Run(x, dims, (b, i) => b.Node("Gather", [i, b.InitializerInt64("idx", [3, 0, 1, 3, 2, 2], 2, 3)], null, ("axis", 2)));
        var gathered = new float[ortGather.Values.Length];
        Layout.Gather(x, shape, 2, [3, 0, 1, 3, 2, 2], new TensorShape(2, 3), gathered);
        Assert.That((gathered, ortGather.Shape), Is.EqualTo((ortGather.Values, new[] { 2, 3, 2, 3, 5 })), "Gather");

        var w = KernelOracle.Values(2 * 2 * 4 * 5, seed: 6);
        var ortConcat = KernelOracle.Run(x, dims, (b, i) => b.Node("Concat", [i, b.Initializer("w", w, 2, 2, 4, 5), i], null, ("axis", 1)));
        var joined = new float[ortConcat.Values.Length];
        Layout.Concat([x, w, x], [shape, new TensorShape(2, 2, 4, 5), shape], 1, joined);
        Assert.That(joined, Is.EqualTo(ortConcat.Values), "Concat");
    }

    [Test]
    public void LayoutOps_Warm_AllocateNothing()
    {
        var shape = new TensorShape(2, 3, 4, 5);
        var x = KernelOracle.Values(shape.ElementCount, seed: 7);
        var y = new float[x.Length * 2];
        int[] perm = [3, 1, 0, 2];
        int[] starts = [1, 2, 0, 4];
        int[] steps = [1, -1, 2, -2];
        var sliceShape = new TensorShape(1, 3, 2, 3);
        int[] indices = [2, 0, 1, 3];
        var indicesShape = new TensorShape(2, 2);
        ReadOnlyMemory<float>[] inputs = [x, x];
        TensorShape[] shapes = [shape, shape];

        long bytes = KernelOracle.AllocatedBytesWhenWarm(() =>
        {
            Layout.Transpose(x, shape, perm, y);
            Layout.Slice(x, shape, starts, steps, sliceShape, y);
            Layout.Gather(x, shape, 2, indices, indicesShape, y);
            Layout.Concat(inputs, shapes, 1, y);
        });

        Assert.That(bytes, Is.Zero);
    }

    private static TestCaseData Transpose(int[] dims, int[] perm) =>
        new TestCaseData(dims, perm).SetArgDisplayNames($"[{string.Join(",", dims)}] perm [{string.Join(",", perm)}]");

    private static IEnumerable<int[]> Permutations(int[] items) => items.Length <= 1
        ? [items]
        : items.SelectMany(first => Permutations([.. items.Where(item => item != first)]).Select(rest => (int[])[first, .. rest]));

    private static int[] Strides(int[] dims)
    {
        var strides = new int[dims.Length];
        int stride = 1;
        for (int axis = dims.Length - 1; axis >= 0; axis--)
        {
            strides[axis] = stride;
            stride *= dims[axis];
        }

        return strides;
    }

    // Calls visit(outputFlatIndex, outputIndex) for each index of dims in row-major order.
    private static void ForEachIndex(int[] dims, Action<int, int[]> visit)
    {
        int count = dims.Aggregate(1, (p, d) => p * d);
        var index = new int[dims.Length];
        for (int flat = 0; flat < count; flat++)
        {
            int rest = flat;
            for (int axis = dims.Length - 1; axis >= 0; axis--)
            {
                index[axis] = rest % dims[axis];
                rest /= dims[axis];
            }

            visit(flat, index);
        }
    }

    private static float[] TransposeReference(float[] x, int[] dims, int[] perm)
    {
        var outDims = perm.Select(p => dims[p]).ToArray();
        var strides = Strides(dims);
        var y = new float[x.Length];
        ForEachIndex(outDims, (flat, index) => y[flat] = x[index.Select((i, axis) => i * strides[perm[axis]]).Sum()]);
        return y;
    }

    private static float[] SliceReference(float[] x, int[] dims, int[] starts, int[] steps, int[] outDims)
    {
        var strides = Strides(dims);
        var y = new float[outDims.Aggregate(1, (p, d) => p * d)];
        ForEachIndex(outDims, (flat, index) => y[flat] = x[index.Select((i, axis) => (starts[axis] + (i * steps[axis])) * strides[axis]).Sum()]);
        return y;
    }

    private static float[] GatherReference(float[] x, int[] dims, int axis, int[] indices)
    {
        int outer = dims.Take(axis).Aggregate(1, (p, d) => p * d);
        int inner = dims.Skip(axis + 1).Aggregate(1, (p, d) => p * d);
        var y = new List<float>();
        for (int o = 0; o < outer; o++)
        {
            foreach (int index in indices)
            {
                for (int i = 0; i < inner; i++)
                {
                    y.Add(x[(((o * dims[axis]) + index) * inner) + i]);
                }
            }
        }

        return [.. y];
    }

    private static float[] ConcatReference(float[][] inputs, TensorShape[] shapes, int axis)
    {
        int outer = shapes[0].Product(0, axis);
        var y = new List<float>();
        for (int o = 0; o < outer; o++)
        {
            for (int i = 0; i < inputs.Length; i++)
            {
                int block = shapes[i].ElementCount / outer;
                y.AddRange(inputs[i].Skip(o * block).Take(block));
            }
        }

        return [.. y];
    }
}
