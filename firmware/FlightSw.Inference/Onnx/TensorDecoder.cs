using System.Buffers.Binary;
using FlightSw.Inference.Models;

namespace FlightSw.Inference.Onnx;

/// <summary>
/// Reads ONNX <see cref="TensorProto"/>s (initializers, Constant values, tensor attributes) into
/// <see cref="ConstantTensor"/>s, refusing what would make the data ambiguous or absent.
/// </summary>
internal static class TensorDecoder
{
    private const string Supported = "FLOAT, DOUBLE, INT64, INT32 and BOOL";

    /// <summary>Decodes <paramref name="tensor"/> as value <paramref name="name"/>; errors name <paramref name="owner"/>.</summary>
    /// <exception cref="ModelLoadException">External data, an unsupported type, or data that does not fill the dims.</exception>
    public static ConstantTensor Decode(TensorProto tensor, string name, string owner)
    {
        if (tensor.DataLocation == TensorProto.Types.DataLocation.External || tensor.ExternalData.Count > 0)
        {
            string location = tensor.ExternalData.FirstOrDefault(entry => entry.Key == "location")?.Value ?? "unnamed";
            throw new ModelLoadException(owner, $"keeps its data in an external file ('{location}'); only self-contained models are loaded (save the model without external data)");
        }

        var shape = ShapeOf(tensor, owner);
        int count = shape.ElementCount;
        var type = (TensorProto.Types.DataType)tensor.DataType;
        return type switch
        {
            TensorProto.Types.DataType.Float => ConstantTensor.OfFloats(name, shape, ReadFloats(tensor, count, owner)),
            TensorProto.Types.DataType.Double => ConstantTensor.OfFloats(name, shape, ReadDoubles(tensor, count, owner), ElementType.Float64),
            TensorProto.Types.DataType.Int64 => ConstantTensor.OfIntegers(name, shape, ReadInt64s(tensor, count, owner)),
            TensorProto.Types.DataType.Int32 => ConstantTensor.OfIntegers(name, shape, ReadInt32s(tensor, count, 4, owner), ElementType.Int32),
            TensorProto.Types.DataType.Bool => ConstantTensor.OfIntegers(name, shape, ReadInt32s(tensor, count, 1, owner), ElementType.Bool),
            _ => throw new ModelLoadException(owner, $"has element type {DataTypeNames.Of(tensor.DataType)}; constants of {Supported} are supported"),
        };
    }

    private static TensorShape ShapeOf(TensorProto tensor, string owner)
    {
        var dims = new int[tensor.Dims.Count];
        for (int i = 0; i < dims.Length; i++)
        {
            long dim = tensor.Dims[i];
            if (dim is < 0 or > int.MaxValue)
            {
                throw new ModelLoadException(owner, $"has dimension {dim} in dims [{string.Join(", ", tensor.Dims)}]");
            }

            dims[i] = (int)dim;
        }

        try
        {
            return new TensorShape(dims);
        }
        catch (ArgumentException e)
        {
            throw new ModelLoadException(owner, Models.Loading.ExceptionText.Of(e), e);
        }
    }

    private static float[] ReadFloats(TensorProto tensor, int count, string owner)
    {
        if (!tensor.HasRawData)
        {
            RequireTyped(tensor.FloatData.Count, count, tensor, owner);
            return [.. tensor.FloatData];
        }

        var raw = RequireRaw(tensor, count, sizeof(float), owner);
        var values = new float[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = BinaryPrimitives.ReadSingleLittleEndian(raw[(i * sizeof(float))..]);
        }

        return values;
    }

    private static float[] ReadDoubles(TensorProto tensor, int count, string owner)
    {
        if (!tensor.HasRawData)
        {
            RequireTyped(tensor.DoubleData.Count, count, tensor, owner);
            return [.. tensor.DoubleData.Select(value => (float)value)];
        }

        var raw = RequireRaw(tensor, count, sizeof(double), owner);
        var values = new float[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = (float)BinaryPrimitives.ReadDoubleLittleEndian(raw[(i * sizeof(double))..]);
        }

        return values;
    }

    private static long[] ReadInt64s(TensorProto tensor, int count, string owner)
    {
        if (!tensor.HasRawData)
        {
            RequireTyped(tensor.Int64Data.Count, count, tensor, owner);
            return [.. tensor.Int64Data];
        }

        var raw = RequireRaw(tensor, count, sizeof(long), owner);
        var values = new long[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = BinaryPrimitives.ReadInt64LittleEndian(raw[(i * sizeof(long))..]);
        }

        return values;
    }

    // INT32 (4 bytes raw) and BOOL (1 byte raw) share the int32_data field.
    private static long[] ReadInt32s(TensorProto tensor, int count, int rawSize, string owner)
    {
        if (!tensor.HasRawData)
        {
            RequireTyped(tensor.Int32Data.Count, count, tensor, owner);
            return [.. tensor.Int32Data.Select(value => (long)value)];
        }

        var raw = RequireRaw(tensor, count, rawSize, owner);
        var values = new long[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = rawSize == 1 ? raw[i] : BinaryPrimitives.ReadInt32LittleEndian(raw[(i * rawSize)..]);
        }

        return values;
    }

    private static ReadOnlySpan<byte> RequireRaw(TensorProto tensor, int count, int size, string owner)
    {
        long expected = (long)count * size;
        if (tensor.RawData.Length != expected)
        {
            throw new ModelLoadException(owner, $"raw_data holds {tensor.RawData.Length} bytes, but dims [{string.Join(", ", tensor.Dims)}] of {DataTypeNames.Of(tensor.DataType)} need {expected}");
        }

        return tensor.RawData.Span;
    }

    private static void RequireTyped(int given, int count, TensorProto tensor, string owner)
    {
        if (given != count)
        {
            throw new ModelLoadException(owner, $"holds {given} values, but dims [{string.Join(", ", tensor.Dims)}] need {count}");
        }
    }
}
