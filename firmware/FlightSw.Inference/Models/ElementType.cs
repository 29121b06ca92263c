namespace FlightSw.Inference.Models;

/// <summary>
/// Element types the engine knows. Only <see cref="Float32"/> flows at run time; the integer
/// types carry shape plumbing (Shape, Gather indices, Slice bounds, Reshape targets), which is
/// evaluated once at load. Values follow ONNX's <c>TensorProto.DataType</c>.
/// </summary>
public enum ElementType
{
    /// <summary>32-bit IEEE 754 float: the only type that flows at run time.</summary>
    Float32 = 1,

    /// <summary>32-bit signed integer (constants only).</summary>
    Int32 = 6,

    /// <summary>64-bit signed integer (constants only).</summary>
    Int64 = 7,

    /// <summary>Boolean (constants only).</summary>
    Bool = 9,

    /// <summary>64-bit IEEE 754 float (constants only, converted when cast to float).</summary>
    Float64 = 11,
}
