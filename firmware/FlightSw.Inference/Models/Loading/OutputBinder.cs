using System.Globalization;
using FlightSw.Inference.Models.Operators;
using FlightSw.Inference.Onnx;

namespace FlightSw.Inference.Models.Loading;

/// <summary>
/// Binds the graph's outputs to runtime values, refusing outputs nothing computes, constant
/// outputs, and declared types or static dimensions that disagree with inference.
/// </summary>
internal static class OutputBinder
{
    /// <summary>The outputs of <paramref name="graph"/> with their inferred shapes.</summary>
    /// <exception cref="ModelLoadException">No outputs, an unknown or constant output, or a declaration that disagrees.</exception>
    public static List<GraphValue> Bind(GraphProto graph, IReadOnlyDictionary<string, LoadedValue> values, string source)
    {
        if (graph.Output.Count == 0)
        {
            throw new ModelLoadException(source, "the graph declares no outputs");
        }

        var outputs = new List<GraphValue>(graph.Output.Count);
        foreach (var output in graph.Output)
        {
            string owner = $"graph output '{output.Name}'";
            var value = values.GetValueOrDefault(output.Name) ?? throw new ModelLoadException(owner, "is not produced by any node or graph input");
            if (value.IsConstant)
            {
                throw new ModelLoadException(owner, "is a constant (computed entirely at load, independent of the inputs); only outputs computed at run time are supported");
            }

            CheckDeclared(owner, output.Type?.TensorType, value.Shape);
            outputs.Add(new GraphValue(output.Name, value.Shape));
        }

        return outputs;
    }

    // A declared type or static dimension that disagrees with inference means the file and the engine disagree.
    private static void CheckDeclared(string owner, TypeProto.Types.Tensor? declared, TensorShape inferred)
    {
        if (declared is null)
        {
            return;
        }

        if (declared.ElemType is not (0 or (int)TensorProto.Types.DataType.Float))
        {
            throw new ModelLoadException(owner, $"is declared {DataTypeNames.Of(declared.ElemType)}; only float32 flows at run time");
        }

        var dims = declared.Shape?.Dim;
        bool mismatch = dims is not null && (dims.Count != inferred.Rank
            || dims.Select((dim, axis) => dim.HasDimValue && dim.DimValue >= 0 && dim.DimValue != inferred[axis]).Any(differs => differs));
        if (mismatch)
        {
            string text = string.Join(", ", dims!.Select(dim => dim.HasDimValue ? dim.DimValue.ToString(CultureInfo.InvariantCulture) : dim.DimParam));
            throw new ModelLoadException(owner, $"is declared [{text}], but the graph computes {inferred}");
        }
    }
}
