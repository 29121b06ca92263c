using FlightSw.Inference.Onnx;

namespace FlightSw.Inference.Models.Loading;

/// <summary>
/// Turns a graph input's declared type into a static float32 shape. A symbolic dimension takes
/// its value from the caller's dimensions by symbol name; the first (batch) dimension also by
/// input name, and defaults to 1. Any other unbound symbol is refused.
/// </summary>
internal static class InputBinder
{
    /// <summary>The static shape of <paramref name="input"/>.</summary>
    /// <exception cref="ModelLoadException">Not a float32 tensor, no shape, or an unbound or invalid dimension.</exception>
    public static TensorShape Bind(ValueInfoProto input, IReadOnlyDictionary<string, int> dimensions)
    {
        string owner = $"graph input '{input.Name}'";
        var tensor = input.Type?.TensorType ?? throw new ModelLoadException(owner, "is not a tensor");
        if (tensor.ElemType != (int)TensorProto.Types.DataType.Float)
        {
            throw new ModelLoadException(owner, $"is {DataTypeNames.Of(tensor.ElemType)}; only float32 flows at run time");
        }

        if (tensor.Shape is null)
        {
            throw new ModelLoadException(owner, "declares no shape; the engine needs every shape at load");
        }

        var dims = new int[tensor.Shape.Dim.Count];
        for (int i = 0; i < dims.Length; i++)
        {
            dims[i] = Dimension(owner, input.Name, i, tensor.Shape.Dim[i], dimensions);
        }

        try
        {
            return new TensorShape(dims);
        }
        catch (ArgumentException e)
        {
            throw new ModelLoadException(owner, ExceptionText.Of(e), e);
        }
    }

    /// <summary>The keys <paramref name="input"/> can bind: its name and its symbols.</summary>
    public static IEnumerable<string> Keys(ValueInfoProto input) =>
        (input.Type?.TensorType?.Shape?.Dim ?? [])
            .Where(dim => dim.HasDimParam && dim.DimParam.Length > 0)
            .Select(dim => dim.DimParam)
            .Append(input.Name);

    private static int Dimension(string owner, string name, int index, TensorShapeProto.Types.Dimension dim, IReadOnlyDictionary<string, int> dimensions)
    {
        // A negative value is how some exporters say "unknown": treat it like a missing one.
        if (dim.HasDimValue && dim.DimValue >= 0)
        {
            return dim.DimValue is >= 1 and <= int.MaxValue
                ? (int)dim.DimValue
                : throw new ModelLoadException(owner, $"dimension {index} is {dim.DimValue}; each must be between 1 and {int.MaxValue}");
        }

        string symbol = dim.HasDimParam && dim.DimParam.Length > 0 ? dim.DimParam : "unnamed";
        int? bound = index == 0 && dimensions.TryGetValue(name, out int byInput) ? byInput
            : dimensions.TryGetValue(symbol, out int bySymbol) ? bySymbol
            : index == 0 ? 1
            : null;
        return bound switch
        {
            null => throw new ModelLoadException(owner, $"dimension {index} ('{symbol}') is symbolic and not bound; pass its size in dimensions[\"{symbol}\"]"),
            < 1 => throw new ModelLoadException(owner, $"dimension {index} ('{symbol}') is bound to {bound}; it must be at least 1"),
            _ => bound.Value,
        };
    }
}
