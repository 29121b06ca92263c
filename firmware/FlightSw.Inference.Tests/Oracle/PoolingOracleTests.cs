namespace FlightSw.Inference.Tests.Oracle;

/// <summary>MaxPool, AveragePool and GlobalAveragePool against ONNX Runtime: pads, strides, dilations, ceil_mode, count_include_pad, auto_pad, 1-D.</summary>
public class PoolingOracleTests
{
    public static IEnumerable<TestCaseData> MaxPoolCases()
    {
        yield return OracleCase.Named("MaxPool2x2Stride2", () => Pool("MaxPool", [1, 3, 8, 8], Kernel(2, 2), Strides(2, 2)));
        yield return OracleCase.Named("MaxPool3x3Stride2Pads1", () => Pool("MaxPool", [1, 3, 9, 9], Kernel(3, 3), Strides(2, 2), Pads(1, 1, 1, 1)));
        yield return OracleCase.Named("MaxPool3x3Stride1Pads1Batch2", () => Pool("MaxPool", [2, 3, 6, 6], Kernel(3, 3), Pads(1, 1, 1, 1)));
        yield return OracleCase.Named("MaxPoolPadsOnNegativeInputsIgnorePadding", () => Pool("MaxPool", [1, 2, 6, 6], low: -5, high: -1, attributes: [Kernel(3, 3), Strides(2, 2), Pads(1, 1, 1, 1)]));
        yield return OracleCase.Named("MaxPoolAsymmetricPads", () => Pool("MaxPool", [1, 2, 7, 8], Kernel(3, 3), Strides(2, 2), Pads(0, 1, 2, 1)));
        yield return OracleCase.Named("MaxPoolDilations2", () => Pool("MaxPool", [1, 2, 9, 9], Kernel(2, 2), Dilations(2, 2)));
        yield return OracleCase.Named("MaxPoolDilations2Stride2Pads1", () => Pool("MaxPool", [1, 2, 10, 10], Kernel(3, 3), Dilations(2, 2), Strides(2, 2), Pads(1, 1, 1, 1)));
        yield return OracleCase.Named("MaxPoolCeilMode", () => Pool("MaxPool", [1, 2, 8, 8], Kernel(3, 3), Strides(2, 2), CeilMode));
        yield return OracleCase.Named("MaxPoolCeilModePads1", () => Pool("MaxPool", [1, 2, 10, 10], Kernel(3, 3), Strides(2, 2), Pads(1, 1, 1, 1), CeilMode));
        yield return OracleCase.Named("MaxPoolCeilModeNoEffect", () => Pool("MaxPool", [1, 2, 9, 9], Kernel(3, 3), Strides(2, 2), CeilMode));
        yield return OracleCase.Named("MaxPoolRectangularKernelStrides2And1", () => Pool("MaxPool", [1, 2, 8, 9], Kernel(2, 3), Strides(2, 1)));
        yield return OracleCase.Named("MaxPoolAutoPadSameUpperStride2", () => Pool("MaxPool", [1, 2, 9, 9], Kernel(3, 3), Strides(2, 2), ("auto_pad", "SAME_UPPER")));
        yield return OracleCase.Named("MaxPoolAutoPadSameLowerEvenKernel", () => Pool("MaxPool", [1, 2, 7, 7], Kernel(2, 2), ("auto_pad", "SAME_LOWER")));
        yield return OracleCase.Named("MaxPool1D", () => Pool("MaxPool", [1, 3, 15], Kernel(3), Strides(2)));
        yield return OracleCase.Named("MaxPool1DPadsCeilMode", () => Pool("MaxPool", [1, 3, 16], Kernel(3), Strides(2), Pads(1, 1), CeilMode));
    }

    public static IEnumerable<TestCaseData> AveragePoolCases()
    {
        yield return OracleCase.Named("AveragePool2x2Stride2", () => Pool("AveragePool", [1, 3, 8, 8], Kernel(2, 2), Strides(2, 2)));
        yield return OracleCase.Named("AveragePool3x3Pads1CountIncludePad0", () => Pool("AveragePool", [1, 3, 7, 7], Kernel(3, 3), Pads(1, 1, 1, 1), ("count_include_pad", 0L)));
        yield return OracleCase.Named("AveragePool3x3Pads1CountIncludePad1", () => Pool("AveragePool", [1, 3, 7, 7], Kernel(3, 3), Pads(1, 1, 1, 1), ("count_include_pad", 1L)));
        yield return OracleCase.Named("AveragePoolStride2Pads1CountIncludePad1Batch2", () => Pool("AveragePool", [2, 2, 9, 9], Kernel(3, 3), Strides(2, 2), Pads(1, 1, 1, 1), ("count_include_pad", 1L)));
        yield return OracleCase.Named("AveragePoolAsymmetricPadsCountIncludePad0", () => Pool("AveragePool", [1, 2, 7, 8], Kernel(3, 3), Strides(2, 2), Pads(0, 1, 2, 1)));
        yield return OracleCase.Named("AveragePoolAsymmetricPadsCountIncludePad1", () => Pool("AveragePool", [1, 2, 7, 8], Kernel(3, 3), Strides(2, 2), Pads(0, 1, 2, 1), ("count_include_pad", 1L)));
        yield return OracleCase.Named("AveragePoolCeilMode", () => Pool("AveragePool", [1, 2, 8, 8], Kernel(3, 3), Strides(2, 2), CeilMode));
        yield return OracleCase.Named("AveragePoolCeilModePads1CountIncludePad0", () => Pool("AveragePool", [1, 2, 10, 10], Kernel(3, 3), Strides(2, 2), Pads(1, 1, 1, 1), CeilMode));
        yield return OracleCase.Named("AveragePoolCeilModePads1CountIncludePad1", () => Pool("AveragePool", [1, 2, 10, 10], Kernel(3, 3), Strides(2, 2), Pads(1, 1, 1, 1), CeilMode, ("count_include_pad", 1L)));
        yield return OracleCase.Named("AveragePoolRectangularKernel", () => Pool("AveragePool", [1, 2, 8, 9], Kernel(2, 3), Strides(2, 3)));
        yield return OracleCase.Named("AveragePoolAutoPadSameUpper", () => Pool("AveragePool", [1, 2, 9, 9], Kernel(3, 3), Strides(2, 2), ("auto_pad", "SAME_UPPER")));
        yield return OracleCase.Named("AveragePool1D", () => Pool("AveragePool", [1, 3, 15], Kernel(3), Strides(2)));
        yield return OracleCase.Named("AveragePool1DPads1CountIncludePad1", () => Pool("AveragePool", [1, 3, 15], Kernel(3), Strides(2), Pads(1, 1), ("count_include_pad", 1L)));
    }

    public static IEnumerable<TestCaseData> GlobalAveragePoolCases()
    {
        yield return OracleCase.Named("GlobalAveragePool", () => Pool("GlobalAveragePool", [1, 8, 5, 7]));
        yield return OracleCase.Named("GlobalAveragePoolBatch2", () => Pool("GlobalAveragePool", [2, 4, 3, 3]));
        yield return OracleCase.Named("GlobalAveragePoolLargePlane", () => Pool("GlobalAveragePool", [1, 3, 28, 28]));
        yield return OracleCase.Named("GlobalAveragePoolOnePixel", () => Pool("GlobalAveragePool", [1, 6, 1, 1]));
        yield return OracleCase.Named("GlobalAveragePool1D", () => Pool("GlobalAveragePool", [1, 4, 10]));
    }

    [TestCaseSource(nameof(MaxPoolCases))]
    public void Run_MaxPool_MatchesOnnxRuntime(OracleCase oracleCase) => Differential.AssertAgrees(oracleCase.Build());

    [TestCaseSource(nameof(AveragePoolCases))]
    public void Run_AveragePool_MatchesOnnxRuntime(OracleCase oracleCase) => Differential.AssertAgrees(oracleCase.Build());

    [TestCaseSource(nameof(GlobalAveragePoolCases))]
    public void Run_GlobalAveragePool_MatchesOnnxRuntime(OracleCase oracleCase) => Differential.AssertAgrees(oracleCase.Build());

    private static (string, object) CeilMode => ("ceil_mode", 1L);

    private static (string, object) Kernel(params long[] kernel) => ("kernel_shape", kernel);

    private static (string, object) Strides(params long[] strides) => ("strides", strides);

    private static (string, object) Pads(params long[] pads) => ("pads", pads);

    private static (string, object) Dilations(params long[] dilations) => ("dilations", dilations);

    private static OracleModel Pool(string opType, int[] shape, params (string Name, object Value)[] attributes) =>
        Pool(opType, shape, low: -4, high: 4, attributes);

    /// <summary>One pooling node on inputs uniform in [<paramref name="low"/>, <paramref name="high"/>); MaxPool only selects, so it must match exactly.</summary>
    private static OracleModel Pool(string opType, int[] shape, double low, double high, (string Name, object Value)[] attributes)
    {
        var m = new OracleModelBuilder();
        string x = m.Input("x", m.Values.Uniform(OracleModelBuilder.Count(shape), low, high), shape);
        var tolerance = opType == "MaxPool" ? Tolerance.Exact : Tolerance.Accumulating;
        return m.Finish(tolerance, m.Node(opType, [x], attributes));
    }
}
