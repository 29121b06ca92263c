namespace FlightSw.Inference.Tests.Oracle;

/// <summary>MatMul and Gemm against ONNX Runtime, with the weights as initializers (as exported models have them).</summary>
public class MatMulOracleTests
{
    public static IEnumerable<TestCaseData> MatMulCases()
    {
        yield return OracleCase.Named("MatMul2D", () => MatMul([3, 5], [5, 4]));
        yield return OracleCase.Named("MatMul2DOneRow", () => MatMul([1, 64], [64, 32]));
        yield return OracleCase.Named("MatMul2DDeepSum", () => MatMul([4, 256], [256, 16]));
        yield return OracleCase.Named("MatMulOneRow24Outputs", () => MatMul([1, 40], [40, 24]));
        yield return OracleCase.Named("MatMul1DBy2D", () => MatMul([5], [5, 4]));
        yield return OracleCase.Named("MatMul1DBy2DWide", () => MatMul([48], [48, 33]));
        yield return OracleCase.Named("MatMulThenAddBias", () =>
        {
            var m = new OracleModelBuilder();
            string product = m.Node("MatMul", [m.Input("x", 3, 16), m.Constant("w", Math.Sqrt(2.0 / 16), 16, 8)]);
            return m.Finish(Tolerance.Accumulating, m.Node("Add", [product, m.Constant("b", 0.1, 8)]));
        });
        yield return OracleCase.Named("MatMulThenAddBiasThenRelu", () =>
        {
            var m = new OracleModelBuilder();
            string product = m.Node("MatMul", [m.Input("x", 2, 16), m.Constant("w", Math.Sqrt(2.0 / 16), 16, 8)]);
            return m.Finish(Tolerance.Accumulating, m.Node("Relu", [m.Node("Add", [m.Constant("b", 0.1, 8), product])]));
        });
    }

    public static IEnumerable<TestCaseData> GemmCases()
    {
        yield return OracleCase.Named("GemmTransBBiasVector", () => Gemm([3, 5], [4, 5], [4], ("transB", 1L)));
        yield return OracleCase.Named("GemmNoTransposeBiasRow", () => Gemm([3, 5], [5, 4], [1, 4]));
        yield return OracleCase.Named("GemmTransA", () => Gemm([5, 3], [5, 4], [4], ("transA", 1L)));
        yield return OracleCase.Named("GemmTransATransB", () => Gemm([5, 3], [4, 5], [4], ("transA", 1L), ("transB", 1L)));
        yield return OracleCase.Named("GemmAlphaBeta", () => Gemm([3, 5], [4, 5], [4], ("transB", 1L), ("alpha", 0.5f), ("beta", 2f)));
        yield return OracleCase.Named("GemmAlphaNoC", () => Gemm([3, 5], [5, 4], null, ("alpha", 1.5f)));
        yield return OracleCase.Named("GemmNoC", () => Gemm([3, 5], [4, 5], null, ("transB", 1L)));
        yield return OracleCase.Named("GemmScalarC", () => Gemm([3, 5], [4, 5], [], ("transB", 1L)));
        yield return OracleCase.Named("GemmOneElementC", () => Gemm([3, 5], [4, 5], [1], ("transB", 1L), ("beta", 0.5f)));
        yield return OracleCase.Named("GemmFullC", () => Gemm([3, 5], [4, 5], [3, 4], ("transB", 1L)));
        yield return OracleCase.Named("GemmColumnC", () => Gemm([3, 5], [5, 4], [3, 1]));
        yield return OracleCase.Named("GemmClassifierHead", () => Gemm([1, 128], [10, 128], [10], ("transB", 1L)));

        // One row of A is the matrix-vector case; its output rows come in panels of 8, run four at a time, then the rest.
        foreach (int outputs in new[] { 8, 9, 16, 24, 31, 32, 40, 48, 56, 65 })
        {
            yield return OracleCase.Named($"GemmOneRow{outputs}Outputs", () => Gemm([1, 24], [outputs, 24], [outputs], ("transB", 1L)));
        }
        yield return OracleCase.Named("GemmBatch4DeepSum", () => Gemm([4, 300], [300, 12], [12]));
    }

    [TestCaseSource(nameof(MatMulCases))]
    public void Run_MatMul_MatchesOnnxRuntime(OracleCase oracleCase) => Differential.AssertAgrees(oracleCase.Build());

    [TestCaseSource(nameof(GemmCases))]
    public void Run_Gemm_MatchesOnnxRuntime(OracleCase oracleCase) => Differential.AssertAgrees(oracleCase.Build());

    private static OracleModel MatMul(int[] a, int[] b)
    {
        var m = new OracleModelBuilder();
        return m.Finish(Tolerance.Accumulating, m.Node("MatMul", [m.Input("a", a), m.Constant("b", Math.Sqrt(2.0 / b[0]), b)]));
    }

    /// <summary>Gemm of a runtime A, a constant B (He-scaled by the inner dimension K) and a constant C (omitted when null).</summary>
    private static OracleModel Gemm(int[] a, int[] b, int[]? c, params (string Name, object Value)[] attributes)
    {
        var m = new OracleModelBuilder();
        bool transB = attributes.Any(attribute => attribute is ("transB", 1L));
        int k = transB ? b[1] : b[0];
        var inputs = new List<string> { m.Input("a", a), m.Constant("b", Math.Sqrt(2.0 / k), b) };
        if (c is not null)
        {
            inputs.Add(m.Constant("c", 0.5, c));
        }

        return m.Finish(Tolerance.Accumulating, m.Node("Gemm", inputs, attributes));
    }
}
