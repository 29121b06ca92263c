namespace FlightSw.Inference.Tests.Oracle;

/// <summary>
/// Add, Sub, Mul and Div against ONNX Runtime with numpy broadcasting: equal shapes, a
/// per-channel constant, a scalar on either side, [1, K] against [K], and shapes that both
/// broadcast. Divisors are kept away from zero (magnitudes in [0.5, 2]).
/// </summary>
public class BinaryOracleTests
{
    private static readonly string[] Operators = ["Add", "Sub", "Mul", "Div"];

    public static IEnumerable<TestCaseData> Cases()
    {
        foreach (string op in Operators)
        {
            yield return OracleCase.Named($"{op}EqualShapesBothRuntime", () => Binary(op, Runtime([2, 3, 4, 5]), Runtime([2, 3, 4, 5])));
            yield return OracleCase.Named($"{op}EqualShapesConstant", () => Binary(op, Runtime([1, 6, 4, 4]), Constant([1, 6, 4, 4])));
            yield return OracleCase.Named($"{op}PerChannelConstant", () => Binary(op, Runtime([1, 6, 4, 4]), Constant([1, 6, 1, 1])));
            yield return OracleCase.Named($"{op}PerChannelConstantRank3", () => Binary(op, Runtime([2, 6, 3, 5]), Constant([6, 1, 1])));
            yield return OracleCase.Named($"{op}PerChannelRuntime", () => Binary(op, Runtime([1, 6, 4, 4]), Runtime([1, 6, 1, 1])));
            yield return OracleCase.Named($"{op}ScalarConstant", () => Binary(op, Runtime([2, 3, 4]), Constant([])));
            yield return OracleCase.Named($"{op}ScalarConstantOnLeft", () => Binary(op, Constant([]), Runtime([2, 3, 4])));
            yield return OracleCase.Named($"{op}OneElementConstant", () => Binary(op, Runtime([2, 3, 4]), Constant([1])));
            yield return OracleCase.Named($"{op}Row1KAgainstConstantK", () => Binary(op, Runtime([1, 10]), Constant([10])));
            yield return OracleCase.Named($"{op}ConstantRow1KAgainstK", () => Binary(op, Constant([1, 10]), Runtime([10])));
            yield return OracleCase.Named($"{op}BatchRowsAgainstConstantK", () => Binary(op, Runtime([4, 10]), Constant([10])));
            yield return OracleCase.Named($"{op}BothSidesBroadcast", () => Binary(op, Runtime([2, 3, 1]), Runtime([1, 4])));
            yield return OracleCase.Named($"{op}InnerAxisBroadcast", () => Binary(op, Runtime([2, 3, 4, 5]), Constant([1, 1, 4, 1])));
        }
    }

    [TestCaseSource(nameof(Cases))]
    public void Run_Binary_MatchesOnnxRuntime(OracleCase oracleCase) => Differential.AssertAgrees(oracleCase.Build());

    private static Operand Runtime(int[] shape) => new(IsConstant: false, shape);

    private static Operand Constant(int[] shape) => new(IsConstant: true, shape);

    /// <summary>One node: <paramref name="left"/> op <paramref name="right"/>; a divisor (the right operand of Div) is kept away from zero.</summary>
    private static OracleModel Binary(string op, Operand left, Operand right)
    {
        var m = new OracleModelBuilder();
        string a = Value(m, "a", left, awayFromZero: false);
        string b = Value(m, "b", right, awayFromZero: op == "Div");
        return m.Finish(Tolerance.FewRoundings, m.Node(op, [a, b]));
    }

    private static string Value(OracleModelBuilder m, string name, Operand operand, bool awayFromZero)
    {
        int count = OracleModelBuilder.Count(operand.Shape);
        var values = awayFromZero ? m.Values.AwayFromZero(count) : m.Values.Normal(count, 2);
        return operand.IsConstant ? m.Constant(name, values, operand.Shape) : m.Input(name, values, operand.Shape);
    }

    private sealed record Operand(bool IsConstant, int[] Shape);
}
