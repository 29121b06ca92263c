namespace FlightSw.Inference.Tests.Oracle;

/// <summary>
/// Activations, BatchNormalization, Softmax and Cast against ONNX Runtime. The other operators'
/// cases are in <see cref="ConvOracleTests"/>, <see cref="PoolingOracleTests"/>,
/// <see cref="BinaryOracleTests"/>, <see cref="MatMulOracleTests"/> and <see cref="LayoutOracleTests"/>.
/// </summary>
public class OperatorOracleTests
{
    private static readonly int[] ActivationShape = [2, 3, 5, 7];

    public static IEnumerable<TestCaseData> ActivationCases()
    {
        yield return OracleCase.Named("Relu", () => Unary(13, Tolerance.Exact, "Relu"));
        yield return OracleCase.Named("SigmoidSaturating", () => Unary(13, Tolerance.Exponential, "Sigmoid", low: -20, high: 20));
        yield return OracleCase.Named("SigmoidNearZero", () => Unary(13, Tolerance.Exponential, "Sigmoid", low: -2, high: 2));
        yield return OracleCase.Named("HardSigmoidDefaults", () => Unary(13, Tolerance.FewRoundings, "HardSigmoid"));
        yield return OracleCase.Named("HardSigmoidAlpha05Beta03", () => Unary(13, Tolerance.FewRoundings, "HardSigmoid", attributes: [("alpha", 0.5f), ("beta", 0.3f)]));
        yield return OracleCase.Named("HardSigmoidPyTorchConstants", () => Unary(13, Tolerance.FewRoundings, "HardSigmoid", attributes: [("alpha", 1f / 6), ("beta", 0.5f)]));
        yield return OracleCase.Named("HardSwish", () => Unary(14, Tolerance.FewRoundings, "HardSwish"));
        yield return OracleCase.Named("Clip6MinMaxAttributes", () => Unary(6, Tolerance.Exact, "Clip", attributes: [("min", -1f), ("max", 1.5f)]));
        yield return OracleCase.Named("Clip6MinAttributeOnly", () => Unary(6, Tolerance.Exact, "Clip", attributes: [("min", 0.25f)]));
        yield return OracleCase.Named("Clip6Relu6", () => Unary(6, Tolerance.Exact, "Clip", attributes: [("min", 0f), ("max", 6f)]));
        yield return OracleCase.Named("Clip13MinMaxInputs", () => Clip13(min: -1f, max: 1.5f));
        yield return OracleCase.Named("Clip13MinInputOnly", () => Clip13(min: 0.25f, max: null));
        yield return OracleCase.Named("Clip13MaxInputOnly", () => Clip13(min: null, max: -0.5f));
        yield return OracleCase.Named("Clip13NoBounds", () => Clip13(min: null, max: null));
    }

    public static IEnumerable<TestCaseData> BatchNormalizationCases()
    {
        yield return OracleCase.Named("BatchNormalizationStandalone4D", () => BatchNormalization(13, [1, 6, 5, 5]));
        yield return OracleCase.Named("BatchNormalizationBatch2Epsilon1e3", () => BatchNormalization(13, [2, 4, 3, 3], epsilon: 1e-3f));
        yield return OracleCase.Named("BatchNormalization2D", () => BatchNormalization(13, [3, 5]));
        yield return OracleCase.Named("BatchNormalization3D", () => BatchNormalization(13, [2, 4, 9]));
        yield return OracleCase.Named("BatchNormalizationOpset14", () => BatchNormalization(14, [1, 5, 4, 4]));
        yield return OracleCase.Named("BatchNormalizationAfterConv", () => ConvBatchNormalization(13, group: 1, bias: false, activation: null));
        yield return OracleCase.Named("BatchNormalizationAfterConvWithBiasThenRelu", () => ConvBatchNormalization(13, group: 1, bias: true, activation: "Relu"));
        yield return OracleCase.Named("BatchNormalizationAfterDepthwiseConvThenHardSwish", () => ConvBatchNormalization(14, group: 6, bias: false, activation: "HardSwish"));
    }

    public static IEnumerable<TestCaseData> SoftmaxCases()
    {
        yield return OracleCase.Named("Softmax13AxisLast", () => Softmax(13, [2, 3, 4, 5], axis: -1));
        yield return OracleCase.Named("Softmax13Axis1", () => Softmax(13, [2, 3, 4, 5], axis: 1));
        yield return OracleCase.Named("Softmax13Axis0", () => Softmax(13, [4, 5], axis: 0));
        yield return OracleCase.Named("Softmax13DefaultAxis", () => Softmax(13, [3, 10], axis: null));
        yield return OracleCase.Named("Softmax13LargeLogits", () => Softmax(13, [4, 10], axis: -1, deviation: 40));
        yield return OracleCase.Named("Softmax11AxisLast", () => Softmax(11, [2, 3, 4, 5], axis: -1));
        yield return OracleCase.Named("Softmax11Axis1CoercesTo2D", () => Softmax(11, [2, 3, 4, 5], axis: 1));
        yield return OracleCase.Named("Softmax11DefaultAxisCoercesTo2D", () => Softmax(11, [2, 3, 4], axis: null));
    }

    public static IEnumerable<TestCaseData> CastCases()
    {
        yield return OracleCase.Named("CastFloatToFloat", () =>
        {
            var m = new OracleModelBuilder();
            return m.Finish(Tolerance.Exact, m.Node("Cast", [m.Input("x", 2, 3, 4)], ("to", 1L)));
        });
        yield return OracleCase.Named("CastInt64ConstantToFloatThenAdd", () =>
        {
            var m = new OracleModelBuilder();
            string cast = m.Node("Cast", [m.Int64s("c", [-3, 0, 2, 7], 1, 4)], ("to", 1L));
            return m.Finish(Tolerance.FewRoundings, m.Node("Add", [m.Input("x", 3, 4), cast]));
        });
    }

    [TestCaseSource(nameof(ActivationCases))]
    public void Run_Activation_MatchesOnnxRuntime(OracleCase oracleCase) => Differential.AssertAgrees(oracleCase.Build());

    [TestCaseSource(nameof(BatchNormalizationCases))]
    public void Run_BatchNormalization_MatchesOnnxRuntime(OracleCase oracleCase) => Differential.AssertAgrees(oracleCase.Build());

    [TestCaseSource(nameof(SoftmaxCases))]
    public void Run_Softmax_MatchesOnnxRuntime(OracleCase oracleCase) => Differential.AssertAgrees(oracleCase.Build());

    [TestCaseSource(nameof(CastCases))]
    public void Run_Cast_MatchesOnnxRuntime(OracleCase oracleCase) => Differential.AssertAgrees(oracleCase.Build());

    /// <summary>One node on an input uniform in [<paramref name="low"/>, <paramref name="high"/>) (default [-8, 8): every piece of the piecewise activations).</summary>
    private static OracleModel Unary(long opset, Tolerance tolerance, string opType, double low = -8, double high = 8, (string Name, object Value)[]? attributes = null)
    {
        var m = new OracleModelBuilder(opset);
        string x = m.Input("x", m.Values.Uniform(OracleModelBuilder.Count(ActivationShape), low, high), ActivationShape);
        return m.Finish(tolerance, m.Node(opType, [x], attributes ?? []));
    }

    private static OracleModel Clip13(float? min, float? max)
    {
        var m = new OracleModelBuilder(13);
        var inputs = new List<string> { m.Input("x", m.Values.Uniform(OracleModelBuilder.Count(ActivationShape), -4, 4), ActivationShape) };
        if (min is not null || max is not null)
        {
            inputs.Add(min is null ? string.Empty : m.Constant("min", [min.Value]));
        }

        if (max is not null)
        {
            inputs.Add(m.Constant("max", [max.Value]));
        }

        return m.Finish(Tolerance.Exact, m.Node("Clip", inputs));
    }

    private static string[] BatchNormalizationParameters(OracleModelBuilder m, int channels) =>
    [
        m.Constant("scale", m.Values.Uniform(channels, 0.5, 1.5), channels),
        m.Constant("bias", 0.1, channels),
        m.Constant("mean", 0.5, channels),
        m.Constant("var", m.Values.Uniform(channels, 0.2, 2), channels),
    ];

    private static OracleModel BatchNormalization(long opset, int[] shape, float epsilon = 1e-5f)
    {
        var m = new OracleModelBuilder(opset);
        string x = m.Input("x", shape);
        return m.Finish(Tolerance.Accumulating, m.Node("BatchNormalization", [x, .. BatchNormalizationParameters(m, shape[1])], ("epsilon", epsilon)));
    }

    private static OracleModel ConvBatchNormalization(long opset, long group, bool bias, string? activation)
    {
        var m = new OracleModelBuilder(opset);
        var convInputs = new List<string> { m.Input("x", 1, 6, 7, 7), m.Weights("w", 6, (int)(6 / group), 3, 3) };
        if (bias)
        {
            convInputs.Add(m.Constant("b", 0.1, 6));
        }

        string y = m.Node("Conv", convInputs, ("group", group), ("pads", new long[] { 1, 1, 1, 1 }));
        y = m.Node("BatchNormalization", [y, .. BatchNormalizationParameters(m, 6)]);
        if (activation is not null)
        {
            y = m.Node(activation, [y]);
        }

        return m.Finish(Tolerance.Accumulating, y);
    }

    private static OracleModel Softmax(long opset, int[] shape, long? axis, double deviation = 3)
    {
        var m = new OracleModelBuilder(opset);
        string x = m.Input("x", m.Values.Normal(OracleModelBuilder.Count(shape), deviation), shape);
        return m.Finish(Tolerance.Exponential, axis is null ? m.Node("Softmax", [x]) : m.Node("Softmax", [x], ("axis", axis.Value)));
    }
}
