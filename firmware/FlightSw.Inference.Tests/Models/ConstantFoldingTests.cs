using FlightSw.Inference.Models;

namespace FlightSw.Inference.Tests.Models;

/// <summary>Shape plumbing and constant sub-graphs evaluated at load, leaving only runtime float nodes.</summary>
public class ConstantFoldingTests
{
    // torch.flatten(x, 1) as PyTorch exports it: Shape -> Gather -> Unsqueeze -> Concat -> Reshape.
    private static byte[] PyTorchFlatten(long opset, object? batch = null)
    {
        var builder = new ModelBuilder(opset: opset);
        string x = builder.SymbolicInput("x", batch ?? 1, 3, 4, 4);
        string shape = builder.Node("Shape", [x], "shape");
        string zero = builder.Node("Constant", [], "zero", ("value", ConstantTensor.OfIntegers("v", TensorShape.Scalar, [0])));
        string batchSize = builder.Node("Gather", [shape, zero], "gather", ("axis", 0));
        string unsqueezed = opset < 13
            ? builder.Node("Unsqueeze", [batchSize], "unsqueeze", ("axes", new[] { 0 }))
            : builder.Node("Unsqueeze", [batchSize, builder.InitializerInt64("axes", [0], 1)], "unsqueeze");
        string minusOne = builder.Node("Constant", [], "minus_one", ("value", ConstantTensor.OfIntegers("v", new TensorShape(1), [-1])));
        string target = builder.Node("Concat", [unsqueezed, minusOne], "concat", ("axis", 0));
        string flat = builder.Node("Reshape", [x, target], "reshape");
        builder.Output(builder.Node("Gemm", [flat, builder.Initializer("w", new float[48 * 2], 48, 2)], "fc"));
        return builder.ToBytes();
    }

    [TestCase(11)]
    [TestCase(13)]
    public void Load_PyTorchFlattenPattern_OnlyReshapeWithResolvedShapeRemains(long opset)
    {
        var graph = OnnxModelLoader.Load(PyTorchFlatten(opset), "m.onnx");
        var reshape = graph.Nodes[0];

        Assert.Multiple(() =>
        {
            Assert.That(graph.Nodes.Select(node => node.OpType), Is.EqualTo(new[] { "Reshape", "Gemm" }));
            Assert.That(reshape.Attributes.GetInts("shape"), Is.EqualTo(new long[] { 1, 48 }));
            Assert.That(reshape.Inputs, Is.EqualTo(new[] { "x", "concat_out" }));
            Assert.That(graph.Constants["concat_out"].Integers, Is.EqualTo(new long[] { 1, -1 }));
            Assert.That(graph.Constants.Keys, Is.EquivalentTo(new[] { "concat_out", "w" }));
            Assert.That(graph.Shapes.Keys, Is.EquivalentTo(new[] { "x", "reshape_out", "fc_out" }));
        });
    }

    [Test]
    public void Load_PyTorchFlattenWithBoundBatch_ShapeFollowsBatch()
    {
        var graph = OnnxModelLoader.Load(PyTorchFlatten(13, "N"), "m.onnx", new Dictionary<string, int> { ["N"] = 4 });

        Assert.Multiple(() =>
        {
            Assert.That(graph.Nodes[0].Attributes.GetInts("shape"), Is.EqualTo(new long[] { 4, 48 }));
            Assert.That(graph.Outputs.Single().Shape, Is.EqualTo(new TensorShape(4, 2)));
        });
    }

    [Test]
    public void Load_PyTorchFlattenPattern_OnnxRuntimeAgreesOnOutputShape()
    {
        byte[] onnx = PyTorchFlatten(13);

        var (_, shape) = OnnxRuntimeRunner.Run(onnx, "x", new float[48], 1, 3, 4, 4);

        Assert.That(shape, Is.EqualTo(OnnxModelLoader.Load(onnx, "m.onnx").Outputs.Single().Shape.ToArray()));
    }

    [Test]
    public void Load_IntegerArithmeticOnShape_Folded()
    {
        // Reshape to [N, C, H * W] computed from the shape: Slice, Gather, Mul, Div, Sub, Add on int64.
        var builder = new ModelBuilder();
        string x = builder.Input("x", 2, 3, 4, 5);
        string shape = builder.Node("Shape", [x], "shape");
        string leading = builder.Node("Slice", [shape, I64(builder, "s0", 0), I64(builder, "s1", 2)], "leading");
        string h = builder.Node("Gather", [shape, I64(builder, "i2", 2)], "h");
        string w = builder.Node("Gather", [shape, I64(builder, "i3", -1)], "w");
        string hw = builder.Node("Mul", [h, w], "hw");
        string same = builder.Node("Add", [builder.Node("Sub", [builder.Node("Div", [hw, I64(builder, "two", 2)], "half"), I64(builder, "ten", 10)], "less"), I64(builder, "ten2", 20)], "same");
        string target = builder.Node("Concat", [leading, same], "target", ("axis", 0));
        builder.Output(builder.Node("Reshape", [x, target], "reshape"));

        var graph = OnnxModelLoader.Load(builder.ToBytes(), "m.onnx");

        Assert.Multiple(() =>
        {
            Assert.That(graph.Nodes.Select(node => node.OpType), Is.EqualTo(new[] { "Reshape" }));
            Assert.That(graph.Constants["target_out"].Integers, Is.EqualTo(new long[] { 2, 3, 20 }));
            Assert.That(graph.Outputs.Single().Shape, Is.EqualTo(new TensorShape(2, 3, 20)));
        });
    }

    [Test]
    public void Load_ShapeWithStartAndEnd_FoldedToThatRange()
    {
        var builder = new ModelBuilder(opset: 15);
        string x = builder.Input("x", 2, 3, 4);
        string dims = builder.Node("Shape", [x], "shape", ("start", -2));
        builder.Output(builder.Node("Reshape", [x, builder.Node("Concat", [I64(builder, "one", 2), dims], "target", ("axis", 0))], "reshape"));

        var graph = OnnxModelLoader.Load(builder.ToBytes(), "m.onnx");

        Assert.That(graph.Constants["target_out"].Integers, Is.EqualTo(new long[] { 2, 3, 4 }));
    }

    [Test]
    public void Load_FloatConstantChain_FoldedToOneConstant()
    {
        // ((k * 2 + 1 - 0.5) / 2), transposed, through Identity, Relu and Cast, then used by a runtime Mul.
        var builder = new ModelBuilder();
        string x = builder.Input("x", 3, 2);
        string k = builder.Initializer("k", [1f, -2f, 3f, -4f, 5f, -6f], 2, 3);
        string two = builder.Node("Constant", [], "two", ("value_float", 2f));
        string scaled = builder.Node("Div", [builder.Node("Sub", [builder.Node("Add", [builder.Node("Mul", [k, two], "mul"), builder.Node("Constant", [], "one", ("value_floats", new[] { 1f }))], "add"), builder.Initializer("half", [0.5f])], "sub"), two], "div");
        string transposed = builder.Node("Transpose", [builder.Node("Identity", [scaled], "id")], "transpose");
        string folded = builder.Node("Cast", [builder.Node("Relu", [transposed], "relu")], "cast", ("to", 1));
        builder.Output(builder.Node("Mul", [x, folded], "scale"));

        var graph = OnnxModelLoader.Load(builder.ToBytes(), "m.onnx");

        Assert.Multiple(() =>
        {
            Assert.That(graph.Nodes.Select(node => node.Name), Is.EqualTo(new[] { "scale" }));
            Assert.That(graph.Constants["cast_out"].Shape, Is.EqualTo(new TensorShape(3, 2)));
            Assert.That(graph.Constants["cast_out"].Floats, Is.EqualTo(new[] { 1.25f, 0f, 0f, 5.25f, 3.25f, 0f }));
        });
    }

    [Test]
    public void Load_ConstantSliceSqueezeUnsqueezeGather_FoldedLikeNumpy()
    {
        var builder = new ModelBuilder(opset: 11);
        string x = builder.Input("x", 2);
        string k = builder.Initializer("k", [.. Enumerable.Range(0, 24).Select(i => (float)i)], 2, 3, 4);
        string sliced = builder.Node("Slice", [k, I64(builder, "st", 1, 3), I64(builder, "en", 2, 0), I64(builder, "ax", 0, 2), I64(builder, "sp", 1, -2)], "slice");
        string squeezed = builder.Node("Squeeze", [sliced], "squeeze", ("axes", new[] { 0 }));
        string picked = builder.Node("Gather", [squeezed, I64(builder, "idx", -1)], "gather", ("axis", 0));
        string row = builder.Node("Unsqueeze", [picked], "unsqueeze", ("axes", new[] { 0 }));
        builder.Output(builder.Node("Mul", [x, builder.Node("Flatten", [row], "flatten", ("axis", 0))], "mul"));

        var graph = OnnxModelLoader.Load(builder.ToBytes(), "m.onnx");

        // k[1, :, 3:0:-2] = [[15, 13], [19, 17], [23, 21]]; the last row, as a [1, 2] row.
        Assert.Multiple(() =>
        {
            Assert.That(graph.Constants["flatten_out"].Floats, Is.EqualTo(new[] { 23f, 21f }));
            Assert.That(graph.Constants["flatten_out"].Shape, Is.EqualTo(new TensorShape(1, 2)));
        });
    }

    [Test]
    public void Load_ConstantFoldedValues_MatchOnnxRuntime()
    {
        var builder = new ModelBuilder(opset: 14);
        string x = builder.Input("x", 4, 3);
        string k = builder.Initializer("k", [.. Enumerable.Range(0, 12).Select(i => (i * 0.37f) - 2f)], 3, 4);
        string t = builder.Node("Transpose", [k], "t");
        string c = builder.Node("Clip", [builder.Node("Sigmoid", [t], "s"), builder.Initializer("lo", [0.2f]), builder.Initializer("hi", [0.8f])], "clip");
        string hs = builder.Node("HardSwish", [builder.Node("HardSigmoid", [c], "hsig", ("alpha", 0.4f))], "hswish");
        builder.Output(builder.Node("Add", [x, hs], "add"));
        byte[] onnx = builder.ToBytes();

        var graph = OnnxModelLoader.Load(onnx, "m.onnx");
        var (expected, _) = OnnxRuntimeRunner.Run(onnx, "x", new float[12], 4, 3);

        Assert.That(graph.Constants["hswish_out"].Floats, Is.EqualTo(expected).Within(1e-6f));
    }

    [Test]
    public void Load_ShapeOfRuntimeValue_FoldedEvenThoughInputIsRuntime()
    {
        var builder = new ModelBuilder();
        string x = builder.Input("x", 2, 3);
        string relu = builder.Node("Relu", [x], "relu");
        builder.Output(builder.Node("Reshape", [relu, builder.Node("Cast", [builder.Node("Shape", [relu], "shape")], "cast", ("to", 7))], "reshape"));

        var graph = OnnxModelLoader.Load(builder.ToBytes(), "m.onnx");

        Assert.Multiple(() =>
        {
            Assert.That(graph.Nodes.Select(node => node.Name), Is.EqualTo(new[] { "relu", "reshape" }));
            Assert.That(graph.Constants["cast_out"].Integers, Is.EqualTo(new long[] { 2, 3 }));
        });
    }

    private static string I64(ModelBuilder builder, string name, params long[] values) => builder.InitializerInt64(name, values, values.Length);
}
