using FlightSw.Inference.Kernels;

namespace FlightSw.Inference.Tests.Kernels;

public class ActivationsTests
{
    // Around every vector width's boundary (4, 8, 16) so vector bodies and scalar tails both run.
    private static readonly int[] Lengths = [0, 1, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 33, 100];

    private static readonly float[] Specials = [0f, -0f, 1e-40f, -1e-40f, 3f, -3f, 2.5f, -2.5f, 1e30f, -1e30f, float.PositiveInfinity, float.NegativeInfinity];

    public delegate void Activation(ReadOnlySpan<float> x, Span<float> y);

    public static IEnumerable<TestCaseData> AllActivations()
    {
        yield return new TestCaseData((Activation)Activations.Relu, (Func<float, float>)(x => x > 0 ? x : (float.IsNaN(x) ? x : 0f))).SetArgDisplayNames("Relu");
        yield return new TestCaseData((Activation)((x, y) => Activations.Clip(x, -1.5f, 2f, y)), (Func<float, float>)(x => ClipReference(x, -1.5f, 2f))).SetArgDisplayNames("Clip");
        yield return new TestCaseData((Activation)Activations.Sigmoid, (Func<float, float>)(x => (float)(1 / (1 + Math.Exp(-x))))).SetArgDisplayNames("Sigmoid");
        yield return new TestCaseData((Activation)((x, y) => Activations.HardSigmoid(x, 0.2f, 0.5f, y)), (Func<float, float>)(x => HardSigmoidReference(x, 0.2f, 0.5f))).SetArgDisplayNames("HardSigmoid");
        yield return new TestCaseData((Activation)Activations.HardSwish, (Func<float, float>)(x => x * HardSigmoidReference(x, 1f / 6f, 0.5f))).SetArgDisplayNames("HardSwish");
    }

    [TestCaseSource(nameof(AllActivations))]
    public void Activation_RandomAndSpecialValues_MatchReference(Activation activation, Func<float, float> reference)
    {
        float[] x = [.. KernelOracle.Values(200, seed: 1), .. Specials];
        var y = new float[x.Length];

        activation(x, y);

        // Sigmoid goes through exp; the others are exact float arithmetic.
        Assert.That(y, Is.EqualTo(x.Select(reference).ToArray()).Within(2e-7f));
    }

    [TestCaseSource(nameof(AllActivations))]
    public void Activation_InPlace_SameBitsAsSeparateOutput(Activation activation, Func<float, float> reference)
    {
        Assert.That(reference, Is.Not.Null);
        foreach (int length in Lengths)
        {
            var x = KernelOracle.Values(length, seed: length);
            var separate = new float[length];
            activation(x, separate);

            activation(x, x);

            Assert.That(KernelOracle.Bits(x), Is.EqualTo(KernelOracle.Bits(separate)), $"length {length}");
        }
    }

    [TestCaseSource(nameof(AllActivations))]
    public void Activation_NaN_StaysNaN(Activation activation, Func<float, float> reference)
    {
        Assert.That(reference, Is.Not.Null);
        var x = KernelOracle.Values(37, seed: 2);
        x[0] = x[17] = x[36] = float.NaN;
        var y = new float[x.Length];

        activation(x, y);

        Assert.That(new[] { y[0], y[17], y[36] }, Is.All.NaN);
    }

    [TestCaseSource(nameof(AllActivations))]
    public void Activation_ShortOutput_Throws(Activation activation, Func<float, float> reference)
    {
        Assert.That(reference, Is.Not.Null);
        var x = new float[10];

        Assert.Throws<ArgumentException>(() => activation(x, new float[9]));
    }

    [Test]
    public void ExactActivations_ValueAnywhereInSpan_SameBitsAsAlone()
    {
        // Vector bodies and the scalar tail must agree bit for bit, so a value's result never
        // depends on its position or on the span's length.
        var x = KernelOracle.Values(45, seed: 3);
        Activation[] exact = [Activations.Relu, (a, b) => Activations.Clip(a, -1f, 1f, b), (a, b) => Activations.HardSigmoid(a, 0.3f, 0.4f, b), Activations.HardSwish];
        foreach (var activation in exact)
        {
            var whole = new float[x.Length];
            activation(x, whole);
            var alone = new float[x.Length];
            for (int i = 0; i < x.Length; i++)
            {
                activation(x.AsSpan(i, 1), alone.AsSpan(i, 1));
            }

            Assert.That(KernelOracle.Bits(whole), Is.EqualTo(KernelOracle.Bits(alone)));
        }
    }

    [Test]
    public void Relu_SignedZeroAndNegatives_PositiveZero()
    {
        float[] x = [-0f, -1f, float.NegativeInfinity, 0f];
        var y = new float[4];

        Activations.Relu(x, y);

        Assert.That(KernelOracle.Bits(y), Is.EqualTo(KernelOracle.Bits([0f, 0f, 0f, 0f])));
    }

    [Test]
    public void Clip_MinAboveMax_EveryValueIsMax()
    {
        var x = KernelOracle.Values(20, seed: 4);
        var y = new float[x.Length];

        Activations.Clip(x, 1f, -1f, y);

        Assert.That(y, Is.All.EqualTo(-1f));
    }

    [Test]
    public void Sigmoid_HugeMagnitudes_SaturateWithoutNaN()
    {
        float[] x = [1e30f, -1e30f, 100f, -100f, 89f, -89f, float.PositiveInfinity, float.NegativeInfinity];
        var y = new float[x.Length];

        Activations.Sigmoid(x, y);

        Assert.That(y, Is.EqualTo(new[] { 1f, 0f, 1f, 0f, 1f, 0f, 1f, 0f }).Within(1e-30f));
    }

    [Test]
    public void HardSwish_Breakpoints_ZeroBelowMinusThreeIdentityAboveThree()
    {
        float[] x = [-4f, -3f, 0f, 1.5f, 3f, 4f];
        var y = new float[x.Length];

        Activations.HardSwish(x, y);

        Assert.That(y, Is.EqualTo(new[] { -0f, -0f, 0f, 1.5f * ((1.5f / 6f) + 0.5f), 3f, 4f }).Within(1e-6f));
    }

    [Test]
    public void Activations_AgainstOnnxRuntime_WithinOneUlpOrExact()
    {
        int[] shape = [2, 3, 7];
        float[] x = [.. KernelOracle.Values(40, seed: 5), 3f, -3f];
        var y = new float[x.Length];

        Activations.Relu(x, y);
        Assert.That(y, Is.EqualTo(KernelOracle.Run(x, shape, (b, i) => b.Node("Relu", [i])).Values), "Relu");

        Activations.Clip(x, -1f, 2.5f, y);
        Assert.That(y, Is.EqualTo(KernelOracle.Run(x, shape, (b, i) => b.Node("Clip", [i, b.Initializer("lo", [-1f]), b.Initializer("hi", [2.5f])])).Values), "Clip");

        Activations.Sigmoid(x, y);
        Assert.That(y, Is.EqualTo(KernelOracle.Run(x, shape, (b, i) => b.Node("Sigmoid", [i])).Values).Within(2e-7f), "Sigmoid");

        Activations.HardSigmoid(x, 0.3f, 0.4f, y);
        Assert.That(y, Is.EqualTo(KernelOracle.Run(x, shape, (b, i) => b.Node("HardSigmoid", [i], null, ("alpha", 0.3f), ("beta", 0.4f))).Values).Within(1e-7f), "HardSigmoid");

        Activations.HardSwish(x, y);
        Assert.That(y, Is.EqualTo(KernelOracle.Run(x, shape, (b, i) => b.Node("HardSwish", [i]), opset: 14).Values).Within(1e-6f), "HardSwish");
    }

    [Test]
    public void Activations_Warm_AllocateNothing()
    {
        var x = KernelOracle.Values(100, seed: 6);
        var y = new float[100];

        long bytes = KernelOracle.AllocatedBytesWhenWarm(() =>
        {
            Activations.Relu(x, y);
            Activations.Clip(x, -1f, 1f, y);
            Activations.Sigmoid(x, y);
            Activations.HardSigmoid(x, 0.2f, 0.5f, y);
            Activations.HardSwish(x, x);
        });

        Assert.That(bytes, Is.Zero);
    }

    private static float ClipReference(float x, float min, float max) => float.IsNaN(x) ? x : Math.Min(Math.Max(x, min), max);

    private static float HardSigmoidReference(float x, float alpha, float beta)
    {
        float value = (alpha * x) + beta;
        return float.IsNaN(value) ? value : Math.Max(0f, Math.Min(1f, value));
    }
}
