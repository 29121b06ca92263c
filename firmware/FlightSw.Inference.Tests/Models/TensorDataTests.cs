using FlightSw.Inference.Models;
using FlightSw.Inference.Onnx;
using Google.Protobuf;

namespace FlightSw.Inference.Tests.Models;

/// <summary>Initializer data: the encodings read, and the ones refused.</summary>
public class TensorDataTests
{
    private static byte[] WithBias(Action<TensorProto> edit) => ModelEdit.Apply(
        Refusal.Model([1, 3], (b, x) => b.Node("Add", [x, b.Initializer("bias", [1f, 2f, 3f], 3)], "add")),
        model => edit(model.Graph.Initializer.Single()));

    [Test]
    public void Load_FloatDataField_Read()
    {
        byte[] onnx = WithBias(tensor =>
        {
            tensor.ClearRawData();
            tensor.FloatData.AddRange([4f, 5f, 6f]);
        });

        Assert.That(OnnxModelLoader.Load(onnx, "m.onnx").Constants["bias"].Floats, Is.EqualTo(new[] { 4f, 5f, 6f }));
    }

    [Test]
    public void Load_RawDataLengthDiffersFromDims_Refused()
    {
        byte[] onnx = WithBias(tensor => tensor.RawData = ByteString.CopyFrom(new byte[8]));

        Refusal.Expect(onnx, "initializer 'bias'", "raw_data holds 8 bytes, but dims [3] of FLOAT need 12");
    }

    [Test]
    public void Load_TypedDataCountDiffersFromDims_Refused()
    {
        byte[] onnx = WithBias(tensor =>
        {
            tensor.ClearRawData();
            tensor.FloatData.AddRange([4f, 5f]);
        });

        Refusal.Expect(onnx, "initializer 'bias'", "holds 2 values, but dims [3] need 3");
    }

    [Test]
    public void Load_ExternalData_RefusedSayingSo()
    {
        byte[] onnx = WithBias(tensor =>
        {
            tensor.ClearRawData();
            tensor.DataLocation = TensorProto.Types.DataLocation.External;
            tensor.ExternalData.Add(new StringStringEntryProto { Key = "location", Value = "weights.bin" });
        });

        Refusal.Expect(onnx, "initializer 'bias'", "external file ('weights.bin')", "self-contained");
    }

    [Test]
    public void Load_Float16Initializer_RefusedNamingType()
    {
        byte[] onnx = WithBias(tensor => tensor.DataType = (int)TensorProto.Types.DataType.Float16);

        Refusal.Expect(onnx, "initializer 'bias'", "element type FLOAT16");
    }

    [Test]
    public void Load_NegativeDims_Refused()
    {
        byte[] onnx = WithBias(tensor => tensor.Dims[0] = -3);

        Refusal.Expect(onnx, "initializer 'bias'", "dimension -3");
    }

    [Test]
    public void Load_DoubleConstantCastToFloat_FoldedToFloat32()
    {
        var value = ConstantTensor.OfFloats("v", new TensorShape(2), [0.5f, 2f], ElementType.Float64);
        byte[] onnx = Refusal.Model([2], (b, x) => b.Node("Mul", [x, b.Node("Cast", [b.Node("Constant", [], "k", ("value", value))], "cast", ("to", 1))], "mul"));

        var constant = OnnxModelLoader.Load(onnx, "m.onnx").Constants["cast_out"];

        Assert.Multiple(() =>
        {
            Assert.That(constant.Type, Is.EqualTo(ElementType.Float32));
            Assert.That(constant.Floats, Is.EqualTo(new[] { 0.5f, 2f }));
        });
    }

    [Test]
    public void Load_RawInt64_Read()
    {
        byte[] onnx = ModelEdit.Apply(
            Refusal.Model([2, 3], (b, x) => b.Node("Reshape", [x, b.InitializerInt64("s", [3, 2], 2)], "r")),
            model =>
            {
                var tensor = model.Graph.Initializer.Single();
                tensor.Int64Data.Clear();
                tensor.RawData = ByteString.CopyFrom([.. BitConverter.GetBytes(3L), .. BitConverter.GetBytes(-1L)]);
            });

        Assert.That(OnnxModelLoader.Load(onnx, "m.onnx").Shapes["r_out"], Is.EqualTo(new TensorShape(3, 2)));
    }
}
