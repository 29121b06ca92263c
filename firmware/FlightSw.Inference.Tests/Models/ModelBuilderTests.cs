using FlightSw.Inference.Models;
using FlightSw.Inference.Onnx;

namespace FlightSw.Inference.Tests.Models;

public class ModelBuilderTests
{
    private static byte[] ConvRelu(out float[] weights, out float[] bias)
    {
        weights = OnnxRuntimeRunner.Data(4 * 3 * 3 * 3, seed: 7);
        bias = [0.1f, -0.2f, 0.3f, -0.4f];
        var builder = new ModelBuilder("conv_relu");
        string x = builder.Input("x", 1, 3, 8, 8);
        string w = builder.Initializer("w", weights, 4, 3, 3, 3);
        string b = builder.Initializer("b", bias, 4);
        string conv = builder.Node("Conv", [x, w, b], "conv1", ("pads", new[] { 1, 1, 1, 1 }));
        builder.Output(builder.Node("Relu", [conv], "relu1"));
        return builder.ToBytes();
    }

    [Test]
    public void ToBytes_ConvRelu_RoundTripsThroughLoader()
    {
        var graph = OnnxModelLoader.Load(ConvRelu(out float[] weights, out float[] bias), "conv_relu.onnx");

        Assert.Multiple(() =>
        {
            Assert.That(graph.Name, Is.EqualTo("conv_relu"));
            Assert.That(graph.OpsetVersion, Is.EqualTo(13));
            Assert.That(graph.Inputs.Single(), Is.EqualTo(new GraphValue("x", new TensorShape(1, 3, 8, 8))));
            Assert.That(graph.Nodes.Select(node => node.ToString()), Is.EqualTo(new[] { "Conv node 'conv1'", "Relu node 'relu1'" }));
            Assert.That(graph.Nodes[0].Inputs, Is.EqualTo(new[] { "x", "w", "b" }));
            Assert.That(graph.Nodes[0].Outputs, Is.EqualTo(new[] { "conv1_out" }));
            Assert.That(graph.Nodes[0].Attributes.GetInts("pads"), Is.EqualTo(new long[] { 1, 1, 1, 1 }));
            Assert.That(graph.Constants["w"].Floats, Is.EqualTo(weights));
            Assert.That(graph.Constants["w"].Shape, Is.EqualTo(new TensorShape(4, 3, 3, 3)));
            Assert.That(graph.Constants["b"].Floats, Is.EqualTo(bias));
            Assert.That(graph.Outputs.Single(), Is.EqualTo(new GraphValue("relu1_out", new TensorShape(1, 4, 8, 8))));
        });
    }

    [Test]
    public void ToBytes_ConvRelu_OnnxRuntimeRunsItAndMatchesNaiveConvolution()
    {
        byte[] onnx = ConvRelu(out float[] weights, out float[] bias);
        float[] input = OnnxRuntimeRunner.Data(3 * 8 * 8);

        var (values, shape) = OnnxRuntimeRunner.Run(onnx, "x", input, 1, 3, 8, 8);

        Assert.That(shape, Is.EqualTo(new[] { 1, 4, 8, 8 }));
        for (int m = 0; m < 4; m++)
        {
            for (int y = 0; y < 8; y++)
            {
                for (int x = 0; x < 8; x++)
                {
                    float expected = Math.Max(0, NaiveConv(input, weights, bias[m], m, y, x));
                    Assert.That(values[(m * 64) + (y * 8) + x], Is.EqualTo(expected).Within(1e-5f), $"m {m} y {y} x {x}");
                }
            }
        }
    }

    [Test]
    public void ToBytes_WritesIrVersion8AndDefaultDomainOpset()
    {
        var builder = new ModelBuilder(opset: 11);
        builder.Output(builder.Node("Relu", [builder.Input("x", 1, 2)]));

        var model = ModelProto.Parser.ParseFrom(builder.ToBytes());

        Assert.Multiple(() =>
        {
            Assert.That(model.IrVersion, Is.EqualTo(8));
            Assert.That(model.OpsetImport.Single().Domain, Is.Empty);
            Assert.That(model.OpsetImport.Single().Version, Is.EqualTo(11));
        });
    }

    [Test]
    public void Node_NoName_NamedOpTypeIndexWithOutOutput()
    {
        var builder = new ModelBuilder();
        string x = builder.Input("x", 1, 2);
        string relu = builder.Node("Relu", [x]);
        string sigmoid = builder.Node("Sigmoid", [relu]);

        Assert.That((relu, sigmoid), Is.EqualTo(("Relu_0_out", "Sigmoid_1_out")));
    }

    [Test]
    public void NodeWithOutputs_Three_NumberedOutputs()
    {
        var builder = new ModelBuilder();

        var outputs = builder.NodeWithOutputs("Split", [builder.Input("x", 3)], 3, "split");

        Assert.That(outputs, Is.EqualTo(new[] { "split_out0", "split_out1", "split_out2" }));
    }

    [Test]
    public void Node_AttributeKinds_WrittenWithOnnxTypes()
    {
        var builder = new ModelBuilder();
        var tensor = ConstantTensor.OfIntegers("t", new TensorShape(2), [4, 5]);
        builder.Node("Custom", [], "n", ("i", 3), ("l", 4L), ("f", 0.5f), ("d", 0.25), ("s", "SAME_UPPER"), ("is", new[] { 1, 2 }), ("ls", new long[] { 3 }), ("fs", new[] { 1.5f }), ("t", tensor));

        var node = ModelProto.Parser.ParseFrom(builder.ToBytes()).Node("n");
        var types = node.Attribute.ToDictionary(attribute => attribute.Name, attribute => attribute.Type);

        Assert.Multiple(() =>
        {
            Assert.That(types["i"], Is.EqualTo(AttributeProto.Types.AttributeType.Int));
            Assert.That(types["l"], Is.EqualTo(AttributeProto.Types.AttributeType.Int));
            Assert.That(types["f"], Is.EqualTo(AttributeProto.Types.AttributeType.Float));
            Assert.That(types["d"], Is.EqualTo(AttributeProto.Types.AttributeType.Float));
            Assert.That(types["s"], Is.EqualTo(AttributeProto.Types.AttributeType.String));
            Assert.That(types["is"], Is.EqualTo(AttributeProto.Types.AttributeType.Ints));
            Assert.That(types["ls"], Is.EqualTo(AttributeProto.Types.AttributeType.Ints));
            Assert.That(types["fs"], Is.EqualTo(AttributeProto.Types.AttributeType.Floats));
            Assert.That(types["t"], Is.EqualTo(AttributeProto.Types.AttributeType.Tensor));
            Assert.That(node.Attribute.Single(attribute => attribute.Name == "t").T.Int64Data, Is.EqualTo(new long[] { 4, 5 }));
        });
    }

    [Test]
    public void Node_UnsupportedAttributeValue_Throws()
    {
        var builder = new ModelBuilder();

        Assert.That(() => builder.Node("Relu", [], "r", ("bad", DateTimeKind.Utc)), Throws.ArgumentException.With.Message.Contains("'bad'"));
    }

    [Test]
    public void Initializer_CountDiffersFromShape_Throws()
    {
        var builder = new ModelBuilder();

        Assert.That(() => builder.Initializer("w", [1f, 2f, 3f], 2, 2), Throws.ArgumentException.With.Message.Contains("'w'"));
    }

    [Test]
    public void SymbolicInput_MixedDims_WritesValuesParamsAndBlanks()
    {
        var builder = new ModelBuilder();
        builder.SymbolicInput("x", "N", 3, null);

        var dims = ModelProto.Parser.ParseFrom(builder.ToBytes()).Graph.Input.Single().Type.TensorType.Shape.Dim;

        Assert.Multiple(() =>
        {
            Assert.That(dims[0].DimParam, Is.EqualTo("N"));
            Assert.That(dims[1].DimValue, Is.EqualTo(3));
            Assert.That(dims[2].HasDimValue || dims[2].HasDimParam, Is.False);
        });
    }

    private static float NaiveConv(float[] input, float[] weights, float bias, int m, int y, int x)
    {
        float sum = bias;
        for (int c = 0; c < 3; c++)
        {
            for (int ky = 0; ky < 3; ky++)
            {
                for (int kx = 0; kx < 3; kx++)
                {
                    int iy = y + ky - 1;
                    int ix = x + kx - 1;
                    if (iy is >= 0 and < 8 && ix is >= 0 and < 8)
                    {
                        sum += input[(c * 64) + (iy * 8) + ix] * weights[(((m * 3) + c) * 9) + (ky * 3) + kx];
                    }
                }
            }
        }

        return sum;
    }
}
