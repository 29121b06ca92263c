namespace FlightSw.Inference.Models.Operators;

/// <summary>A value known while loading: its static shape, and its data when it is a constant.</summary>
/// <param name="Name">The value's name in the graph.</param>
/// <param name="Shape">Its shape.</param>
/// <param name="Constant">Its data when known at load, else null (a float32 runtime value).</param>
internal sealed record LoadedValue(string Name, TensorShape Shape, ConstantTensor? Constant)
{
    /// <summary>True when the value is known at load.</summary>
    public bool IsConstant => Constant is not null;

    /// <summary>A runtime (float32) value.</summary>
    public static LoadedValue Runtime(string name, TensorShape shape) => new(name, shape, null);

    /// <summary>A constant value.</summary>
    public static LoadedValue Of(ConstantTensor constant) => new(constant.Name, constant.Shape, constant);
}
