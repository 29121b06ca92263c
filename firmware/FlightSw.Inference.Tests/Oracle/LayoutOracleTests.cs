using FlightSw.Inference.Models;

namespace FlightSw.Inference.Tests.Oracle;

/// <summary>
/// Data movement against ONNX Runtime (Flatten, Reshape, Concat, Transpose, Slice, Gather,
/// Unsqueeze, Squeeze: the same bits), and shape plumbing (Shape, Gather, Unsqueeze, Concat,
/// Constant) that the loader folds away at load.
/// </summary>
public class LayoutOracleTests
{
    private static readonly string[] ShapePlumbing = ["Shape", "Gather", "Unsqueeze", "Concat", "Constant", "Slice"];

    public static IEnumerable<TestCaseData> ReshapeCases()
    {
        yield return OracleCase.Named("FlattenAxis0", () => Unary("Flatten", [2, 3, 4, 5], ("axis", 0L)));
        yield return OracleCase.Named("FlattenDefaultAxis1", () => Unary("Flatten", [2, 3, 4, 5]));
        yield return OracleCase.Named("FlattenAxis2", () => Unary("Flatten", [2, 3, 4, 5], ("axis", 2L)));
        yield return OracleCase.Named("FlattenNegativeAxis", () => Unary("Flatten", [2, 3, 4, 5], ("axis", -1L)));
        yield return OracleCase.Named("ReshapeZeroAndMinusOne", () => Reshape([2, 3, 4], [0, -1]));
        yield return OracleCase.Named("ReshapeMinusOneFirst", () => Reshape([2, 3, 4], [-1, 4]));
        yield return OracleCase.Named("ReshapeToHigherRank", () => Reshape([2, 12], [2, 3, 2, 2]));
        yield return OracleCase.Named("ReshapeKeepTwoDimsZero", () => Reshape([2, 3, 4, 5], [0, 0, -1]));
    }

    public static IEnumerable<TestCaseData> ConcatTransposeCases()
    {
        yield return OracleCase.Named("ConcatAxis1", () => Concat(1, Runtime([1, 2, 3, 3]), Runtime([1, 4, 3, 3])));
        yield return OracleCase.Named("ConcatLastAxis", () => Concat(2, Runtime([2, 3, 4]), Runtime([2, 3, 5])));
        yield return OracleCase.Named("ConcatNegativeAxis", () => Concat(-1, Runtime([2, 3, 4]), Runtime([2, 3, 5])));
        yield return OracleCase.Named("ConcatAxis0", () => Concat(0, Runtime([2, 3]), Runtime([1, 3])));
        yield return OracleCase.Named("ConcatThreeInputsWithConstant", () => Concat(2, Runtime([1, 2, 3]), Constant([1, 2, 2]), Runtime([1, 2, 1])));
        yield return OracleCase.Named("TransposeNchwToNhwc", () => Unary("Transpose", [1, 3, 4, 5], ("perm", new long[] { 0, 2, 3, 1 })));
        yield return OracleCase.Named("TransposeDefaultReversesAxes", () => Unary("Transpose", [2, 3, 4]));
        yield return OracleCase.Named("Transpose2D", () => Unary("Transpose", [3, 7], ("perm", new long[] { 1, 0 })));
        yield return OracleCase.Named("Transpose3DRotate", () => Unary("Transpose", [2, 3, 4], ("perm", new long[] { 2, 0, 1 })));
        yield return OracleCase.Named("Transpose5D", () => Unary("Transpose", [2, 3, 2, 3, 2], ("perm", new long[] { 0, 2, 1, 4, 3 })));
    }

    public static IEnumerable<TestCaseData> SliceGatherCases()
    {
        yield return OracleCase.Named("SliceTwoAxes", () => Slice([1, 6, 8, 8], starts: [1, 2], ends: [5, 7], axes: [2, 3]));
        yield return OracleCase.Named("SliceSteps2And3", () => Slice([1, 6, 8, 8], starts: [0, 1], ends: [6, 8], axes: [1, 3], steps: [2, 3]));
        yield return OracleCase.Named("SliceNegativeStepReverses", () => Slice([1, 3, 5, 4], starts: [-1], ends: [long.MinValue], axes: [2], steps: [-1]));
        yield return OracleCase.Named("SliceNegativeStep2", () => Slice([1, 3, 4, 8], starts: [7], ends: [0], axes: [3], steps: [-2]));
        yield return OracleCase.Named("SliceNegativeStartsAndEnds", () => Slice([2, 6, 3], starts: [-4], ends: [-1], axes: [1]));
        yield return OracleCase.Named("SliceEndsBeyondDimension", () => Slice([2, 6, 5], starts: [2], ends: [long.MaxValue], axes: [2]));
        yield return OracleCase.Named("SliceWithoutAxes", () => Slice([2, 6, 7, 8], starts: [0, 1, 2, 3], ends: [1, 5, 6, 7], axes: null));
        yield return OracleCase.Named("SliceNegativeAxis", () => Slice([2, 3, 6], starts: [1], ends: [4], axes: [-1]));
        yield return OracleCase.Named("GatherAxis0Indices1D", () => Gather([5, 4], axis: 0, indices: [3, 0, 4], indicesShape: [3]));
        yield return OracleCase.Named("GatherAxis1Indices2D", () => Gather([3, 5], axis: 1, indices: [0, 2, 4, 1], indicesShape: [2, 2]));
        yield return OracleCase.Named("GatherScalarIndexReducesRank", () => Gather([5, 4], axis: 0, indices: [2], indicesShape: []));
        yield return OracleCase.Named("GatherNegativeIndices", () => Gather([5, 4], axis: 0, indices: [-1, -5, 1], indicesShape: [3]));
        yield return OracleCase.Named("GatherChannelsAxis1", () => Gather([1, 6, 3, 3], axis: 1, indices: [5, 0, 2], indicesShape: [3]));
        yield return OracleCase.Named("GatherNegativeAxis", () => Gather([2, 3, 4], axis: -1, indices: [3, 1], indicesShape: [2]));
    }

    public static IEnumerable<TestCaseData> SqueezeCases()
    {
        yield return OracleCase.Named("Unsqueeze13Axis0", () => AxesInput("Unsqueeze", [3, 4], [0]));
        yield return OracleCase.Named("Unsqueeze13TwoAxes", () => AxesInput("Unsqueeze", [3, 4], [1, 3]));
        yield return OracleCase.Named("Unsqueeze13NegativeAxis", () => AxesInput("Unsqueeze", [3, 4], [-1]));
        yield return OracleCase.Named("Unsqueeze11AxesAttribute", () => AxesAttribute("Unsqueeze", [3, 4], [0, 3]));
        yield return OracleCase.Named("Squeeze13Axis1", () => AxesInput("Squeeze", [2, 1, 3, 1], [1]));
        yield return OracleCase.Named("Squeeze13NegativeAxis", () => AxesInput("Squeeze", [2, 1, 3, 1], [-1]));
        yield return OracleCase.Named("Squeeze13WithoutAxesRemovesAllOnes", () => AxesInput("Squeeze", [1, 3, 1, 4], null));
        yield return OracleCase.Named("Squeeze11AxesAttribute", () => AxesAttribute("Squeeze", [2, 1, 3, 1], [1, 3]));
    }

    public static IEnumerable<TestCaseData> ShapePlumbingCases()
    {
        yield return OracleCase.Named("ShapeGatherUnsqueezeConcatReshapeFolded", () =>
        {
            var m = new OracleModelBuilder();
            string x = m.Input("x", 2, 3, 4, 4);
            return m.Finish(Tolerance.Exact, PyTorchFlatten(m, x));
        });
        yield return OracleCase.Named("ShapeOfConvOutputFolded", () =>
        {
            var m = new OracleModelBuilder();
            string conv = m.Node("Conv", [m.Input("x", 1, 3, 6, 6), m.Weights("w", 4, 3, 3, 3)], ("strides", new long[] { 2, 2 }));
            return m.Finish(Tolerance.Accumulating, PyTorchFlatten(m, conv));
        });
        yield return OracleCase.Named("ShapeSliceConcatReshapeFolded", () =>
        {
            var m = new OracleModelBuilder();
            string x = m.Input("x", 2, 3, 4, 5);
            string shape = m.Node("Shape", [x]);
            string leading = m.Node("Slice", [shape, m.Int64s("starts", [0], 1), m.Int64s("ends", [2], 1)]);
            string target = m.Node("Concat", [leading, m.Int64s("rest", [-1], 1)], ("axis", 0L));
            return m.Finish(Tolerance.Exact, m.Node("Reshape", [x, target]));
        });
        yield return OracleCase.Named("ConstantNodeAsReshapeTargetFolded", () =>
        {
            var m = new OracleModelBuilder();
            string target = m.Node("Constant", [], ("value", ConstantTensor.OfIntegers("target", new TensorShape(2), [0, -1])));
            return m.Finish(Tolerance.Exact, m.Node("Reshape", [m.Input("x", 2, 3, 4), target]));
        });
    }

    [TestCaseSource(nameof(ReshapeCases))]
    public void Run_FlattenReshape_MatchesOnnxRuntime(OracleCase oracleCase) => Differential.AssertAgrees(oracleCase.Build());

    [TestCaseSource(nameof(ConcatTransposeCases))]
    public void Run_ConcatTranspose_MatchesOnnxRuntime(OracleCase oracleCase) => Differential.AssertAgrees(oracleCase.Build());

    [TestCaseSource(nameof(SliceGatherCases))]
    public void Run_SliceGather_MatchesOnnxRuntime(OracleCase oracleCase) => Differential.AssertAgrees(oracleCase.Build());

    [TestCaseSource(nameof(SqueezeCases))]
    public void Run_SqueezeUnsqueeze_MatchesOnnxRuntime(OracleCase oracleCase) => Differential.AssertAgrees(oracleCase.Build());

    [TestCaseSource(nameof(ShapePlumbingCases))]
    public void Run_ShapePlumbing_MatchesOnnxRuntime(OracleCase oracleCase) => Differential.AssertAgrees(oracleCase.Build());

    [Test]
    public void Load_PyTorchFlatten_NoShapePlumbingLeftAtRunTime()
    {
        var m = new OracleModelBuilder();
        var model = m.Finish(Tolerance.Exact, PyTorchFlatten(m, m.Input("x", 2, 3, 4, 4)));

        var loaded = InferenceModel.Load(model.Onnx);

        Assert.That(loaded.Graph.Nodes.Select(node => node.OpType).Intersect(ShapePlumbing), Is.Empty);
        Assert.That(loaded.Graph.Shapes[loaded.Graph.Outputs[0].Name].ToArray(), Is.EqualTo(new[] { 2, 48 }));
    }

    /// <summary>As PyTorch exports <c>x.view(x.size(0), -1)</c>.</summary>
    private static string PyTorchFlatten(OracleModelBuilder m, string x)
    {
        string shape = m.Node("Shape", [x]);
        string batch = m.Node("Gather", [shape, m.Int64s("batch_index", [0])], ("axis", 0L));
        string batch1 = m.Node("Unsqueeze", [batch, m.Int64s("unsqueeze_axes", [0], 1)]);
        string target = m.Node("Concat", [batch1, m.Int64s("rest", [-1], 1)], ("axis", 0L));
        return m.Node("Reshape", [x, target]);
    }

    private static (bool IsConstant, int[] Shape) Runtime(int[] shape) => (false, shape);

    private static (bool IsConstant, int[] Shape) Constant(int[] shape) => (true, shape);

    private static OracleModel Unary(string opType, int[] shape, params (string Name, object Value)[] attributes)
    {
        var m = new OracleModelBuilder();
        return m.Finish(Tolerance.Exact, m.Node(opType, [m.Input("x", shape)], attributes));
    }

    private static OracleModel Reshape(int[] shape, long[] target)
    {
        var m = new OracleModelBuilder();
        return m.Finish(Tolerance.Exact, m.Node("Reshape", [m.Input("x", shape), m.Int64s("target", target, target.Length)]));
    }

    private static OracleModel Concat(long axis, params (bool IsConstant, int[] Shape)[] operands)
    {
        var m = new OracleModelBuilder();
        var inputs = operands
            .Select((operand, index) => operand.IsConstant ? m.Constant($"c{index}", 1, operand.Shape) : m.Input($"x{index}", operand.Shape))
            .ToList();
        return m.Finish(Tolerance.Exact, m.Node("Concat", inputs, ("axis", axis)));
    }

    private static OracleModel Slice(int[] shape, long[] starts, long[] ends, long[]? axes, long[]? steps = null)
    {
        var m = new OracleModelBuilder();
        var inputs = new List<string> { m.Input("x", shape), m.Int64s("starts", starts, starts.Length), m.Int64s("ends", ends, ends.Length) };
        if (axes is not null || steps is not null)
        {
            inputs.Add(axes is null ? string.Empty : m.Int64s("axes", axes, axes.Length));
        }

        if (steps is not null)
        {
            inputs.Add(m.Int64s("steps", steps, steps.Length));
        }

        return m.Finish(Tolerance.Exact, m.Node("Slice", inputs));
    }

    private static OracleModel Gather(int[] shape, long axis, long[] indices, int[] indicesShape)
    {
        var m = new OracleModelBuilder();
        return m.Finish(Tolerance.Exact, m.Node("Gather", [m.Input("x", shape), m.Int64s("indices", indices, indicesShape)], ("axis", axis)));
    }

    /// <summary>Squeeze or Unsqueeze in opset 13, axes given as an input (omitted when null).</summary>
    private static OracleModel AxesInput(string opType, int[] shape, long[]? axes)
    {
        var m = new OracleModelBuilder(13);
        var inputs = new List<string> { m.Input("x", shape) };
        if (axes is not null)
        {
            inputs.Add(m.Int64s("axes", axes, axes.Length));
        }

        return m.Finish(Tolerance.Exact, m.Node(opType, inputs));
    }

    /// <summary>Squeeze or Unsqueeze in opset 11, axes given as an attribute.</summary>
    private static OracleModel AxesAttribute(string opType, int[] shape, long[] axes)
    {
        var m = new OracleModelBuilder(11);
        return m.Finish(Tolerance.Exact, m.Node(opType, [m.Input("x", shape)], ("axes", axes)));
    }
}
