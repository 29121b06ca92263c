using FlightSw.Inference.Kernels;

namespace FlightSw.Inference.Tests.Kernels;

public class ChannelAffineTests
{
    [TestCase(1, 3, 1)]
    [TestCase(4, 5, 1)]
    [TestCase(2, 3, 37)]
    [TestCase(1, 16, 49)]
    [TestCase(3, 1, 5)]
    public void Run_Layout_EachValueScaledAndShiftedByItsChannel(int outer, int channels, int inner)
    {
        var x = KernelOracle.Values(outer * channels * inner, seed: 1);
        var scale = KernelOracle.Values(channels, seed: 2);
        var shift = KernelOracle.Values(channels, seed: 3);
        var y = new float[x.Length];

        ChannelAffine.Run(x, outer, channels, inner, scale, shift, y);

        var expected = x.Select((value, i) => (value * scale[i / inner % channels]) + shift[i / inner % channels]).ToArray();
        Assert.That(KernelOracle.Bits(y), Is.EqualTo(KernelOracle.Bits(expected)));
    }

    [TestCase(4, 5, 1)]
    [TestCase(2, 3, 37)]
    public void Run_InPlace_SameBitsAsSeparateOutput(int outer, int channels, int inner)
    {
        var x = KernelOracle.Values(outer * channels * inner, seed: 4);
        var scale = KernelOracle.Values(channels, seed: 5);
        var shift = KernelOracle.Values(channels, seed: 6);
        var separate = new float[x.Length];
        ChannelAffine.Run(x, outer, channels, inner, scale, shift, separate);

        ChannelAffine.Run(x, outer, channels, inner, scale, shift, x);

        Assert.That(KernelOracle.Bits(x), Is.EqualTo(KernelOracle.Bits(separate)));
    }

    [Test]
    public void Run_ShortScale_Throws()
    {
        Assert.Throws<ArgumentException>(() => ChannelAffine.Run(new float[12], 1, 3, 4, new float[2], new float[3], new float[12]));
    }

    [Test]
    public void Run_Warm_AllocatesNothing()
    {
        var x = KernelOracle.Values(2 * 3 * 37, seed: 8);
        var scale = KernelOracle.Values(3, seed: 9);

        long bytes = KernelOracle.AllocatedBytesWhenWarm(() =>
        {
            ChannelAffine.Run(x, 2, 3, 37, scale, scale, x);
            ChannelAffine.Run(x, 74, 3, 1, scale, scale, x);
        });

        Assert.That(bytes, Is.Zero);
    }

    [Test]
    public void BatchNormalization_FoldedIntoScaleAndShift_MatchesOnnxRuntime()
    {
        const float epsilon = 1e-5f;
        int[] shape = [2, 4, 3, 5];
        var x = KernelOracle.Values(2 * 4 * 15, seed: 7);
        float[] gamma = [0.5f, -1.25f, 2f, 1f];
        float[] beta = [0.1f, 0f, -0.3f, 2f];
        float[] mean = [0.2f, -0.4f, 0f, 1f];
        float[] variance = [1f, 0.25f, 4f, 0.01f];
        var ort = KernelOracle.Run(x, shape, (b, i) => b.Node("BatchNormalization",
            [i, b.Initializer("gamma", gamma, 4), b.Initializer("beta", beta, 4), b.Initializer("mean", mean, 4), b.Initializer("var", variance, 4)],
            null, ("epsilon", epsilon)));
        var scale = gamma.Select((g, c) => g / MathF.Sqrt(variance[c] + epsilon)).ToArray();
        var shift = beta.Select((b, c) => b - (mean[c] * scale[c])).ToArray();
        var y = new float[x.Length];

        ChannelAffine.Run(x, 2, 4, 15, scale, shift, y);

        Assert.That(y, Is.EqualTo(ort.Values).Within(1e-5f));
    }
}
