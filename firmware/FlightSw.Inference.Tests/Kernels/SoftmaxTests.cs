using FlightSw.Inference.Kernels;

namespace FlightSw.Inference.Tests.Kernels;

public class SoftmaxTests
{
    [TestCase(1, 10, 1)]
    [TestCase(3, 37, 1)]
    [TestCase(2, 5, 7)]
    [TestCase(2, 4, 300)]
    [TestCase(1, 1, 9)]
    [TestCase(4, 3, 3)]
    public void Run_Layout_MatchesDoubleReference(int outer, int axis, int inner)
    {
        var x = KernelOracle.Values(outer * axis * inner, seed: outer + axis + inner);
        var y = new float[x.Length];

        Softmax.Run(x, outer, axis, inner, y);

        Assert.That(y, Is.EqualTo(Reference(x, outer, axis, inner)).Within(1e-6f));
    }

    [TestCase(2, 6, 1)]
    [TestCase(2, 6, 300)]
    public void Run_HugeValues_NoOverflowRowsSumToOne(int outer, int axis, int inner)
    {
        var x = KernelOracle.Values(outer * axis * inner, seed: 1).Select(v => v * 1e37f).ToArray();
        x[0] = float.MaxValue;
        x[1] = -float.MaxValue;
        var y = new float[x.Length];

        Softmax.Run(x, outer, axis, inner, y);

        Assert.That(y, Is.All.Not.NaN.And.All.InRange(0f, 1f));
        Assert.That(y, Is.EqualTo(Reference(x, outer, axis, inner)).Within(1e-6f));
    }

    [Test]
    public void Run_LargeEqualValues_Uniform()
    {
        float[] x = [1000f, 1000f, 1000f, 1000f];
        var y = new float[4];

        Softmax.Run(x, 1, 4, 1, y);

        Assert.That(y, Is.All.EqualTo(0.25f));
    }

    [Test]
    public void Run_NegativeInfinityEntry_ZeroProbability()
    {
        float[] x = [float.NegativeInfinity, 0f, 0f];
        var y = new float[3];

        Softmax.Run(x, 1, 3, 1, y);

        Assert.That(y, Is.EqualTo(new[] { 0f, 0.5f, 0.5f }));
    }

    [TestCase(3, 37, 1)]
    [TestCase(2, 5, 300)]
    public void Run_InPlace_SameBitsAsSeparateOutput(int outer, int axis, int inner)
    {
        var x = KernelOracle.Values(outer * axis * inner, seed: 2);
        var separate = new float[x.Length];
        Softmax.Run(x, outer, axis, inner, separate);

        Softmax.Run(x, outer, axis, inner, x);

        Assert.That(KernelOracle.Bits(x), Is.EqualTo(KernelOracle.Bits(separate)));
    }

    [Test]
    public void Run_SameRowAtAnyAlignment_SameBits()
    {
        var values = KernelOracle.Values(1000, seed: 3);
        var expected = new float[1000];
        Softmax.Run(values, 1, 1000, 1, expected);
        for (int offset = 1; offset < 16; offset++)
        {
            var shifted = new float[1000 + offset];
            values.CopyTo(shifted, offset);

            Softmax.Run(shifted.AsSpan(offset), 1, 1000, 1, shifted.AsSpan(offset));

            Assert.That(KernelOracle.Bits(shifted.AsSpan(offset)), Is.EqualTo(KernelOracle.Bits(expected)), $"offset {offset}");
        }
    }

    [Test]
    public void Run_ShortOutput_Throws()
    {
        Assert.Throws<ArgumentException>(() => Softmax.Run(new float[12], 2, 3, 2, new float[11]));
    }

    [TestCase(-1)]
    [TestCase(1)]
    [TestCase(0)]
    public void Softmax_AgainstOnnxRuntime_WithinRounding(int axis)
    {
        int[] shape = [2, 3, 4];
        var x = KernelOracle.Values(24, seed: 4);
        var ort = KernelOracle.Run(x, shape, (b, i) => b.Node("Softmax", [i], null, ("axis", axis)));
        int normalized = axis < 0 ? axis + 3 : axis;
        int outer = shape.Take(normalized).Aggregate(1, (p, d) => p * d);
        int inner = shape.Skip(normalized + 1).Aggregate(1, (p, d) => p * d);
        var y = new float[24];

        Softmax.Run(x, outer, shape[normalized], inner, y);

        Assert.That(y, Is.EqualTo(ort.Values).Within(1e-6f));
    }

    [Test]
    public void Run_Warm_AllocatesNothing()
    {
        var x = KernelOracle.Values(2 * 5 * 300, seed: 5);
        var y = new float[x.Length];

        long bytes = KernelOracle.AllocatedBytesWhenWarm(() =>
        {
            Softmax.Run(x, 2, 5, 300, y);
            Softmax.Run(x, 10, 300, 1, y);
        });

        Assert.That(bytes, Is.Zero);
    }

    private static float[] Reference(float[] x, int outer, int axis, int inner)
    {
        var y = new float[x.Length];
        for (int o = 0; o < outer; o++)
        {
            for (int i = 0; i < inner; i++)
            {
                double max = double.NegativeInfinity;
                for (int a = 0; a < axis; a++)
                {
                    max = Math.Max(max, x[(((o * axis) + a) * inner) + i]);
                }

                double sum = 0;
                for (int a = 0; a < axis; a++)
                {
                    sum += Math.Exp(x[(((o * axis) + a) * inner) + i] - max);
                }

                for (int a = 0; a < axis; a++)
                {
                    y[(((o * axis) + a) * inner) + i] = (float)(Math.Exp(x[(((o * axis) + a) * inner) + i] - max) / sum);
                }
            }
        }

        return y;
    }
}
