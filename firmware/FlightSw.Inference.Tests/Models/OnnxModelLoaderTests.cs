using FlightSw.Inference.Models;
using FlightSw.Inference.Onnx;
using Google.Protobuf;

namespace FlightSw.Inference.Tests.Models;

public class OnnxModelLoaderTests
{
    private static byte[] TwoLayer()
    {
        var builder = new ModelBuilder();
        string x = builder.Input("x", 1, 4);
        string hidden = builder.Node("Relu", [builder.Node("Gemm", [x, builder.Initializer("w1", Ones(24), 6, 4)], "fc1", ("transB", 1))], "relu");
        builder.Initializer("unused", [1f], 1);
        builder.Output(builder.Node("Gemm", [hidden, builder.Initializer("w2", Ones(12), 6, 2)], "fc2"));
        return builder.ToBytes();
    }

    [Test]
    public void Load_TwoLayerModel_ShapesCoverInputsAndEveryNodeOutput()
    {
        var graph = OnnxModelLoader.Load(TwoLayer(), "two.onnx");

        Assert.That(graph.Shapes, Is.EquivalentTo(new Dictionary<string, TensorShape>
        {
            ["x"] = new(1, 4),
            ["fc1_out"] = new(1, 6),
            ["relu_out"] = new(1, 6),
            ["fc2_out"] = new(1, 2),
        }));
    }

    [Test]
    public void Load_UnusedInitializer_NotAmongConstants()
    {
        var graph = OnnxModelLoader.Load(TwoLayer(), "two.onnx");

        Assert.That(graph.Constants.Keys, Is.EquivalentTo(new[] { "w1", "w2" }));
    }

    [Test]
    public void Load_NodesOutOfOrder_SortedTopologically()
    {
        byte[] onnx = ModelEdit.Apply(TwoLayer(), model =>
        {
            var reversed = model.Graph.Node.Reverse().ToList();
            model.Graph.Node.Clear();
            model.Graph.Node.AddRange(reversed);
        });

        var graph = OnnxModelLoader.Load(onnx, "two.onnx");

        Assert.That(graph.Nodes.Select(node => node.Name), Is.EqualTo(new[] { "fc1", "relu", "fc2" }));
    }

    [Test]
    public void Load_UnnamedNodes_NamedOpTypeAndIndex()
    {
        byte[] onnx = ModelEdit.Apply(TwoLayer(), model =>
        {
            foreach (var node in model.Graph.Node)
            {
                node.Name = string.Empty;
            }
        });

        var graph = OnnxModelLoader.Load(onnx, "two.onnx");

        Assert.That(graph.Nodes.Select(node => node.Name), Is.EqualTo(new[] { "Gemm_0", "Relu_1", "Gemm_2" }));
    }

    [Test]
    public void Load_GraphWithoutName_NamedAfterSource()
    {
        byte[] onnx = ModelEdit.Apply(TwoLayer(), model => model.Graph.Name = string.Empty);

        Assert.That(OnnxModelLoader.Load(onnx, "dir/net.onnx").Name, Is.EqualTo("net.onnx"));
    }

    [Test]
    public void Load_InitializerAlsoListedAsInput_IsConstantNotInput()
    {
        byte[] onnx = ModelEdit.Apply(TwoLayer(), model => model.Graph.Input.Add(new ValueInfoProto
        {
            Name = "w1",
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = 1 } },
        }));

        var graph = OnnxModelLoader.Load(onnx, "two.onnx");

        Assert.That(graph.Inputs.Select(input => input.Name), Is.EqualTo(new[] { "x" }));
    }

    [Test]
    public void LoadFile_WrittenModel_LoadsAndNamesFileInRefusals()
    {
        string directory = Directory.CreateTempSubdirectory("flightsw-loader").FullName;
        try
        {
            string good = Path.Combine(directory, "good.onnx");
            string bad = Path.Combine(directory, "bad.onnx");
            File.WriteAllBytes(good, TwoLayer());
            File.WriteAllBytes(bad, [.. TwoLayer().Take(40)]);

            Assert.Multiple(() =>
            {
                Assert.That(OnnxModelLoader.LoadFile(good).Nodes, Has.Count.EqualTo(3));
                Assert.That(() => OnnxModelLoader.LoadFile(bad), Throws.TypeOf<ModelLoadException>().With.Message.StartsWith($"{bad}: "));
            });
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Test]
    public void LoadFile_MissingFile_RefusedNamingPath()
    {
        string path = Path.Combine(Path.GetTempPath(), "flightsw-no-such-model.onnx");

        Assert.That(() => OnnxModelLoader.LoadFile(path), Throws.TypeOf<ModelLoadException>().With.Message.StartsWith($"{path}: cannot be read"));
    }

    [Test]
    public void Load_TruncatedFile_RefusedAsInvalidOnnx()
    {
        byte[] onnx = TwoLayer();

        var refusal = Refusal.Of([.. onnx.Take(onnx.Length - 7)]);

        Assert.Multiple(() =>
        {
            Refusal.Expect(refusal, Refusal.Source, "is not a valid ONNX file");
            Assert.That(refusal.InnerException, Is.TypeOf<InvalidProtocolBufferException>());
        });
    }

    [Test]
    public void Load_RandomGarbage_Refused()
    {
        var random = new Random(42);
        var garbage = new byte[4096];
        random.NextBytes(garbage);

        var refusal = Refusal.Of(garbage);

        Assert.That(refusal.Message, Does.StartWith($"{Refusal.Source}: "));
    }

    [Test]
    public void Load_EmptyBytes_RefusedForMissingGraph()
    {
        Refusal.Expect([], Refusal.Source, "holds no graph");
    }

    [Test]
    public void Load_RandomlyCorruptedModels_LoadOrRefuseButNeverThrowOtherwise()
    {
        byte[] onnx = TwoLayer();
        var random = new Random(7);
        for (int trial = 0; trial < 2000; trial++)
        {
            byte[] corrupt = (byte[])onnx.Clone();
            for (int flips = random.Next(1, 4); flips > 0; flips--)
            {
                corrupt[random.Next(corrupt.Length)] = (byte)random.Next(256);
            }

            try
            {
                OnnxModelLoader.Load(corrupt, "fuzz.onnx");
            }
            catch (ModelLoadException e)
            {
                Assert.That(e.Message, Does.StartWith("fuzz.onnx: "), $"trial {trial}");
            }
        }
    }

    [Test]
    public void Load_NoDefaultDomainOpset_Refused()
    {
        byte[] onnx = ModelEdit.Apply(TwoLayer(), model => model.OpsetImport[0].Domain = "ai.onnx.ml");

        Refusal.Expect(onnx, Refusal.Source, "imports no opset of the default ONNX domain", "'ai.onnx.ml'");
    }

    [Test]
    public void Load_OpsetTooNew_Refused()
    {
        byte[] onnx = ModelEdit.Apply(TwoLayer(), model => model.OpsetImport[0].Version = 99);

        Refusal.Expect(onnx, Refusal.Source, "opset 99", "6 to 23");
    }

    [Test]
    public void Load_NodeInOtherDomain_RefusedNamingNodeAndDomain()
    {
        byte[] onnx = ModelEdit.Apply(TwoLayer(), model => model.Node("relu").Domain = "com.microsoft");

        Refusal.Expect(onnx, "Relu node 'relu'", "domain 'com.microsoft'");
    }

    [Test]
    public void Load_UnsupportedOperator_RefusedListingSupportedOnes()
    {
        byte[] onnx = Refusal.Model([1, 4], (b, x) => b.Node("LSTM", [x], "lstm"));

        Refusal.Expect(onnx, "LSTM node 'lstm'", "operator 'LSTM' is not supported", "Conv", "MaxPool", "Softmax", "Unsqueeze");
    }

    [Test]
    public void Load_GraphAttribute_Refused()
    {
        byte[] onnx = ModelEdit.Apply(TwoLayer(), model => model.Node("relu").Attribute.Add(new AttributeProto { Name = "body", Type = AttributeProto.Types.AttributeType.Graph }));

        Refusal.Expect(onnx, "Relu node 'relu'", "attribute 'body'", "GRAPH");
    }

    [Test]
    public void Load_AttributeOfWrongKind_RefusedNamingNode()
    {
        byte[] onnx = Refusal.Model([1, 3, 4, 4], (b, x) => b.Node("MaxPool", [x], "pool", ("kernel_shape", 2)));

        Refusal.Expect(onnx, "MaxPool node 'pool'", "attribute 'kernel_shape'");
    }

    [Test]
    public void Load_UnknownInputName_Refused()
    {
        byte[] onnx = ModelEdit.Apply(TwoLayer(), model => model.Node("relu").Input[0] = "nowhere");

        Refusal.Expect(onnx, "Relu node 'relu'", "input 'nowhere' is not a graph input, an initializer or any node's output");
    }

    [Test]
    public void Load_Cycle_RefusedNamingTheLoop()
    {
        var builder = new ModelBuilder();
        string x = builder.Input("x", 1, 4);
        string a = builder.Node("Add", [x, "b_out"], "a");
        string b = builder.Node("Relu", [a], "b");
        builder.Output(builder.Node("Sigmoid", [b], "c"));

        Refusal.Expect(builder.ToBytes(), "Add node 'a'", "cycle", "'a' -> 'b' -> 'a'");
    }

    [Test]
    public void Load_ValueProducedTwice_Refused()
    {
        byte[] onnx = ModelEdit.Apply(TwoLayer(), model => model.Node("fc2").Output[0] = "relu_out");

        Refusal.Expect(onnx, "Gemm node 'fc2'", "output 'relu_out' is already produced by Relu node 'relu'");
    }

    [Test]
    public void Load_DuplicateNodeNames_Refused()
    {
        byte[] onnx = ModelEdit.Apply(TwoLayer(), model => model.Node("fc2").Name = "fc1");

        Refusal.Expect(onnx, "Gemm node 'fc1'", "another node is also named 'fc1'; node names must be unique");
    }

    [Test]
    public void Load_NoOutputs_Refused()
    {
        byte[] onnx = ModelEdit.Apply(TwoLayer(), model => model.Graph.Output.Clear());

        Refusal.Expect(onnx, Refusal.Source, "declares no outputs");
    }

    [Test]
    public void Load_ConstantGraphOutput_Refused()
    {
        var builder = new ModelBuilder();
        builder.Output(builder.Node("Relu", [builder.Input("x", 1, 2)], "r"));
        builder.Output(builder.Node("Shape", ["x"], "shape"));

        Refusal.Expect(builder.ToBytes(), "graph output 'shape_out'", "is a constant");
    }

    [Test]
    public void Load_OutputDeclaredWithOtherShape_Refused()
    {
        byte[] onnx = ModelEdit.Apply(TwoLayer(), model => model.Graph.Output[0].Type.TensorType.Shape = new TensorShapeProto
        {
            Dim = { new TensorShapeProto.Types.Dimension { DimParam = "N" }, new TensorShapeProto.Types.Dimension { DimValue = 3 } },
        });

        Refusal.Expect(onnx, "graph output 'fc2_out'", "is declared [N, 3]", "computes [1, 2]");
    }

    [Test]
    public void Load_OutputDeclaredInt64_Refused()
    {
        byte[] onnx = ModelEdit.Apply(TwoLayer(), model => model.Graph.Output[0].Type.TensorType.ElemType = 7);

        Refusal.Expect(onnx, "graph output 'fc2_out'", "INT64", "only float32");
    }

    private static float[] Ones(int count) => [.. Enumerable.Repeat(1f, count)];
}
