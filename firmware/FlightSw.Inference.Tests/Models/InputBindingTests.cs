using FlightSw.Inference.Models;
using FlightSw.Inference.Onnx;

namespace FlightSw.Inference.Tests.Models;

/// <summary>Graph input shapes: symbolic dimensions bound by the caller or defaulted, and inputs refused.</summary>
public class InputBindingTests
{
    private static byte[] Model(params object?[] dims)
    {
        var builder = new ModelBuilder();
        builder.Output(builder.Node("Relu", [builder.SymbolicInput("x", dims)], "r"));
        return builder.ToBytes();
    }

    [Test]
    public void Load_SymbolicBatch_DefaultsToOne()
    {
        var graph = OnnxModelLoader.Load(Model("N", 3), "m.onnx");

        Assert.Multiple(() =>
        {
            Assert.That(graph.Inputs.Single().Shape, Is.EqualTo(new TensorShape(1, 3)));
            Assert.That(graph.Outputs.Single().Shape, Is.EqualTo(new TensorShape(1, 3)));
        });
    }

    [Test]
    public void Load_MissingBatch_DefaultsToOne()
    {
        Assert.That(OnnxModelLoader.Load(Model(null, 3), "m.onnx").Inputs.Single().Shape, Is.EqualTo(new TensorShape(1, 3)));
    }

    [Test]
    public void Load_BatchBoundByInputName_UsesIt()
    {
        var graph = OnnxModelLoader.Load(Model("N", 3), "m.onnx", new Dictionary<string, int> { ["x"] = 4 });

        Assert.That(graph.Shapes["r_out"], Is.EqualTo(new TensorShape(4, 3)));
    }

    [Test]
    public void Load_InnerSymbolBoundBySymbolName_UsesIt()
    {
        var graph = OnnxModelLoader.Load(Model("N", "len"), "m.onnx", new Dictionary<string, int> { ["len"] = 16, ["N"] = 2 });

        Assert.That(graph.Inputs.Single().Shape, Is.EqualTo(new TensorShape(2, 16)));
    }

    [Test]
    public void Load_UnboundInnerSymbol_RefusedNamingInputAndDimension()
    {
        Refusal.Expect(Refusal.Of(Model("N", "len")), "graph input 'x'", "dimension 1 ('len') is symbolic and not bound");
    }

    [Test]
    public void Load_UnboundInnerMissingDimension_Refused()
    {
        Refusal.Expect(Refusal.Of(Model(1, null)), "graph input 'x'", "dimension 1 ('unnamed') is symbolic and not bound");
    }

    [Test]
    public void Load_DimensionBoundToZero_Refused()
    {
        Refusal.Expect(Refusal.Of(Model("N", 3), new Dictionary<string, int> { ["N"] = 0 }), "graph input 'x'", "bound to 0");
    }

    [Test]
    public void Load_UnknownDimensionKey_Refused()
    {
        Refusal.Expect(Refusal.Of(Model("N", 3), new Dictionary<string, int> { ["batch"] = 2 }), Refusal.Source, "dimensions names 'batch'", "known: N, x");
    }

    [Test]
    public void Load_Int64Input_RefusedAsNotFloat32()
    {
        byte[] onnx = ModelEdit.Apply(Model(1, 3), model => model.Graph.Input[0].Type.TensorType.ElemType = (int)TensorProto.Types.DataType.Int64);

        Refusal.Expect(onnx, "graph input 'x'", "is INT64; only float32 flows at run time");
    }

    [Test]
    public void Load_InputWithoutShape_Refused()
    {
        byte[] onnx = ModelEdit.Apply(Model(1, 3), model => model.Graph.Input[0].Type.TensorType.Shape = null);

        Refusal.Expect(onnx, "graph input 'x'", "declares no shape");
    }

    [Test]
    public void Load_InputNotATensor_Refused()
    {
        byte[] onnx = ModelEdit.Apply(Model(1, 3), model => model.Graph.Input[0].Type = new TypeProto());

        Refusal.Expect(onnx, "graph input 'x'", "is not a tensor");
    }

    [Test]
    public void Load_ZeroDimension_Refused()
    {
        Refusal.Expect(Refusal.Of(Model(1, 0)), "graph input 'x'", "dimension 1 is 0");
    }
}
