using FlightSw.Inference.Models.Operators;

namespace FlightSw.Inference.Models.Loading;

/// <summary>Checks a node against its operator's signature: the opset it exists from, and its input and output counts.</summary>
internal static class NodeSignature
{
    /// <summary>Refuses <paramref name="node"/> when <paramref name="rule"/> does not accept its opset or arity.</summary>
    /// <exception cref="ModelLoadException">The operator is newer than the opset, or inputs or outputs are missing or too many.</exception>
    public static void Check(GraphNode node, OperatorRule rule, long opset)
    {
        if (opset < rule.SinceOpset)
        {
            throw new ModelLoadException(node.ToString(), $"{node.OpType} exists from opset {rule.SinceOpset}; the model imports opset {opset}");
        }

        int given = node.Inputs.Count;
        if (given > rule.MaxInputs)
        {
            throw new ModelLoadException(node.ToString(), $"has {Count(given, "input")}; {node.OpType} takes at most {rule.MaxInputs}");
        }

        if (given < rule.MinInputs || node.Inputs.Take(rule.MinInputs).Any(input => input.Length == 0))
        {
            throw new ModelLoadException(node.ToString(), $"has {Count(node.Inputs.Count(input => input.Length > 0), "input")}; {node.OpType} needs at least {rule.MinInputs}");
        }

        if (node.Outputs.Count == 0 || node.Outputs[0].Length == 0)
        {
            throw new ModelLoadException(node.ToString(), "has no output");
        }

        if (node.Outputs.Count > rule.MaxOutputs)
        {
            throw new ModelLoadException(node.ToString(), $"has {Count(node.Outputs.Count, "output")}; {node.OpType} supports at most {rule.MaxOutputs}");
        }
    }

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
