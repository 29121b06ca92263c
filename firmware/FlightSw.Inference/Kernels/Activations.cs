using System.Numerics.Tensors;
using System.Runtime.Intrinsics;

namespace FlightSw.Inference.Kernels;

/// <summary>
/// Element-wise ONNX activations. Every method writes y[i] = f(x[i]) for each i of x; y may be the
/// same span as x (in place) but must not otherwise overlap it. NaN in gives NaN out (min and max
/// are IEEE 754 minimum/maximum), so a corrupted value is never silently clamped into range.
/// </summary>
internal static class Activations
{
    // ONNX HardSwish is defined as HardSigmoid(alpha = 1/6, beta = 0.5) times x.
    private const float HardSwishAlpha = 1f / 6f;
    private const float HardSwishBeta = 0.5f;

    /// <summary>Relu: max(0, x).</summary>
    public static void Relu(ReadOnlySpan<float> x, Span<float> y) => TensorPrimitives.Max(x, 0f, FitOutput(x, y));

    /// <summary>Clip: min(max(x, min), max), as ONNX Runtime evaluates it (so min &gt; max gives max).</summary>
    public static void Clip(ReadOnlySpan<float> x, float min, float max, Span<float> y) =>
        FloatMapLoop.Apply(x, y, new ClipMap(min, max));

    /// <summary>Sigmoid: 1 / (1 + exp(-x)), saturating to 0 and 1 without overflow.</summary>
    public static void Sigmoid(ReadOnlySpan<float> x, Span<float> y)
    {
        var target = FitOutput(x, y);

        // TensorPrimitives.Sigmoid refuses empty spans; an empty tensor is simply nothing to do.
        if (!x.IsEmpty)
        {
            TensorPrimitives.Sigmoid(x, target);
        }
    }

    /// <summary>HardSigmoid: max(0, min(1, alpha*x + beta)).</summary>
    public static void HardSigmoid(ReadOnlySpan<float> x, float alpha, float beta, Span<float> y) =>
        FloatMapLoop.Apply(x, y, new HardSigmoidMap(alpha, beta));

    /// <summary>HardSwish: x * max(0, min(1, x/6 + 0.5)), with 1/6 applied as the multiplier alpha as ONNX defines it.</summary>
    public static void HardSwish(ReadOnlySpan<float> x, Span<float> y) => FloatMapLoop.Apply(x, y, default(HardSwishMap));

    // TensorPrimitives throws when the destination is short but writes only x.Length elements; the
    // slice makes in-place calls with equal spans and longer outputs behave the same way.
    private static Span<float> FitOutput(ReadOnlySpan<float> x, Span<float> y) =>
        y.Length >= x.Length ? y[..x.Length] : throw new ArgumentException($"Output holds {y.Length} elements, input {x.Length}.", nameof(y));

    private readonly struct ClipMap(float min, float max) : IFloatMap
    {
        public float Invoke(float x) => float.Min(float.Max(x, min), max);

        public Vector128<float> Invoke(Vector128<float> x) => Vector128.Min(Vector128.Max(x, Vector128.Create(min)), Vector128.Create(max));

        public Vector256<float> Invoke(Vector256<float> x) => Vector256.Min(Vector256.Max(x, Vector256.Create(min)), Vector256.Create(max));

        public Vector512<float> Invoke(Vector512<float> x) => Vector512.Min(Vector512.Max(x, Vector512.Create(min)), Vector512.Create(max));
    }

    private readonly struct HardSigmoidMap(float alpha, float beta) : IFloatMap
    {
        public float Invoke(float x) => float.Max(0f, float.Min(1f, (alpha * x) + beta));

        public Vector128<float> Invoke(Vector128<float> x) =>
            Vector128.Max(Vector128<float>.Zero, Vector128.Min(Vector128<float>.One, (x * alpha) + Vector128.Create(beta)));

        public Vector256<float> Invoke(Vector256<float> x) =>
            Vector256.Max(Vector256<float>.Zero, Vector256.Min(Vector256<float>.One, (x * alpha) + Vector256.Create(beta)));

        public Vector512<float> Invoke(Vector512<float> x) =>
            Vector512.Max(Vector512<float>.Zero, Vector512.Min(Vector512<float>.One, (x * alpha) + Vector512.Create(beta)));
    }

    private readonly struct HardSwishMap : IFloatMap
    {
        public float Invoke(float x) => x * new HardSigmoidMap(HardSwishAlpha, HardSwishBeta).Invoke(x);

        public Vector128<float> Invoke(Vector128<float> x) => x * new HardSigmoidMap(HardSwishAlpha, HardSwishBeta).Invoke(x);

        public Vector256<float> Invoke(Vector256<float> x) => x * new HardSigmoidMap(HardSwishAlpha, HardSwishBeta).Invoke(x);

        public Vector512<float> Invoke(Vector512<float> x) => x * new HardSigmoidMap(HardSwishAlpha, HardSwishBeta).Invoke(x);
    }
}
