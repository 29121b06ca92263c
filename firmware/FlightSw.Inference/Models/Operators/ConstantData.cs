namespace FlightSw.Inference.Models.Operators;

/// <summary>Builds folded constants: renamed or reshaped copies, and gathers of elements by index.</summary>
internal static class ConstantData
{
    /// <summary><paramref name="source"/>'s elements, same type, as <paramref name="name"/> of <paramref name="shape"/>.</summary>
    public static ConstantTensor Reshaped(ConstantTensor source, string name, TensorShape shape) => source.IsFloat
        ? ConstantTensor.OfFloats(name, shape, source.Floats!, source.Type)
        : ConstantTensor.OfIntegers(name, shape, source.Integers!, source.Type);

    /// <summary>Element <c>map[i]</c> of <paramref name="source"/> at position i of a new constant of <paramref name="shape"/>.</summary>
    public static ConstantTensor Take(ConstantTensor source, int[] map, string name, TensorShape shape) => source.IsFloat
        ? ConstantTensor.OfFloats(name, shape, [.. map.Select(index => source.Floats![index])], source.Type)
        : ConstantTensor.OfIntegers(name, shape, [.. map.Select(index => source.Integers![index])], source.Type);

    /// <summary>Strides of a row-major tensor of <paramref name="shape"/>.</summary>
    public static int[] Strides(TensorShape shape)
    {
        var strides = new int[shape.Rank];
        int stride = 1;
        for (int axis = shape.Rank - 1; axis >= 0; axis--)
        {
            strides[axis] = stride;
            stride *= shape[axis];
        }

        return strides;
    }
}
