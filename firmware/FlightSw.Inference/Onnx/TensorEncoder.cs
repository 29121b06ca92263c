using System.Buffers.Binary;
using FlightSw.Inference.Models;
using Google.Protobuf;

namespace FlightSw.Inference.Onnx;

/// <summary>Writes constants as ONNX <see cref="TensorProto"/>s (the model builder's side of <see cref="TensorDecoder"/>).</summary>
internal static class TensorEncoder
{
    /// <summary>Float32 values as raw little-endian bytes, the form exporters write.</summary>
    public static TensorProto Floats(string name, ReadOnlySpan<float> values, ReadOnlySpan<int> shape)
    {
        var bytes = new byte[values.Length * sizeof(float)];
        for (int i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * sizeof(float)), values[i]);
        }

        var tensor = Header(name, TensorProto.Types.DataType.Float, shape);
        tensor.RawData = ByteString.CopyFrom(bytes);
        return tensor;
    }

    /// <summary>Int64 values in the typed <c>int64_data</c> field.</summary>
    public static TensorProto Int64s(string name, ReadOnlySpan<long> values, ReadOnlySpan<int> shape)
    {
        var tensor = Header(name, TensorProto.Types.DataType.Int64, shape);
        tensor.Int64Data.AddRange(values.ToArray());
        return tensor;
    }

    /// <summary>Any constant, in the typed field of its element type.</summary>
    public static TensorProto Constant(ConstantTensor constant)
    {
        var tensor = Header(constant.Name, (TensorProto.Types.DataType)(int)constant.Type, constant.Shape.Dims);
        switch (constant.Type)
        {
            case ElementType.Float32:
                tensor.FloatData.AddRange(constant.Floats!);
                break;
            case ElementType.Float64:
                tensor.DoubleData.AddRange(constant.Floats!.Select(value => (double)value));
                break;
            case ElementType.Int64:
                tensor.Int64Data.AddRange(constant.Integers!);
                break;
            default:
                // Int32 and Bool share int32_data; the values fit because they came from such a tensor.
                tensor.Int32Data.AddRange(constant.Integers!.Select(value => unchecked((int)value)));
                break;
        }

        return tensor;
    }

    private static TensorProto Header(string name, TensorProto.Types.DataType type, ReadOnlySpan<int> shape)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)type };
        foreach (int dim in shape)
        {
            tensor.Dims.Add(dim);
        }

        return tensor;
    }
}
