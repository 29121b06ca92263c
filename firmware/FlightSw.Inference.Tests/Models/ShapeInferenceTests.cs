using FlightSw.Inference.Models;

namespace FlightSw.Inference.Tests.Models;

/// <summary>Every operator's inferred output shape against ONNX Runtime's, on the same model.</summary>
public class ShapeInferenceTests
{
    private static readonly float[] Channel3 = [0.5f, 1f, 2f];

    public static IEnumerable<TestCaseData> Cases()
    {
        yield return Case("Conv 2-D pads strides dilations", 13, [1, 3, 9, 9], (b, x) => b.Node("Conv", [x, b.Initializer("w", Ones(4 * 3 * 9), 4, 3, 3, 3)], "n", ("pads", new[] { 1, 2, 0, 1 }), ("strides", new[] { 2, 1 }), ("dilations", new[] { 1, 2 })));
        yield return Case("Conv grouped with bias", 13, [1, 4, 6, 6], (b, x) => b.Node("Conv", [x, b.Initializer("w", Ones(6 * 2 * 4), 6, 2, 2, 2), b.Initializer("b", Ones(6), 6)], "n", ("group", 2)));
        yield return Case("Conv depthwise", 13, [1, 3, 5, 5], (b, x) => b.Node("Conv", [x, b.Initializer("w", Ones(3 * 9), 3, 1, 3, 3)], "n", ("group", 3), ("pads", new[] { 1, 1, 1, 1 })));
        yield return Case("Conv 1-D", 13, [2, 3, 10], (b, x) => b.Node("Conv", [x, b.Initializer("w", Ones(5 * 3 * 3), 5, 3, 3)], "n", ("strides", new[] { 2 })));
        yield return Case("Conv SAME_UPPER stride 2", 13, [1, 3, 7, 8], (b, x) => b.Node("Conv", [x, b.Initializer("w", Ones(2 * 3 * 9), 2, 3, 3, 3)], "n", ("auto_pad", "SAME_UPPER"), ("strides", new[] { 2, 2 })));
        yield return Case("Conv SAME_LOWER even kernel", 13, [1, 3, 7, 7], (b, x) => b.Node("Conv", [x, b.Initializer("w", Ones(2 * 3 * 4), 2, 3, 2, 2)], "n", ("auto_pad", "SAME_LOWER")));
        yield return Case("Conv VALID", 13, [1, 3, 7, 7], (b, x) => b.Node("Conv", [x, b.Initializer("w", Ones(2 * 3 * 9), 2, 3, 3, 3)], "n", ("auto_pad", "VALID"), ("strides", new[] { 2, 2 })));
        yield return Case("MaxPool floor", 13, [1, 2, 7, 7], (b, x) => b.Node("MaxPool", [x], "n", ("kernel_shape", new[] { 3, 3 }), ("strides", new[] { 2, 2 })));
        yield return Case("MaxPool ceil_mode", 13, [1, 2, 6, 6], (b, x) => b.Node("MaxPool", [x], "n", ("kernel_shape", new[] { 3, 3 }), ("strides", new[] { 2, 2 }), ("ceil_mode", 1)));
        yield return Case("MaxPool ceil_mode last window in padding", 13, [1, 2, 5, 5], (b, x) => b.Node("MaxPool", [x], "n", ("kernel_shape", new[] { 2, 2 }), ("strides", new[] { 2, 2 }), ("pads", new[] { 1, 1, 1, 1 }), ("ceil_mode", 1)));
        yield return Case("MaxPool dilations", 13, [1, 2, 9, 9], (b, x) => b.Node("MaxPool", [x], "n", ("kernel_shape", new[] { 2, 2 }), ("dilations", new[] { 2, 2 })));
        yield return Case("MaxPool 1-D", 13, [1, 2, 9], (b, x) => b.Node("MaxPool", [x], "n", ("kernel_shape", new[] { 3 }), ("strides", new[] { 2 }), ("pads", new[] { 1, 1 })));
        yield return Case("MaxPool SAME_UPPER", 13, [1, 2, 7, 7], (b, x) => b.Node("MaxPool", [x], "n", ("kernel_shape", new[] { 3, 3 }), ("strides", new[] { 2, 2 }), ("auto_pad", "SAME_UPPER")));
        yield return Case("AveragePool count_include_pad ceil_mode", 13, [1, 2, 8, 8], (b, x) => b.Node("AveragePool", [x], "n", ("kernel_shape", new[] { 3, 3 }), ("strides", new[] { 3, 3 }), ("pads", new[] { 1, 1, 1, 1 }), ("count_include_pad", 1), ("ceil_mode", 1)));
        yield return Case("AveragePool SAME_LOWER", 13, [1, 2, 6, 6], (b, x) => b.Node("AveragePool", [x], "n", ("kernel_shape", new[] { 2, 2 }), ("auto_pad", "SAME_LOWER")));
        yield return Case("GlobalAveragePool", 13, [2, 3, 5, 4], (b, x) => b.Node("GlobalAveragePool", [x], "n"));
        yield return Case("BatchNormalization", 13, [2, 3, 4, 4], (b, x) => b.Node("BatchNormalization", [x, b.Initializer("s", Channel3, 3), b.Initializer("b", Channel3, 3), b.Initializer("m", Channel3, 3), b.Initializer("v", Channel3, 3)], "n"));
        yield return Case("Relu", 13, [2, 3], (b, x) => b.Node("Relu", [x], "n"));
        yield return Case("Sigmoid", 13, [2, 3], (b, x) => b.Node("Sigmoid", [x], "n"));
        yield return Case("HardSigmoid", 13, [2, 3], (b, x) => b.Node("HardSigmoid", [x], "n", ("alpha", 0.3f)));
        yield return Case("HardSwish", 14, [2, 3], (b, x) => b.Node("HardSwish", [x], "n"));
        yield return Case("Clip opset 10 attributes", 10, [2, 3], (b, x) => b.Node("Clip", [x], "n", ("min", 0f), ("max", 6f)));
        yield return Case("Clip opset 11 inputs", 11, [2, 3], (b, x) => b.Node("Clip", [x, b.Initializer("lo", [0f]), b.Initializer("hi", [6f])], "n"));
        yield return Case("Add broadcast", 13, [1, 3, 4, 4], (b, x) => b.Node("Add", [x, b.Initializer("c", Channel3, 3, 1, 1)], "n"));
        yield return Case("Sub both ways", 13, [4, 1], (b, x) => b.Node("Sub", [b.Initializer("c", Channel3, 1, 3), x], "n"));
        yield return Case("Mul scalar", 13, [2, 3], (b, x) => b.Node("Mul", [x, b.Initializer("c", [2f])], "n"));
        yield return Case("Div", 13, [2, 3], (b, x) => b.Node("Div", [x, x], "n"));
        yield return Case("MatMul batched", 13, [2, 3, 4], (b, x) => b.Node("MatMul", [x, b.Initializer("w", Ones(20), 4, 5)], "n"));
        yield return Case("MatMul vector", 13, [4], (b, x) => b.Node("MatMul", [x, b.Initializer("w", Ones(20), 4, 5)], "n"));
        yield return Case("MatMul broadcast batch", 13, [2, 1, 3, 4], (b, x) => b.Node("MatMul", [x, b.Initializer("w", Ones(5 * 24), 5, 4, 6)], "n"));
        yield return Case("Gemm transB with bias row", 13, [2, 4], (b, x) => b.Node("Gemm", [x, b.Initializer("w", Ones(20), 5, 4), b.Initializer("c", Ones(5), 5)], "n", ("transB", 1)));
        yield return Case("Gemm transA", 13, [4, 2], (b, x) => b.Node("Gemm", [x, b.Initializer("w", Ones(20), 4, 5)], "n", ("transA", 1), ("alpha", 0.5f)));
        yield return Case("Flatten axis 2", 13, [2, 3, 4, 5], (b, x) => b.Node("Flatten", [x], "n", ("axis", 2)));
        yield return Case("Flatten axis 0", 13, [2, 3, 4], (b, x) => b.Node("Flatten", [x], "n", ("axis", 0)));
        yield return Case("Flatten axis -1", 13, [2, 3, 4], (b, x) => b.Node("Flatten", [x], "n", ("axis", -1)));
        yield return Case("Reshape 0 and -1", 13, [2, 3, 4], (b, x) => b.Node("Reshape", [x, b.InitializerInt64("s", [0, -1, 2], 3)], "n"));
        yield return Case("Concat runtime and constant", 13, [2, 3], (b, x) => b.Node("Concat", [x, b.Initializer("c", Ones(4), 2, 2)], "n", ("axis", -1)));
        yield return Case("Softmax opset 11", 11, [2, 3, 4], (b, x) => b.Node("Softmax", [x], "n"));
        yield return Case("Softmax opset 13", 13, [2, 3, 4], (b, x) => b.Node("Softmax", [x], "n", ("axis", 1)));
        yield return Case("Slice opset 9 attributes", 9, [5, 6], (b, x) => b.Node("Slice", [x], "n", ("starts", new[] { 1, -4 }), ("ends", new[] { 100, -1 }), ("axes", new[] { 0, 1 })));
        yield return Case("Slice opset 13 negative step", 13, [5, 6], (b, x) => b.Node("Slice", [x, I64(b, "st", -1), I64(b, "en", -100), I64(b, "ax", 1), I64(b, "sp", -2)], "n"));
        yield return Case("Slice opset 13 without axes", 13, [5, 6], (b, x) => b.Node("Slice", [x, I64(b, "st", 1, 2), I64(b, "en", 4, long.MaxValue)], "n"));
        yield return Case("Gather runtime negative indices", 13, [4, 5], (b, x) => b.Node("Gather", [x, b.InitializerInt64("i", [-1, 0, 2, -4], 2, 2)], "n", ("axis", 0)));
        yield return Case("Gather scalar index", 13, [4, 5], (b, x) => b.Node("Gather", [x, b.InitializerInt64("i", [3])], "n", ("axis", 1)));
        yield return Case("Unsqueeze opset 11", 11, [3, 4], (b, x) => b.Node("Unsqueeze", [x], "n", ("axes", new[] { 0, -1 })));
        yield return Case("Unsqueeze opset 13", 13, [3, 4], (b, x) => b.Node("Unsqueeze", [x, I64(b, "a", 1, 3)], "n"));
        yield return Case("Squeeze opset 11 all", 11, [1, 3, 1, 4], (b, x) => b.Node("Squeeze", [x], "n"));
        yield return Case("Squeeze opset 13 axes", 13, [1, 3, 1, 4], (b, x) => b.Node("Squeeze", [x, I64(b, "a", -2)], "n"));
        yield return Case("Transpose default", 13, [2, 3, 4], (b, x) => b.Node("Transpose", [x], "n"));
        yield return Case("Transpose perm", 13, [2, 3, 4, 5], (b, x) => b.Node("Transpose", [x], "n", ("perm", new[] { 0, 2, 3, 1 })));
        yield return Case("Identity", 13, [2, 3], (b, x) => b.Node("Identity", [x], "n"));
        yield return Case("Dropout", 13, [2, 3], (b, x) => b.Node("Dropout", [x], "n"));
        yield return Case("Cast to float", 13, [2, 3], (b, x) => b.Node("Cast", [x], "n", ("to", 1)));
    }

    [TestCaseSource(nameof(Cases))]
    public void Load_Operator_OutputShapeMatchesOnnxRuntime(long opset, int[] inputShape, Func<ModelBuilder, string, string> build)
    {
        var builder = new ModelBuilder(opset: opset);
        builder.Output(build(builder, builder.Input("x", inputShape)));
        byte[] onnx = builder.ToBytes();
        var shape = new TensorShape(inputShape);

        var graph = OnnxModelLoader.Load(onnx, "case.onnx");
        var (_, expected) = OnnxRuntimeRunner.Run(onnx, "x", OnnxRuntimeRunner.Data(shape.ElementCount), inputShape);

        Assert.Multiple(() =>
        {
            Assert.That(graph.Outputs.Single().Shape.ToArray(), Is.EqualTo(expected));
            Assert.That(graph.Shapes[graph.Outputs.Single().Name].ToArray(), Is.EqualTo(expected));
            Assert.That(graph.Nodes.Single().Name, Is.EqualTo("n"));
        });
    }

    private static TestCaseData Case(string name, long opset, int[] shape, Func<ModelBuilder, string, string> build) =>
        new TestCaseData(opset, shape, build).SetName($"Load_{name.Replace(' ', '_')}_OutputShapeMatchesOnnxRuntime");

    private static string I64(ModelBuilder builder, string name, params long[] values) => builder.InitializerInt64(name, values, values.Length);

    private static float[] Ones(int count) => [.. Enumerable.Repeat(1f, count)];
}
