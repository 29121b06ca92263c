using FlightSw.Inference.Kernels;

namespace FlightSw.Inference.Tests.Kernels;

public class DepthwiseConvTests
{
    // channels, height, width, kernel h/w, stride h/w, pads t/l/b/r, dilation h/w. They cover
    // strides 1, 2 and 3, narrow planes (one long line), planes too big for the stack buffer
    // (150 x 150: rows copied per output row), 3x3 and other kernels, dilation and big pads.
    private static readonly int[][] Geometries =
    [
        [4, 56, 56, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1],
        [3, 28, 28, 3, 3, 2, 2, 0, 0, 1, 1, 1, 1],
        [5, 14, 14, 5, 5, 1, 1, 2, 2, 2, 2, 1, 1],
        [2, 7, 7, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1],
        [2, 9, 40, 3, 3, 1, 1, 2, 2, 2, 2, 2, 2],
        [3, 12, 33, 3, 5, 2, 1, 1, 0, 0, 3, 1, 1],
        [1, 1, 100, 1, 7, 1, 1, 0, 3, 0, 3, 1, 1],
        [2, 17, 23, 1, 1, 1, 1, 0, 0, 0, 0, 1, 1],
        [2, 10, 31, 3, 3, 3, 3, 1, 1, 1, 1, 1, 1],
        [1, 4, 4, 3, 3, 1, 1, 4, 4, 4, 4, 1, 1],
        [2, 6, 45, 2, 4, 1, 1, 1, 2, 0, 1, 3, 2],
        [2, 20, 37, 3, 3, 2, 2, 1, 1, 1, 1, 1, 2],
        [2, 15, 41, 5, 5, 2, 2, 2, 2, 2, 2, 1, 1],
        [3, 9, 17, 3, 3, 2, 2, 0, 0, 0, 0, 1, 1],
        [2, 12, 50, 3, 3, 1, 2, 1, 1, 1, 1, 1, 1],
        [2, 150, 150, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1],
        [2, 150, 151, 3, 3, 2, 2, 1, 1, 1, 1, 1, 1],
    ];

    public static IEnumerable<TestCaseData> GeometryCases => Geometries.Select(g => new TestCaseData(g));

    [TestCaseSource(nameof(GeometryCases))]
    public void Run_Geometry_BitIdenticalToFmaChainOverZeroPaddedTaps(int[] spec)
    {
        var (channels, height, width, g) = Im2ColTests.Geometry(spec);
        var (input, weights, bias) = RandomProblem(channels, height, width, g, seed: spec.Sum());

        var output = Run(input, channels, height, width, weights, bias, g);

        Assert.That(output, Is.EqualTo(Reference(input, channels, height, width, weights, bias, g, out _)).AsCollection);
    }

    [TestCaseSource(nameof(GeometryCases))]
    public void Run_Geometry_WithinRoundingOfDoubleReference(int[] spec)
    {
        var (channels, height, width, g) = Im2ColTests.Geometry(spec);
        var (input, weights, bias) = RandomProblem(channels, height, width, g, seed: spec.Length + spec.Sum());

        var output = Run(input, channels, height, width, weights, bias, g);

        Reference(input, channels, height, width, weights, bias, g, out var exact);
        int taps = g.KernelH * g.KernelW;
        for (int i = 0; i < output.Length; i++)
        {
            Assert.That(output[i], Is.EqualTo(exact[i].Value).Within((taps + 1) * Math.Pow(2, -24) * exact[i].Magnitude * 1.01), $"output {i}");
        }
    }

    [Test]
    public void Run_RowTooWideForStackBuffer_SameChainOnScalarPath()
    {
        var (channels, height, width, g) = Im2ColTests.Geometry([2, 3, 6000, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1]);
        var (input, weights, bias) = RandomProblem(channels, height, width, g, seed: 12);

        var output = Run(input, channels, height, width, weights, bias, g);

        Assert.That(output, Is.EqualTo(Reference(input, channels, height, width, weights, bias, g, out _)).AsCollection);
    }

    [Test]
    public void Run_EmptyBias_StartsFromZero()
    {
        var (channels, height, width, g) = Im2ColTests.Geometry(Geometries[0]);
        var (input, weights, _) = RandomProblem(channels, height, width, g, seed: 9);

        var output = Run(input, channels, height, width, weights, [], g);

        Assert.That(output, Is.EqualTo(Reference(input, channels, height, width, weights, new float[channels], g, out _)).AsCollection);
    }

    [Test]
    public void Run_CalledTwice_IdenticalBits()
    {
        var (channels, height, width, g) = Im2ColTests.Geometry(Geometries[4]);
        var (input, weights, bias) = RandomProblem(channels, height, width, g, seed: 10);

        var first = Run(input, channels, height, width, weights, bias, g);
        var second = Run(input, channels, height, width, weights, bias, g);

        Assert.That(second, Is.EqualTo(first).AsCollection);
    }

    [Test]
    public void Run_WeightsTooShort_Throws()
    {
        var g = new ConvGeometry(3, 3, 1, 1, 1, 1, 1, 1, 1, 1, 4, 4);

        Assert.Throws<ArgumentOutOfRangeException>(() => DepthwiseConv.Run(new float[32], 2, 4, 4, new float[17], [], g, new float[32]));
    }

    private static float[] Run(float[] input, int channels, int height, int width, float[] weights, float[] bias, ConvGeometry g)
    {
        var output = new float[channels * g.OutH * g.OutW];
        Array.Fill(output, float.NaN);
        DepthwiseConv.Run(input, channels, height, width, weights, bias, g, output);
        return output;
    }

    private static (float[] Input, float[] Weights, float[] Bias) RandomProblem(int channels, int height, int width, ConvGeometry g, int seed)
    {
        var random = new Random(seed);
        return (GemmTests.Normal(random, channels * height * width), GemmTests.Normal(random, channels * g.KernelH * g.KernelW), GemmTests.Normal(random, channels));
    }

    /// <summary>The documented chain (bias, then one FMA per tap row by row, 0 in the padding) and a double-precision value with its magnitude.</summary>
    private static float[] Reference(float[] input, int channels, int height, int width, float[] weights, float[] bias, ConvGeometry g,
                                     out (double Value, double Magnitude)[] exact)
    {
        var output = new float[channels * g.OutH * g.OutW];
        exact = new (double, double)[output.Length];
        for (int c = 0; c < channels; c++)
        {
            for (int oy = 0; oy < g.OutH; oy++)
            {
                for (int ox = 0; ox < g.OutW; ox++)
                {
                    float acc = bias[c];
                    double value = bias[c], magnitude = Math.Abs(bias[c]);
                    for (int y = 0; y < g.KernelH; y++)
                    {
                        for (int x = 0; x < g.KernelW; x++)
                        {
                            int iy = (oy * g.StrideH) - g.PadTop + (y * g.DilationH);
                            int ix = (ox * g.StrideW) - g.PadLeft + (x * g.DilationW);
                            bool inside = iy >= 0 && iy < height && ix >= 0 && ix < width;
                            float w = weights[(((c * g.KernelH) + y) * g.KernelW) + x];
                            float v = inside ? input[(((c * height) + iy) * width) + ix] : 0f;
                            acc = MathF.FusedMultiplyAdd(w, v, acc);
                            value += (double)w * v;
                            magnitude += Math.Abs((double)w * v);
                        }
                    }

                    int index = (((c * g.OutH) + oy) * g.OutW) + ox;
                    output[index] = acc;
                    exact[index] = (value, magnitude);
                }
            }
        }

        return output;
    }
}
