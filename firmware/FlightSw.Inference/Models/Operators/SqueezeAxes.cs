namespace FlightSw.Inference.Models.Operators;

/// <summary>The axes of Squeeze and Unsqueeze: where they come from in each opset, and their normalisation.</summary>
internal static class SqueezeAxes
{
    /// <summary>The axes given to <paramref name="node"/> (attribute before <paramref name="inputOpset"/>, else input 1), or null when none.</summary>
    public static long[]? Given(NodeContext node, long inputOpset)
    {
        if (node.Opset < inputOpset)
        {
            return node.Has(1)
                ? throw node.Fail($"takes axes as an input, which opset {node.Opset} does not define (from opset {inputOpset}); use the axes attribute")
                : node.Attributes.GetInts("axes");
        }

        return node.Has(1) ? node.RequireIntegers(1, "axes") : null;
    }

    /// <summary>Axes made non-negative for <paramref name="rank"/>, sorted, refusing repeats.</summary>
    public static int[] Normalize(NodeContext node, long[] axes, int rank)
    {
        int[] normalized = [.. axes.Select(axis => node.Axis(axis, rank, "axes entry")).Order()];
        if (normalized.Distinct().Count() != normalized.Length)
        {
            throw node.Fail($"axes [{string.Join(", ", axes)}] repeat an axis");
        }

        return normalized;
    }
}
