namespace FlightSw.Inference.Tests.Oracle;

/// <summary>
/// How far the managed engine's element may be from ONNX Runtime's: |managed - ort| &lt;=
/// Absolute + Relative * |ort|. Both engines compute in float32 but in different orders (ORT's
/// MLAS blocks and vectorises its sums differently, uses FMA, folds BatchNormalization into the
/// convolution, and approximates exp and the logistic with its own polynomials), so only data
/// movement and selection agree bit for bit; every tier is orders of magnitude below the error of
/// a wrong formula, index or padding (which shows up as differences of 0.01 to 1).
/// </summary>
public readonly record struct Tolerance(float Absolute, float Relative, string Why)
{
    /// <summary>Data movement and selection (Reshape, Transpose, Slice, Gather, Concat, Relu, Clip, MaxPool): the same bits.</summary>
    public static Tolerance Exact { get; } = new(0, 0, "data movement and selection copy floats: the same bits");

    /// <summary>
    /// One or two roundings per element (Add, Sub, Mul, Div, HardSigmoid, HardSwish): a few ulps,
    /// 1e-6 absolute plus 1e-6 relative (float32 epsilon is 1.2e-7), for an engine that computes
    /// x/6 as x*(1/6) or a division as a multiplication by the reciprocal.
    /// </summary>
    public static Tolerance FewRoundings { get; } = new(1e-6f, 1e-6f, "one or two roundings per element: a few ulps");

    /// <summary>
    /// Exponentials (Sigmoid, Softmax): 1e-5 absolute plus 1e-5 relative, as ORT's MLAS evaluates
    /// exp and the logistic with its own polynomial approximations (a few ulps up to about 1e-6).
    /// </summary>
    public static Tolerance Exponential { get; } = new(1e-5f, 1e-5f, "MLAS approximates exp and the logistic with its own polynomials");

    /// <summary>
    /// Sums (Conv, Gemm, MatMul, BatchNormalization, AveragePool, GlobalAveragePool): 1e-4
    /// absolute plus 1e-4 relative. A K-term float32 dot product summed in another order differs
    /// by up to about K * 6e-8 * sum|terms|; the tests' sums have K &lt;= 300 terms of unit-scale
    /// values, whose worst case stays below 1e-4 (measured: at most 4e-6, on the 288-term Conv).
    /// </summary>
    public static Tolerance Accumulating { get; } = new(1e-4f, 1e-4f, "sums of up to ~300 products in another order");

    /// <summary>
    /// Whole networks (about 20 layers of sums, BatchNormalization folded, exponentials): 1e-5
    /// absolute plus 1e-4 relative on the output probabilities, as rounding differences compound
    /// from layer to layer. Measured on x64 (AVX-512): at most 7e-7 absolute and 4e-6 relative on
    /// the zoo's models, so the margin is over 10x while a wrong epsilon, pad or bias still shows.
    /// </summary>
    public static Tolerance WholeModel { get; } = new(1e-5f, 1e-4f, "rounding differences compound over ~20 layers");

    /// <summary>True when <paramref name="actual"/> is within tolerance of <paramref name="expected"/> (NaN matches NaN, infinities match themselves).</summary>
    public bool Accepts(float actual, float expected)
    {
        if (float.IsNaN(expected) || float.IsNaN(actual))
        {
            return float.IsNaN(expected) && float.IsNaN(actual);
        }

        if (float.IsInfinity(expected) || float.IsInfinity(actual))
        {
            return actual == expected;
        }

        return Math.Abs((double)actual - expected) <= Absolute + (Relative * Math.Abs((double)expected));
    }

    public override string ToString() => $"abs {Absolute:G3} + rel {Relative:G3} ({Why})";
}
