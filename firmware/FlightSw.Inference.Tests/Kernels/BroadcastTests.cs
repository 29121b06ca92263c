using FlightSw.Inference.Kernels;
using FlightSw.Inference.Models;

namespace FlightSw.Inference.Tests.Kernels;

public class BroadcastTests
{
    private static readonly BinaryOp[] Ops = [BinaryOp.Add, BinaryOp.Sub, BinaryOp.Mul, BinaryOp.Div];

    // Every kind of pair: equal, scalar either side (rank 0, [1], [1,1,1]), per-channel both ways,
    // last-axis vectors, size-1 dims on both sides, zero-size, and ranks up to 7.
    public static IEnumerable<TestCaseData> Pairs()
    {
        yield return Pair([2, 3, 4], [2, 3, 4]);
        yield return Pair([2, 3, 4], []);
        yield return Pair([], [2, 3, 4]);
        yield return Pair([], []);
        yield return Pair([5], [1]);
        yield return Pair([1, 1, 1], [3, 17]);
        yield return Pair([2, 3, 4, 5], [3, 1, 1]);
        yield return Pair([2, 3, 4, 5], [1, 3, 1, 1]);
        yield return Pair([3, 1, 1], [2, 3, 4, 5]);
        yield return Pair([1, 3, 1, 1], [1, 3, 1, 1]);
        yield return Pair([2, 5, 1, 1], [5, 1, 1]);
        yield return Pair([2, 3, 19], [19]);
        yield return Pair([19], [2, 3, 19]);
        yield return Pair([4, 1], [1, 6]);
        yield return Pair([1, 6], [4, 1]);
        yield return Pair([2, 1, 4], [3, 1]);
        yield return Pair([1, 3, 1], [2, 1, 5]);
        yield return Pair([3, 1, 5], [3, 4, 1]);
        yield return Pair([2, 3, 4], [2, 1, 4]);
        yield return Pair([0, 3], [3]);
        yield return Pair([1, 3], [0, 1]);
        yield return Pair([2, 1, 2, 1, 2, 1], [1, 3, 1, 3, 1, 2]);
        yield return Pair([2, 3, 2, 3, 2, 2, 3], [1, 3, 1, 1, 2, 1, 3]);
    }

    [TestCaseSource(nameof(Pairs))]
    public void Binary_EveryOp_MatchesIndexByIndexReference(int[] aDims, int[] bDims)
    {
        var aShape = new TensorShape(aDims);
        var bShape = new TensorShape(bDims);
        var outShape = Broadcast.ShapeOf(aShape, bShape);
        var a = KernelOracle.Values(aShape.ElementCount, seed: 1);
        var b = new Oracle.SeededValues(2).AwayFromZero(bShape.ElementCount);
        foreach (var op in Ops)
        {
            var output = new float[outShape.ElementCount];

            Broadcast.Binary(op, a, aShape, b, bShape, output, outShape);

            Assert.That(KernelOracle.Bits(output), Is.EqualTo(KernelOracle.Bits(Reference(op, a, aShape, b, bShape, outShape))), op.ToString());
        }
    }

    [TestCase(new[] { 2, 3, 4, 5 }, new[] { 3, 1, 1 })]
    [TestCase(new[] { 2, 3, 19 }, new[] { 19 })]
    [TestCase(new[] { 2, 3 }, new int[0])]
    [TestCase(new[] { 2, 3 }, new[] { 2, 3 })]
    [TestCase(new[] { 2, 3, 4 }, new[] { 2, 1, 4 })]
    public void Binary_OutputIsTheFullSizeOperand_SameBitsAsSeparateOutput(int[] fullDims, int[] otherDims)
    {
        var fullShape = new TensorShape(fullDims);
        var otherShape = new TensorShape(otherDims);
        var outShape = Broadcast.ShapeOf(fullShape, otherShape);
        var other = new Oracle.SeededValues(3).AwayFromZero(otherShape.ElementCount);
        foreach (var op in Ops)
        {
            var full = KernelOracle.Values(fullShape.ElementCount, seed: 4);
            var separate = new float[full.Length];
            Broadcast.Binary(op, full, fullShape, other, otherShape, separate, outShape);
            var swapped = new float[full.Length];
            Broadcast.Binary(op, other, otherShape, full, fullShape, swapped, outShape);
            var fullCopy = (float[])full.Clone();

            Broadcast.Binary(op, full, fullShape, other, otherShape, full, outShape);
            Broadcast.Binary(op, other, otherShape, fullCopy, fullShape, fullCopy, outShape);

            Assert.That(KernelOracle.Bits(full), Is.EqualTo(KernelOracle.Bits(separate)), $"{op}, output is a");
            Assert.That(KernelOracle.Bits(fullCopy), Is.EqualTo(KernelOracle.Bits(swapped)), $"{op}, output is b");
        }
    }

    [TestCase(new[] { 2, 3 }, new[] { 3 }, new[] { 2, 3 })]
    [TestCase(new[] { 4, 1 }, new[] { 1, 5 }, new[] { 4, 5 })]
    [TestCase(new int[0], new[] { 7, 1 }, new[] { 7, 1 })]
    [TestCase(new[] { 1, 0 }, new[] { 3, 1 }, new[] { 3, 0 })]
    [TestCase(new[] { 8, 1, 6, 1 }, new[] { 7, 1, 5 }, new[] { 8, 7, 6, 5 })]
    public void ShapeOf_BroadcastablePair_NumpyShape(int[] a, int[] b, int[] expected)
    {
        Assert.That(Broadcast.ShapeOf(new TensorShape(a), new TensorShape(b)).ToArray(), Is.EqualTo(expected));
    }

    [Test]
    public void ShapeOf_MismatchedDims_ThrowsNamingBothShapes()
    {
        var error = Assert.Throws<ArgumentException>(() => Broadcast.ShapeOf(new TensorShape(2, 3), new TensorShape(4, 3)));

        Assert.That(error.Message, Does.Contain("[2, 3]").And.Contain("[4, 3]"));
    }

    [Test]
    public void Binary_OutputShapeNotTheBroadcast_Throws()
    {
        var a = new float[6];

        Assert.Throws<ArgumentException>(() => Broadcast.Binary(BinaryOp.Add, a, new TensorShape(2, 3), a, new TensorShape(2, 3), new float[6], new TensorShape(3, 2)));
        Assert.Throws<ArgumentException>(() => Broadcast.Binary(BinaryOp.Add, a, new TensorShape(2, 3), a, new TensorShape(1, 3), new float[12], new TensorShape(4, 3)));
    }

    [Test]
    public void Binary_DivideByZero_IeeeInfinityAndNaN()
    {
        var output = new float[3];

        Broadcast.Binary(BinaryOp.Div, [1f, -1f, 0f], new TensorShape(3), [0f], TensorShape.Scalar, output, new TensorShape(3));

        Assert.That(output, Is.EqualTo(new[] { float.PositiveInfinity, float.NegativeInfinity, float.NaN }));
    }

    [TestCase("Add", new[] { 2, 3, 4, 5 }, new[] { 3, 1, 1 })]
    [TestCase("Sub", new[] { 3, 1, 1 }, new[] { 2, 3, 4, 5 })]
    [TestCase("Mul", new[] { 4, 1, 5 }, new[] { 3, 1 })]
    [TestCase("Div", new[] { 2, 3, 6 }, new[] { 6 })]
    public void Binary_AgainstOnnxRuntime_Equal(string opType, int[] xDims, int[] wDims)
    {
        var xShape = new TensorShape(xDims);
        var wShape = new TensorShape(wDims);
        var x = KernelOracle.Values(xShape.ElementCount, seed: 3);
        var w = new Oracle.SeededValues(4).AwayFromZero(wShape.ElementCount);
        var ort = KernelOracle.Run(x, xDims, (b, i) => b.Node(opType, [i, b.Initializer("w", w, wDims)]));
        var outShape = Broadcast.ShapeOf(xShape, wShape);
        var output = new float[outShape.ElementCount];

        Broadcast.Binary(Enum.Parse<BinaryOp>(opType), x, xShape, w, wShape, output, outShape);

        Assert.That((output, outShape.ToArray()), Is.EqualTo((ort.Values, ort.Shape)));
    }

    [Test]
    public void Binary_Warm_AllocatesNothing()
    {
        var aShape = new TensorShape(2, 3, 4, 5);
        var bShape = new TensorShape(1, 3, 4, 1);
        var a = KernelOracle.Values(aShape.ElementCount, seed: 5);
        var b = KernelOracle.Values(bShape.ElementCount, seed: 6);
        var y = new float[a.Length];

        long bytes = KernelOracle.AllocatedBytesWhenWarm(() =>
        {
            Broadcast.Binary(BinaryOp.Mul, a, aShape, b, bShape, y, aShape);
            Broadcast.Binary(BinaryOp.Sub, b, bShape, a, aShape, y, aShape);
            Broadcast.Binary(BinaryOp.Add, a, aShape, a, aShape, y, aShape);
        });

        Assert.That(bytes, Is.Zero);
    }

    private static TestCaseData Pair(int[] a, int[] b) =>
        new TestCaseData(a, b).SetArgDisplayNames($"[{string.Join(",", a)}] op [{string.Join(",", b)}]");

    // Unravel each output index and read each operand at the same index, clamped to 0 on its size-1 axes.
    private static float[] Reference(BinaryOp op, float[] a, TensorShape aShape, float[] b, TensorShape bShape, TensorShape outShape)
    {
        var output = new float[outShape.ElementCount];
        int rank = outShape.Rank;
        var index = new int[rank];
        for (int flat = 0; flat < output.Length; flat++)
        {
            int rest = flat;
            for (int axis = rank - 1; axis >= 0; axis--)
            {
                index[axis] = rest % outShape[axis];
                rest /= outShape[axis];
            }

            float x = a[Offset(aShape, index)];
            float y = b[Offset(bShape, index)];
            output[flat] = op switch
            {
                BinaryOp.Add => x + y,
                BinaryOp.Sub => x - y,
                BinaryOp.Mul => x * y,
                _ => x / y,
            };
        }

        return output;
    }

    private static int Offset(TensorShape shape, int[] outIndex)
    {
        int offset = 0;
        int skip = outIndex.Length - shape.Rank;
        for (int axis = 0; axis < shape.Rank; axis++)
        {
            offset = (offset * shape[axis]) + (shape[axis] == 1 ? 0 : outIndex[axis + skip]);
        }

        return offset;
    }
}
