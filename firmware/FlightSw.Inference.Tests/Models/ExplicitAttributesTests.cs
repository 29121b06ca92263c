using FlightSw.Inference.Models;

namespace FlightSw.Inference.Tests.Models;

/// <summary>The defaults the loader makes explicit on runtime nodes, as <see cref="ModelGraph"/> promises the engine.</summary>
public class ExplicitAttributesTests
{
    private static GraphNode Single(int[] inputShape, Func<ModelBuilder, string, string> build, long opset = 13) =>
        OnnxModelLoader.Load(Refusal.Model(inputShape, build, opset), "m.onnx").Nodes.Single();

    [Test]
    public void Load_ConvWithoutAttributes_GeometryExplicit()
    {
        var node = Single([1, 3, 8, 8], (b, x) => b.Node("Conv", [x, b.Initializer("w", new float[2 * 3 * 3 * 5], 2, 3, 3, 5)], "c"));

        Assert.Multiple(() =>
        {
            Assert.That(node.Attributes.GetInts("kernel_shape"), Is.EqualTo(new long[] { 3, 5 }));
            Assert.That(node.Attributes.GetInts("strides"), Is.EqualTo(new long[] { 1, 1 }));
            Assert.That(node.Attributes.GetInts("pads"), Is.EqualTo(new long[] { 0, 0, 0, 0 }));
            Assert.That(node.Attributes.GetInts("dilations"), Is.EqualTo(new long[] { 1, 1 }));
            Assert.That(node.Attributes.GetInt("group", -1), Is.EqualTo(1));
            Assert.That(node.Attributes.GetString("auto_pad", "?"), Is.EqualTo("NOTSET"));
        });
    }

    [TestCase("SAME_UPPER", new long[] { 1, 0, 1, 1 })]
    [TestCase("SAME_LOWER", new long[] { 1, 1, 1, 0 })]
    [TestCase("VALID", new long[] { 0, 0, 0, 0 })]
    public void Load_ConvAutoPad_ResolvedToPads(string autoPad, long[] pads)
    {
        // 7x8 input, 3x3 kernel, stride 2: SAME gives 4x4, needing 2 rows and 1 column of padding.
        var node = Single([1, 1, 7, 8], (b, x) => b.Node("Conv", [x, b.Initializer("w", new float[9], 1, 1, 3, 3)], "c", ("auto_pad", autoPad), ("strides", new[] { 2, 2 })));

        Assert.Multiple(() =>
        {
            Assert.That(node.Attributes.GetInts("pads"), Is.EqualTo(pads));
            Assert.That(node.Attributes.GetString("auto_pad", "?"), Is.EqualTo("NOTSET"));
        });
    }

    [Test]
    public void Load_Conv1D_OneEntryPerSpatialAxis()
    {
        var node = Single([1, 2, 9], (b, x) => b.Node("Conv", [x, b.Initializer("w", new float[4 * 2 * 3], 4, 2, 3)], "c", ("pads", new[] { 1, 2 })));

        Assert.Multiple(() =>
        {
            Assert.That(node.Attributes.GetInts("kernel_shape"), Is.EqualTo(new long[] { 3 }));
            Assert.That(node.Attributes.GetInts("strides"), Is.EqualTo(new long[] { 1 }));
            Assert.That(node.Attributes.GetInts("pads"), Is.EqualTo(new long[] { 1, 2 }));
            Assert.That(node.Attributes.GetInts("dilations"), Is.EqualTo(new long[] { 1 }));
        });
    }

    [TestCase("MaxPool", 0L)]
    [TestCase("AveragePool", 1L)]
    public void Load_Pool_GeometryAndModesExplicit(string opType, long countIncludePad)
    {
        var node = Single([1, 2, 6, 6], (b, x) => b.Node(opType, [x], "p", ("kernel_shape", new[] { 2, 2 }), ("count_include_pad", countIncludePad)));

        Assert.Multiple(() =>
        {
            Assert.That(node.Attributes.GetInts("strides"), Is.EqualTo(new long[] { 1, 1 }));
            Assert.That(node.Attributes.GetInts("pads"), Is.EqualTo(new long[] { 0, 0, 0, 0 }));
            Assert.That(node.Attributes.GetInts("dilations"), Is.EqualTo(new long[] { 1, 1 }));
            Assert.That(node.Attributes.GetInt("group", -1), Is.EqualTo(1));
            Assert.That(node.Attributes.GetInt("ceil_mode", -1), Is.EqualTo(0));
            Assert.That(node.Attributes.GetInt("count_include_pad", -1), Is.EqualTo(countIncludePad));
        });
    }

    [Test]
    public void Load_Gemm_AlphaBetaTransposesExplicit()
    {
        var node = Single([2, 3], (b, x) => b.Node("Gemm", [x, b.Initializer("w", new float[12], 3, 4)], "fc", ("transA", 0)));

        Assert.Multiple(() =>
        {
            Assert.That(node.Attributes.GetFloat("alpha", -1), Is.EqualTo(1f));
            Assert.That(node.Attributes.GetFloat("beta", -1), Is.EqualTo(1f));
            Assert.That(node.Attributes.GetInt("transA", -1), Is.EqualTo(0));
            Assert.That(node.Attributes.GetInt("transB", -1), Is.EqualTo(0));
        });
    }

    [TestCase(11, 1L, 1L)]
    [TestCase(13, 2L, 0L)]
    public void Load_SoftmaxDefaultAxis_PerOpsetWithCoerce2d(long opset, long axis, long coerce2d)
    {
        var node = Single([2, 3, 4], (b, x) => b.Node("Softmax", [x], "s"), opset);

        Assert.Multiple(() =>
        {
            Assert.That(node.Attributes.GetInt("axis", -9), Is.EqualTo(axis));
            Assert.That(node.Attributes.GetInt("coerce2d", -9), Is.EqualTo(coerce2d));
        });
    }

    [Test]
    public void Load_NegativeAxes_MadeNonNegative()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Single([2, 3], (b, x) => b.Node("Concat", [x, x], "n", ("axis", -1))).Attributes.GetInt("axis", -9), Is.EqualTo(1));
            Assert.That(Single([2, 3, 4], (b, x) => b.Node("Flatten", [x], "n", ("axis", -2))).Attributes.GetInt("axis", -9), Is.EqualTo(1));
            Assert.That(Single([2, 3], (b, x) => b.Node("Gather", [x, b.InitializerInt64("i", [0], 1)], "n", ("axis", -1))).Attributes.GetInt("axis", -9), Is.EqualTo(1));
            Assert.That(Single([2, 3], (b, x) => b.Node("Softmax", [x], "n", ("axis", -1))).Attributes.GetInt("axis", -9), Is.EqualTo(1));
            Assert.That(Single([2, 3], (b, x) => b.Node("Flatten", [x], "n")).Attributes.GetInt("axis", -9), Is.EqualTo(1));
        });
    }

    [Test]
    public void Load_SliceFromInputs_EveryAxisExplicitAndClamped()
    {
        var node = Single([5, 6], (b, x) => b.Node("Slice", [x, b.InitializerInt64("s", [-1], 1), b.InitializerInt64("e", [-100], 1), b.InitializerInt64("a", [-1], 1), b.InitializerInt64("p", [-2], 1)], "sl"));

        Assert.Multiple(() =>
        {
            Assert.That(node.Attributes.GetInts("starts"), Is.EqualTo(new long[] { 0, 5 }));
            Assert.That(node.Attributes.GetInts("ends"), Is.EqualTo(new long[] { 5, -1 }));
            Assert.That(node.Attributes.GetInts("axes"), Is.EqualTo(new long[] { 0, 1 }));
            Assert.That(node.Attributes.GetInts("steps"), Is.EqualTo(new long[] { 1, -2 }));
        });
    }

    [Test]
    public void Load_SliceOpset9Attributes_ClampedLikeInputs()
    {
        var node = Single([5, 6], (b, x) => b.Node("Slice", [x], "sl", ("starts", new[] { 1 }), ("ends", new long[] { long.MaxValue }), ("axes", new[] { 0 })), opset: 9);

        Assert.Multiple(() =>
        {
            Assert.That(node.Attributes.GetInts("starts"), Is.EqualTo(new long[] { 1, 0 }));
            Assert.That(node.Attributes.GetInts("ends"), Is.EqualTo(new long[] { 5, 6 }));
            Assert.That(node.Attributes.GetInts("steps"), Is.EqualTo(new long[] { 1, 1 }));
        });
    }

    [Test]
    public void Load_SqueezeAndUnsqueezeAxes_AttributeSortedNonNegative()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Single([1, 3, 1], (b, x) => b.Node("Squeeze", [x], "n")).Attributes.GetInts("axes"), Is.EqualTo(new long[] { 0, 2 }));
            Assert.That(Single([3, 4], (b, x) => b.Node("Unsqueeze", [x, b.InitializerInt64("a", [-1, 0], 2)], "n")).Attributes.GetInts("axes"), Is.EqualTo(new long[] { 0, 3 }));
            Assert.That(Single([1, 3], (b, x) => b.Node("Squeeze", [x], "n", ("axes", new[] { -2 })), opset: 11).Attributes.GetInts("axes"), Is.EqualTo(new long[] { 0 }));
        });
    }

    [Test]
    public void Load_TransposeWithoutPerm_ReversedPermExplicit()
    {
        Assert.That(Single([2, 3, 4], (b, x) => b.Node("Transpose", [x], "t")).Attributes.GetInts("perm"), Is.EqualTo(new long[] { 2, 1, 0 }));
    }

    [Test]
    public void Load_ReshapeTarget_RecordedResolved()
    {
        var node = Single([2, 3, 4], (b, x) => b.Node("Reshape", [x, b.InitializerInt64("s", [0, -1], 2)], "r"));

        Assert.That(node.Attributes.GetInts("shape"), Is.EqualTo(new long[] { 2, 12 }));
    }

    [Test]
    public void Load_ReshapeAllowZero_ZeroIsLiteralNotCopied()
    {
        byte[] onnx = Refusal.Model([2, 3], (b, x) => b.Node("Reshape", [x, b.InitializerInt64("s", [0, 6], 2)], "r", ("allowzero", 1)), opset: 14);

        Refusal.Expect(onnx, "Reshape node 'r'", "cannot reshape [2, 3] (6 elements) to [0, 6] (0 elements)");
    }

    [Test]
    public void Load_ClipOpset11Inputs_BecomeMinMaxAttributes()
    {
        var node = Single([2, 3], (b, x) => b.Node("Clip", [x, b.Initializer("lo", [-1.5f])], "clip"), opset: 11);

        Assert.Multiple(() =>
        {
            Assert.That(node.Inputs, Is.EqualTo(new[] { "x", "lo" }));
            Assert.That(node.Attributes.GetFloat("min", 0), Is.EqualTo(-1.5f));
            Assert.That(node.Attributes.GetFloat("max", 0), Is.EqualTo(float.PositiveInfinity));
        });
    }

    [Test]
    public void Load_ClipOpset11BothBoundsAndSkippedMin_Read()
    {
        var node = Single([2, 3], (b, x) => b.Node("Clip", [x, string.Empty, b.Initializer("hi", [6f])], "clip"), opset: 12);

        Assert.Multiple(() =>
        {
            Assert.That(node.Attributes.GetFloat("min", 0), Is.EqualTo(float.NegativeInfinity));
            Assert.That(node.Attributes.GetFloat("max", 0), Is.EqualTo(6f));
        });
    }

    [Test]
    public void Load_ClipOpset6Defaults_FloatLimits()
    {
        var node = Single([2, 3], (b, x) => b.Node("Clip", [x], "clip", ("max", 6f)), opset: 6);

        Assert.Multiple(() =>
        {
            Assert.That(node.Attributes.GetFloat("min", 0), Is.EqualTo(float.MinValue));
            Assert.That(node.Attributes.GetFloat("max", 0), Is.EqualTo(6f));
        });
    }

    [Test]
    public void Load_HardSigmoidAndBatchNormalization_DefaultsExplicit()
    {
        var hardSigmoid = Single([2], (b, x) => b.Node("HardSigmoid", [x], "h"));
        var batchNorm = Single([1, 1, 2], (b, x) =>
        {
            string p = b.Initializer("p", [1f], 1);
            return b.Node("BatchNormalization", [x, p, p, p, p], "bn");
        });

        Assert.Multiple(() =>
        {
            Assert.That(hardSigmoid.Attributes.GetFloat("alpha", 0), Is.EqualTo(0.2f));
            Assert.That(hardSigmoid.Attributes.GetFloat("beta", 0), Is.EqualTo(0.5f));
            Assert.That(batchNorm.Attributes.GetFloat("epsilon", 0), Is.EqualTo(1e-5f));
        });
    }

    [Test]
    public void Load_RuntimeCastToFloat_KeptAsCast()
    {
        var node = Single([2], (b, x) => b.Node("Cast", [x], "cast", ("to", 1)));

        Assert.That((node.OpType, node.Attributes.GetInt("to", 0)), Is.EqualTo(("Cast", 1L)));
    }

    [Test]
    public void Load_RuntimeGatherNegativeIndices_ReplacedByNormalisedConstant()
    {
        var graph = OnnxModelLoader.Load(Refusal.Model([4, 2], (b, x) => b.Node("Gather", [x, b.InitializerInt64("i", [-1, 1], 2)], "g")), "m.onnx");
        var node = graph.Nodes.Single();

        Assert.Multiple(() =>
        {
            Assert.That(node.Inputs, Is.EqualTo(new[] { "x", "g::indices" }));
            Assert.That(graph.Constants["g::indices"].Integers, Is.EqualTo(new long[] { 3, 1 }));
            Assert.That(graph.Constants.ContainsKey("i"), Is.False);
        });
    }
}
