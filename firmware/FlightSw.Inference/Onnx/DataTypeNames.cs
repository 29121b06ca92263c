namespace FlightSw.Inference.Onnx;

/// <summary>ONNX data type names as the ONNX documentation spells them (FLOAT, INT64, ...), for messages.</summary>
internal static class DataTypeNames
{
    /// <summary>The name of <c>TensorProto.DataType</c> value <paramref name="dataType"/>.</summary>
    public static string Of(int dataType) => Enum.IsDefined((TensorProto.Types.DataType)dataType)
        ? ((TensorProto.Types.DataType)dataType).ToString().ToUpperInvariant()
        : $"data type {dataType}";
}
