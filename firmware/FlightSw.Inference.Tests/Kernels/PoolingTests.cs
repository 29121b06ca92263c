using FlightSw.Inference.Kernels;

namespace FlightSw.Inference.Tests.Kernels;

public class PoolingTests
{
    // (height, width, geometry): pads, strides, dilations, asymmetric pads, 1-D, wide rows for the
    // vector path, and ceil-mode style windows that start in the padding or past the right edge.
    public static IEnumerable<TestCaseData> Geometries()
    {
        yield return Case("2x2 stride 2", 6, 6, new ConvGeometry(2, 2, 2, 2, 0, 0, 0, 0, 1, 1, 3, 3));
        yield return Case("3x3 stride 2 pad 1", 7, 7, new ConvGeometry(3, 3, 2, 2, 1, 1, 1, 1, 1, 1, 4, 4));
        yield return Case("3x3 stride 1 pad 1 wide", 5, 40, new ConvGeometry(3, 3, 1, 1, 1, 1, 1, 1, 1, 1, 5, 40));
        yield return Case("3x3 dilation 2 pad 2 wide", 6, 37, new ConvGeometry(3, 3, 1, 1, 2, 2, 2, 2, 2, 2, 6, 37));
        yield return Case("asymmetric pads", 5, 6, new ConvGeometry(2, 3, 1, 2, 0, 2, 1, 0, 1, 1, 5, 3));
        yield return Case("dilation 3 stride 2", 9, 11, new ConvGeometry(2, 3, 2, 2, 1, 1, 1, 1, 3, 2, 4, 4));
        yield return Case("1-D", 1, 19, new ConvGeometry(1, 4, 1, 3, 0, 1, 0, 2, 1, 1, 1, 6));
        yield return Case("ceil mode last window half outside", 6, 6, new ConvGeometry(3, 3, 2, 2, 0, 0, 0, 0, 1, 1, 3, 3));
        yield return Case("ceil mode window past the pads", 5, 5, new ConvGeometry(2, 2, 2, 2, 1, 1, 1, 1, 1, 1, 4, 4));
        yield return Case("window wholly in padding or outside", 3, 3, new ConvGeometry(2, 2, 3, 3, 2, 2, 2, 2, 1, 1, 3, 3));
        yield return Case("kernel larger than input", 2, 3, new ConvGeometry(4, 5, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1));
    }

    // The geometry arrives as object: ConvGeometry is internal and test methods are public.
    [TestCaseSource(nameof(Geometries))]
    public void Max_Geometry_MatchesReference(int height, int width, object geometry)
    {
        var g = (ConvGeometry)geometry;
        const int channels = 3;
        var input = KernelOracle.Values(channels * height * width, seed: height * width);
        var output = new float[channels * g.OutH * g.OutW];

        Pooling.Max(input, channels, height, width, g, output);

        Assert.That(output, Is.EqualTo(Reference(input, channels, height, width, g, isMax: true, countIncludePad: false)));
    }

    [TestCaseSource(nameof(Geometries))]
    public void Average_Geometry_MatchesReferenceBothPadCounts(int height, int width, object geometry)
    {
        var g = (ConvGeometry)geometry;
        const int channels = 2;
        var input = KernelOracle.Values(channels * height * width, seed: height + width);
        foreach (bool includePad in new[] { false, true })
        {
            var output = new float[channels * g.OutH * g.OutW];

            Pooling.Average(input, channels, height, width, g, includePad, output);

            Assert.That(output, Is.EqualTo(Reference(input, channels, height, width, g, isMax: false, includePad)).Within(1e-6f), $"count_include_pad {includePad}");
        }
    }

    [Test]
    public void Max_AllNegativeWithPadding_PaddingNeverWins()
    {
        var input = Enumerable.Repeat(-5f, 16).ToArray();
        var output = new float[16];

        Pooling.Max(input, 1, 4, 4, new ConvGeometry(3, 3, 1, 1, 1, 1, 1, 1, 1, 1, 4, 4), output);

        Assert.That(output, Is.All.EqualTo(-5f));
    }

    [Test]
    public void Max_WindowOutsideInput_LowestFloat()
    {
        var output = new float[1];

        Pooling.Max([1f, 2f, 3f, 4f], 1, 2, 2, new ConvGeometry(1, 1, 1, 1, 1, 1, 0, 0, 1, 1, 1, 1), output);

        Assert.That(output[0], Is.EqualTo(float.MinValue));
    }

    [Test]
    public void Average_CornerWithPadding_DivisorDependsOnCountIncludePad()
    {
        // Top-left 3x3 window with pad 1 covers 4 real cells of value 1 and 5 padded cells.
        var input = Enumerable.Repeat(1f, 16).ToArray();
        var g = new ConvGeometry(3, 3, 1, 1, 1, 1, 1, 1, 1, 1, 4, 4);
        var excluded = new float[16];
        var included = new float[16];

        Pooling.Average(input, 1, 4, 4, g, countIncludePad: false, excluded);
        Pooling.Average(input, 1, 4, 4, g, countIncludePad: true, included);

        Assert.That((excluded[0], included[0]), Is.EqualTo((1f, 4f / 9f)));
    }

    [Test]
    public void Average_CeilModeCellsBeyondPads_NotCounted()
    {
        // 3 wide, kernel 2, stride 2, no pads: the ceil-mode window at column 2 has one real cell and
        // one beyond the input; with count_include_pad the divisor is still 1 (ONNX Runtime).
        var output = new float[2];

        Pooling.Average([2f, 4f, 6f], 1, 1, 3, new ConvGeometry(1, 2, 1, 2, 0, 0, 0, 0, 1, 1, 1, 2), countIncludePad: true, output);

        Assert.That(output, Is.EqualTo(new[] { 3f, 6f }));
    }

    [Test]
    public void Max_NaNInWindow_PropagatesNaN()
    {
        var input = KernelOracle.Values(50, seed: 9);
        input[12] = float.NaN;
        var output = new float[50];

        Pooling.Max(input, 1, 1, 50, new ConvGeometry(1, 3, 1, 1, 0, 1, 0, 1, 1, 1, 1, 50), output);

        Assert.That(output.Select((value, i) => (float.IsNaN(value), i)).Where(pair => pair.Item1).Select(pair => pair.i), Is.EqualTo(new[] { 11, 12, 13 }));
    }

    [Test]
    public void Pooling_SameValuesAtAnyAlignment_SameBits()
    {
        var g = new ConvGeometry(3, 3, 1, 1, 1, 1, 1, 1, 1, 1, 9, 45);
        var values = KernelOracle.Values(2 * 9 * 45, seed: 10);
        var expected = new float[2 * 9 * 45];
        Pooling.Average(values, 2, 9, 45, g, countIncludePad: true, expected);
        for (int offset = 1; offset < 16; offset++)
        {
            var shifted = new float[values.Length + offset];
            values.CopyTo(shifted, offset);
            var output = new float[expected.Length + offset];

            Pooling.Average(shifted.AsSpan(offset), 2, 9, 45, g, countIncludePad: true, output.AsSpan(offset));

            Assert.That(KernelOracle.Bits(output.AsSpan(offset)), Is.EqualTo(KernelOracle.Bits(expected)), $"offset {offset}");
        }
    }

    [Test]
    public void GlobalAverage_Planes_MeanOfEach()
    {
        var input = KernelOracle.Values(5 * 49, seed: 11);
        var output = new float[5];

        Pooling.GlobalAverage(input, 5, 49, output);

        var expected = Enumerable.Range(0, 5).Select(c => (float)input.Skip(c * 49).Take(49).Average(v => (double)v)).ToArray();
        Assert.That(output, Is.EqualTo(expected).Within(1e-6f));
    }

    [Test]
    public void Max_ShortOutput_Throws()
    {
        Assert.Throws<ArgumentException>(() => Pooling.Max(new float[16], 1, 4, 4, new ConvGeometry(2, 2, 2, 2, 0, 0, 0, 0, 1, 1, 2, 2), new float[3]));
    }

    [TestCase(false, 1, 1, new[] { 1, 1, 1, 1 }, new[] { 1, 1 })]
    [TestCase(true, 1, 1, new[] { 1, 1, 1, 1 }, new[] { 1, 1 })]
    [TestCase(true, 2, 2, new[] { 0, 0, 0, 0 }, new[] { 1, 1 })]
    [TestCase(true, 2, 2, new[] { 1, 0, 1, 0 }, new[] { 2, 1 })]
    [TestCase(false, 2, 1, new[] { 0, 1, 1, 0 }, new[] { 1, 2 })]
    public void MaxPool_AgainstOnnxRuntime_Equal(bool ceilMode, int strideH, int strideW, int[] pads, int[] dilations)
    {
        int[] shape = [1, 2, 8, 9];
        var x = KernelOracle.Values(2 * 8 * 9, seed: 12);
        var ort = KernelOracle.Run(x, shape, (b, i) => b.Node("MaxPool", [i], null, ("kernel_shape", new[] { 3, 2 }), ("strides", new[] { strideH, strideW }),
            ("pads", pads), ("dilations", dilations), ("ceil_mode", ceilMode ? 1 : 0)));
        var g = new ConvGeometry(3, 2, strideH, strideW, pads[0], pads[1], pads[2], pads[3], dilations[0], dilations[1], ort.Shape[2], ort.Shape[3]);
        var output = new float[ort.Values.Length];

        Pooling.Max(x, 2, 8, 9, g, output);

        Assert.That(output, Is.EqualTo(ort.Values));
    }

    [TestCase(false, false, new[] { 1, 1, 1, 1 })]
    [TestCase(false, true, new[] { 1, 1, 1, 1 })]
    [TestCase(true, false, new[] { 1, 0, 0, 1 })]
    [TestCase(true, true, new[] { 1, 0, 0, 1 })]
    [TestCase(true, true, new[] { 0, 0, 0, 0 })]
    public void AveragePool_AgainstOnnxRuntime_WithinRounding(bool ceilMode, bool countIncludePad, int[] pads)
    {
        int[] shape = [1, 3, 7, 8];
        var x = KernelOracle.Values(3 * 7 * 8, seed: 13);
        var ort = KernelOracle.Run(x, shape, (b, i) => b.Node("AveragePool", [i], null, ("kernel_shape", new[] { 3, 3 }), ("strides", new[] { 2, 2 }),
            ("pads", pads), ("ceil_mode", ceilMode ? 1 : 0), ("count_include_pad", countIncludePad ? 1 : 0)));
        var g = new ConvGeometry(3, 3, 2, 2, pads[0], pads[1], pads[2], pads[3], 1, 1, ort.Shape[2], ort.Shape[3]);
        var output = new float[ort.Values.Length];

        Pooling.Average(x, 3, 7, 8, g, countIncludePad, output);

        Assert.That(output, Is.EqualTo(ort.Values).Within(1e-6f));
    }

    [Test]
    public void GlobalAveragePool_AgainstOnnxRuntime_WithinRounding()
    {
        int[] shape = [2, 3, 5, 7];
        var x = KernelOracle.Values(2 * 3 * 35, seed: 14);
        var ort = KernelOracle.Run(x, shape, (b, i) => b.Node("GlobalAveragePool", [i]));
        var output = new float[6];

        Pooling.GlobalAverage(x, 6, 35, output);

        Assert.That(output, Is.EqualTo(ort.Values).Within(1e-6f));
    }

    [Test]
    public void Pooling_Warm_AllocatesNothing()
    {
        var g = new ConvGeometry(3, 3, 1, 1, 1, 1, 1, 1, 1, 1, 8, 20);
        var x = KernelOracle.Values(2 * 8 * 20, seed: 15);
        var y = new float[x.Length];

        long bytes = KernelOracle.AllocatedBytesWhenWarm(() =>
        {
            Pooling.Max(x, 2, 8, 20, g, y);
            Pooling.Average(x, 2, 8, 20, g, countIncludePad: true, y);
            Pooling.GlobalAverage(x, 2, 160, y);
        });

        Assert.That(bytes, Is.Zero);
    }

    private static TestCaseData Case(string name, int height, int width, ConvGeometry g) =>
        new TestCaseData(height, width, g).SetArgDisplayNames(name);

    // Straight from the ONNX definition: every kernel tap, padded taps skipped (max, average without
    // pads) or counted when inside the padded input (average with count_include_pad).
    private static float[] Reference(float[] input, int channels, int height, int width, ConvGeometry g, bool isMax, bool countIncludePad)
    {
        var output = new float[channels * g.OutH * g.OutW];
        for (int c = 0; c < channels; c++)
        {
            for (int oy = 0; oy < g.OutH; oy++)
            {
                for (int ox = 0; ox < g.OutW; ox++)
                {
                    float best = float.MinValue;
                    double sum = 0;
                    int real = 0;
                    int padded = 0;
                    for (int ky = 0; ky < g.KernelH; ky++)
                    {
                        for (int kx = 0; kx < g.KernelW; kx++)
                        {
                            int y = (oy * g.StrideH) - g.PadTop + (ky * g.DilationH);
                            int x = (ox * g.StrideW) - g.PadLeft + (kx * g.DilationW);
                            if (y >= -g.PadTop && y < height + g.PadBottom && x >= -g.PadLeft && x < width + g.PadRight)
                            {
                                padded++;
                            }

                            if (y >= 0 && y < height && x >= 0 && x < width)
                            {
                                float value = input[(((c * height) + y) * width) + x];
                                best = Math.Max(best, value);
                                sum += value;
                                real++;
                            }
                        }
                    }

                    int divisor = countIncludePad ? padded : real;
                    output[(((c * g.OutH) + oy) * g.OutW) + ox] = isMax ? best : divisor == 0 ? 0f : (float)(sum / divisor);
                }
            }
        }

        return output;
    }
}
