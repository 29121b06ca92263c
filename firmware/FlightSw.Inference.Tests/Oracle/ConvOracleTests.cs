namespace FlightSw.Inference.Tests.Oracle;

/// <summary>Conv against ONNX Runtime: groups, depthwise, strides, pads, dilations, auto_pad, 1-D, bias, and the activations an engine fuses into it.</summary>
public class ConvOracleTests
{
    public static IEnumerable<TestCaseData> Cases()
    {
        yield return OracleCase.Named("ConvGroup1Pads1WithBias", () => Conv([1, 3, 9, 9], [8, 3, 3, 3], bias: true, ("pads", Pads(1))));
        yield return OracleCase.Named("ConvGroup1NoPadsNoBias", () => Conv([1, 4, 7, 7], [6, 4, 3, 3], bias: false));
        yield return OracleCase.Named("ConvKernelShapeGiven", () => Conv([1, 3, 8, 8], [4, 3, 3, 3], bias: true, ("kernel_shape", new long[] { 3, 3 }), ("pads", Pads(1))));
        yield return OracleCase.Named("ConvPointwiseWithBias", () => Conv([1, 16, 6, 6], [24, 16, 1, 1], bias: true));
        yield return OracleCase.Named("ConvPointwiseNoBias", () => Conv([1, 12, 5, 7], [8, 12, 1, 1], bias: false));
        yield return OracleCase.Named("ConvDeepSum288Terms", () => Conv([1, 32, 8, 8], [16, 32, 3, 3], bias: true, ("pads", Pads(1))));
        yield return OracleCase.Named("ConvOutputOnePixel", () => Conv([1, 3, 3, 3], [4, 3, 3, 3], bias: true));
        yield return OracleCase.Named("ConvPointwiseOnePixel24Channels", () => Conv([1, 96, 1, 1], [24, 96, 1, 1], bias: true));
        yield return OracleCase.Named("ConvPointwiseOnePixel56Channels", () => Conv([1, 24, 1, 1], [56, 24, 1, 1], bias: true));
        yield return OracleCase.Named("ConvBatch2", () => Conv([2, 3, 6, 6], [5, 3, 3, 3], bias: true, ("pads", Pads(1))));
        yield return OracleCase.Named("ConvGroups2", () => Conv([1, 8, 8, 8], [6, 4, 3, 3], bias: true, ("group", 2L), ("pads", Pads(1))));
        yield return OracleCase.Named("ConvGroups4Stride2", () => Conv([1, 8, 9, 9], [8, 2, 3, 3], bias: false, ("group", 4L), ("strides", new long[] { 2, 2 }), ("pads", Pads(1))));
        yield return OracleCase.Named("ConvDepthwise", () => Conv([1, 8, 10, 10], [8, 1, 3, 3], bias: true, ("group", 8L), ("pads", Pads(1))));
        yield return OracleCase.Named("ConvDepthwiseStride2", () => Conv([1, 8, 10, 10], [8, 1, 3, 3], bias: true, ("group", 8L), ("strides", new long[] { 2, 2 }), ("pads", Pads(1))));
        yield return OracleCase.Named("ConvDepthwiseStride2OddSize", () => Conv([1, 8, 11, 11], [8, 1, 3, 3], bias: true, ("group", 8L), ("strides", new long[] { 2, 2 }), ("pads", Pads(1))));
        yield return OracleCase.Named("ConvDepthwise5x5Stride2Pads2", () => Conv([1, 6, 13, 13], [6, 1, 5, 5], bias: true, ("group", 6L), ("strides", new long[] { 2, 2 }), ("pads", Pads(2))));
        yield return OracleCase.Named("ConvDepthwiseNoBiasAsymmetricPads", () => Conv([1, 4, 7, 8], [4, 1, 3, 3], bias: false, ("group", 4L), ("pads", new long[] { 0, 1, 2, 1 })));
        yield return OracleCase.Named("ConvDepthwiseDilations2", () => Conv([1, 4, 10, 10], [4, 1, 3, 3], bias: true, ("group", 4L), ("dilations", new long[] { 2, 2 }), ("pads", Pads(2))));
        yield return OracleCase.Named("ConvDepthwiseBatch2", () => Conv([2, 4, 6, 6], [4, 1, 3, 3], bias: true, ("group", 4L), ("pads", Pads(1))));
        yield return OracleCase.Named("ConvDepthwiseChannelMultiplier2", () => Conv([1, 4, 6, 6], [8, 1, 3, 3], bias: true, ("group", 4L), ("pads", Pads(1))));
        yield return OracleCase.Named("ConvStride2", () => Conv([1, 3, 11, 11], [8, 3, 3, 3], bias: true, ("strides", new long[] { 2, 2 }), ("pads", Pads(1))));
        yield return OracleCase.Named("ConvStrides2And1", () => Conv([1, 3, 9, 8], [4, 3, 3, 3], bias: true, ("strides", new long[] { 2, 1 }), ("pads", Pads(1))));
        yield return OracleCase.Named("ConvAsymmetricPads", () => Conv([1, 3, 8, 9], [5, 3, 3, 3], bias: true, ("pads", new long[] { 1, 0, 2, 1 })));
        yield return OracleCase.Named("ConvDilations2", () => Conv([1, 4, 12, 12], [5, 4, 3, 3], bias: true, ("dilations", new long[] { 2, 2 }), ("pads", Pads(2))));
        yield return OracleCase.Named("ConvDilations2And3Stride2", () => Conv([1, 3, 13, 14], [4, 3, 3, 3], bias: false, ("dilations", new long[] { 2, 3 }), ("strides", new long[] { 2, 2 }), ("pads", Pads(1))));
        yield return OracleCase.Named("ConvRectangularKernel", () => Conv([1, 3, 7, 11], [4, 3, 3, 5], bias: true, ("pads", new long[] { 1, 2, 1, 2 })));
        yield return OracleCase.Named("ConvAutoPadSameUpperStride2", () => Conv([1, 3, 10, 10], [4, 3, 3, 3], bias: true, ("kernel_shape", new long[] { 3, 3 }), ("strides", new long[] { 2, 2 }), ("auto_pad", "SAME_UPPER")));
        yield return OracleCase.Named("ConvAutoPadSameUpperEvenKernel", () => Conv([1, 2, 7, 7], [3, 2, 4, 4], bias: true, ("kernel_shape", new long[] { 4, 4 }), ("auto_pad", "SAME_UPPER")));
        yield return OracleCase.Named("ConvAutoPadSameLowerStride2", () => Conv([1, 3, 10, 10], [4, 3, 3, 3], bias: true, ("kernel_shape", new long[] { 3, 3 }), ("strides", new long[] { 2, 2 }), ("auto_pad", "SAME_LOWER")));
        yield return OracleCase.Named("ConvAutoPadSameUpperDepthwise", () => Conv([1, 4, 9, 9], [4, 1, 3, 3], bias: true, ("kernel_shape", new long[] { 3, 3 }), ("group", 4L), ("strides", new long[] { 2, 2 }), ("auto_pad", "SAME_UPPER")));
        yield return OracleCase.Named("ConvAutoPadValidStride2", () => Conv([1, 3, 8, 8], [4, 3, 3, 3], bias: true, ("kernel_shape", new long[] { 3, 3 }), ("strides", new long[] { 2, 2 }), ("auto_pad", "VALID")));
        yield return OracleCase.Named("Conv1DWithBias", () => Conv([1, 4, 20], [6, 4, 3], bias: true, ("pads", new long[] { 1, 1 })));
        yield return OracleCase.Named("Conv1DStride2Dilations2NoBias", () => Conv([1, 4, 21], [5, 4, 3], bias: false, ("strides", new long[] { 2 }), ("dilations", new long[] { 2 })));
        yield return OracleCase.Named("Conv1DDepthwise", () => Conv([1, 6, 16], [6, 1, 5], bias: true, ("group", 6L), ("pads", new long[] { 2, 2 })));
        yield return OracleCase.Named("Conv1DAutoPadSameUpper", () => Conv([1, 3, 15], [4, 3, 4], bias: true, ("kernel_shape", new long[] { 4 }), ("strides", new long[] { 2 }), ("auto_pad", "SAME_UPPER")));

        yield return OracleCase.Named("ConvThenRelu", () => ConvThen("Relu", opset: 13, group: 1));
        yield return OracleCase.Named("ConvThenClip0To6", () => ConvThen("Clip", opset: 13, group: 1));
        yield return OracleCase.Named("ConvThenHardSwish", () => ConvThen("HardSwish", opset: 14, group: 1));
        yield return OracleCase.Named("ConvThenHardSigmoid", () => ConvThen("HardSigmoid", opset: 13, group: 1));
        yield return OracleCase.Named("ConvThenSigmoid", () => ConvThen("Sigmoid", opset: 13, group: 1));
        yield return OracleCase.Named("ConvDepthwiseThenRelu", () => ConvThen("Relu", opset: 13, group: 6));
        yield return OracleCase.Named("ConvDepthwiseThenClip0To6", () => ConvThen("Clip", opset: 13, group: 6));
        yield return OracleCase.Named("ConvDepthwiseThenHardSwish", () => ConvThen("HardSwish", opset: 14, group: 6));
    }

    [TestCaseSource(nameof(Cases))]
    public void Run_Conv_MatchesOnnxRuntime(OracleCase oracleCase) => Differential.AssertAgrees(oracleCase.Build());

    private static long[] Pads(long pad) => [pad, pad, pad, pad];

    private static OracleModel Conv(int[] input, int[] weights, bool bias, params (string Name, object Value)[] attributes)
    {
        var m = new OracleModelBuilder();
        var inputs = new List<string> { m.Input("x", input), m.Weights("w", weights) };
        if (bias)
        {
            inputs.Add(m.Constant("b", 0.1, weights[0]));
        }

        return m.Finish(Tolerance.Accumulating, m.Node("Conv", inputs, attributes));
    }

    /// <summary>Conv 3x3 (pads 1, bias, 6 -> 6 channels, <paramref name="group"/> groups) followed by <paramref name="activation"/>; inputs wide enough to reach every piece of the activation.</summary>
    private static OracleModel ConvThen(string activation, long opset, long group)
    {
        var m = new OracleModelBuilder(opset);
        string x = m.Input("x", m.Values.Normal(6 * 7 * 7, deviation: 3), 1, 6, 7, 7);
        string conv = m.Node("Conv", [x, m.Weights("w", 6, (int)(6 / group), 3, 3), m.Constant("b", 0.1, 6)], ("group", group), ("pads", Pads(1)));
        string output = activation switch
        {
            "Clip" => m.Node("Clip", [conv, m.Constant("min", [0f]), m.Constant("max", [6f])]),
            "HardSigmoid" => m.Node("HardSigmoid", [conv], ("alpha", 0.25f), ("beta", 0.4f)),
            _ => m.Node(activation, [conv]),
        };
        return m.Finish(Tolerance.Accumulating, output);
    }
}
