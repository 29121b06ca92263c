namespace FlightSw.Inference.Models;

/// <summary>
/// A tensor whose value is known at load: an initializer, a Constant node's value, or a value
/// folded from constants (shape plumbing). Floats are held as float, every integer and boolean
/// type as long.
/// </summary>
public sealed class ConstantTensor
{
    private ConstantTensor(string name, ElementType type, TensorShape shape, float[]? floats, long[]? integers)
    {
        Name = name;
        Type = type;
        Shape = shape;
        Floats = floats;
        Integers = integers;
    }

    /// <summary>The value's name in the graph.</summary>
    public string Name { get; }

    /// <summary>The declared element type.</summary>
    public ElementType Type { get; }

    /// <summary>The shape.</summary>
    public TensorShape Shape { get; }

    /// <summary>The elements when <see cref="Type"/> is <see cref="ElementType.Float32"/> or <see cref="ElementType.Float64"/>, else null.</summary>
    public float[]? Floats { get; }

    /// <summary>The elements when <see cref="Type"/> is an integer or boolean type, else null.</summary>
    public long[]? Integers { get; }

    /// <summary>True when the elements are floats.</summary>
    public bool IsFloat => Floats is not null;

    /// <summary>A float constant.</summary>
    /// <exception cref="ArgumentException">The element count does not match the shape.</exception>
    public static ConstantTensor OfFloats(string name, TensorShape shape, float[] values, ElementType type = ElementType.Float32)
    {
        Require(name, shape, values.Length);
        return new(name, type, shape, values, null);
    }

    /// <summary>An integer (or boolean) constant.</summary>
    /// <exception cref="ArgumentException">The element count does not match the shape.</exception>
    public static ConstantTensor OfIntegers(string name, TensorShape shape, long[] values, ElementType type = ElementType.Int64)
    {
        Require(name, shape, values.Length);
        return new(name, type, shape, null, values);
    }

    /// <summary>The elements as floats (integers converted).</summary>
    public float[] AsFloats() => Floats ?? [.. Integers!.Select(value => (float)value)];

    /// <summary>The elements as longs (floats truncated toward zero, as ONNX Cast does).</summary>
    public long[] AsIntegers() => Integers ?? [.. Floats!.Select(value => (long)value)];

    /// <inheritdoc />
    public override string ToString() => $"{Name} {Type} {Shape}";

    private static void Require(string name, TensorShape shape, int count)
    {
        if (shape.ElementCount != count)
        {
            throw new ArgumentException($"Constant '{name}' has {count} elements but its shape {shape} holds {shape.ElementCount}.");
        }
    }
}
