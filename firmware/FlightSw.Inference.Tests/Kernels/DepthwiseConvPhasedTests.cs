using System.Runtime.InteropServices;
using FlightSw.Inference.Kernels;

namespace FlightSw.Inference.Tests.Kernels;

public class DepthwiseConvPhasedTests
{
    [TestCase(3, 9, 9, 3, 1, 1, 1, 1, 1)]
    [TestCase(4, 112, 112, 3, 2, 1, 1, 1, 1)]
    [TestCase(2, 17, 23, 3, 2, 1, 0, 1, 1)]
    [TestCase(2, 20, 37, 5, 2, 2, 2, 2, 1)]
    [TestCase(5, 13, 29, 3, 1, 2, 2, 2, 2)]
    [TestCase(1, 31, 70, 3, 3, 1, 1, 0, 1)]
    [TestCase(3, 8, 8, 1, 1, 0, 0, 0, 1)]
    [TestCase(2, 7, 7, 7, 1, 3, 3, 3, 1)]
    public void Run_AnyGeometry_MatchesDirectDefinition(int channels, int height, int width, int kernel, int stride, int padTop, int padLeft, int padEnd, int dilation)
    {
        int outH = ConvGeometry.OutputSize(height, kernel, stride, padTop, padEnd, dilation, ceilMode: false);
        int outW = ConvGeometry.OutputSize(width, kernel, stride, padLeft, padEnd, dilation, ceilMode: false);
        var g = new ConvGeometry(kernel, kernel, stride, stride, padTop, padLeft, padEnd, padEnd, dilation, dilation, outH, outW);
        var random = new Random(channels * 1000 + width);
        var x = Values(random, channels * height * width);
        var w = Values(random, channels * kernel * kernel);
        var bias = Values(random, channels);
        var y = new float[channels * outH * outW];
        var twice = new float[y.Length];
        var scratch = new float[DepthwiseConvPhased.ScratchSize(height, width, g)];

        DepthwiseConvPhased.Run(x, channels, height, width, w, bias, g, y, scratch, twice);

        for (int c = 0; c < channels; c++)
        {
            for (int oy = 0; oy < outH; oy++)
            {
                for (int ox = 0; ox < outW; ox++)
                {
                    double expected = bias[c];
                    for (int ky = 0; ky < kernel; ky++)
                    {
                        for (int kx = 0; kx < kernel; kx++)
                        {
                            int iy = oy * stride - padTop + ky * dilation;
                            int ix = ox * stride - padLeft + kx * dilation;
                            if (iy >= 0 && iy < height && ix >= 0 && ix < width)
                            {
                                expected += (double)w[(c * kernel + ky) * kernel + kx] * x[(c * height + iy) * width + ix];
                            }
                        }
                    }

                    Assert.That(y[(c * outH + oy) * outW + ox], Is.EqualTo(expected).Within(1e-4), $"c{c} y{oy} x{ox}");
                }
            }
        }

        Assert.That(MemoryMarshal.Cast<float, int>(twice).ToArray(), Is.EqualTo(MemoryMarshal.Cast<float, int>(y).ToArray()), "the duplicate is the same computation");
    }

    [Test]
    public void Run_Twice_SameBits()
    {
        var g = new ConvGeometry(3, 3, 2, 2, 1, 1, 1, 1, 1, 1, 28, 28);
        var random = new Random(5);
        var x = Values(random, 6 * 56 * 56);
        var w = Values(random, 6 * 9);
        var scratch = new float[DepthwiseConvPhased.ScratchSize(56, 56, g)];
        var first = new float[6 * 28 * 28];
        var second = new float[first.Length];
        DepthwiseConvPhased.Run(x, 6, 56, 56, w, [], g, first, scratch);
        DepthwiseConvPhased.Run(x, 6, 56, 56, w, [], g, second, scratch);
        Assert.That(MemoryMarshal.Cast<float, int>(second).ToArray(), Is.EqualTo(MemoryMarshal.Cast<float, int>(first).ToArray()));
    }

    private static float[] Values(Random random, int count) => [.. Enumerable.Range(0, count).Select(_ => (float)(random.NextDouble() * 2 - 1))];
}
