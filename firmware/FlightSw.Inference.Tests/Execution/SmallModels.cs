using FlightSw.Inference.Models;

namespace FlightSw.Inference.Tests.Execution;

/// <summary>Small seeded models for the engine's own tests (the oracle tests use the zoo).</summary>
internal static class SmallModels
{
    /// <summary>Conv 3x3 + BN + Relu, depthwise 3x3 stride 2 + HardSwish, pointwise, GAP, Flatten, Gemm to 5 classes, Softmax.</summary>
    public static byte[] ConvNet(int seed = 7)
    {
        var random = new Random(seed);
        var b = new ModelBuilder("convnet", 14);
        string x = b.Input("image", 1, 3, 12, 12);
        x = b.Node("Conv", [x, b.Initializer("w1", Normal(random, 8 * 3 * 9, 0.3f), 8, 3, 3, 3), b.Initializer("b1", Normal(random, 8, 0.1f), 8)], "conv1",
            ("kernel_shape", new[] { 3, 3 }), ("pads", new[] { 1, 1, 1, 1 }));
        x = b.Node("BatchNormalization", [x, b.Initializer("g1", Positive(random, 8), 8), b.Initializer("be1", Normal(random, 8, 0.1f), 8), b.Initializer("m1", Normal(random, 8, 0.1f), 8), b.Initializer("v1", Positive(random, 8), 8)], "bn1");
        x = b.Node("Relu", [x], "relu1");
        x = b.Node("Conv", [x, b.Initializer("wd", Normal(random, 8 * 9, 0.3f), 8, 1, 3, 3)], "dw",
            ("kernel_shape", new[] { 3, 3 }), ("pads", new[] { 1, 1, 1, 1 }), ("strides", new[] { 2, 2 }), ("group", 8));
        x = b.Node("HardSwish", [x], "hs");
        x = b.Node("Conv", [x, b.Initializer("wp", Normal(random, 16 * 8, 0.3f), 16, 8, 1, 1)], "pw", ("kernel_shape", new[] { 1, 1 }));
        x = b.Node("GlobalAveragePool", [x], "gap");
        x = b.Node("Flatten", [x], "flat");
        x = b.Node("Gemm", [x, b.Initializer("wf", Normal(random, 5 * 16, 0.3f), 5, 16), b.Initializer("bf", Normal(random, 5, 0.1f), 5)], "head", ("transB", 1));
        x = b.Node("Softmax", [x], "softmax", ("axis", 1));
        b.Output(x);
        return b.ToBytes();
    }

    public static float[] Input(int seed, int count)
    {
        var random = new Random(seed);
        return Normal(random, count, 1f);
    }

    private static float[] Normal(Random random, int count, float scale) =>
        [.. Enumerable.Range(0, count).Select(_ => (float)(scale * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble())))];

    private static float[] Positive(Random random, int count) =>
        [.. Enumerable.Range(0, count).Select(_ => (float)(0.5 + random.NextDouble()))];
}
