using FlightSw.Inference.Models;
using FlightSw.Inference.Protection;

namespace FlightSw.Inference.Execution;

/// <summary>
/// How a graph runs under a protection mode: one segment for the whole graph (replicated for
/// DMR and TMR, checked for ABFT), or for ABFT+TMR a checked body and a tail, from the final
/// weighted layer (the classifier head) on, run as three voted replicas.
/// </summary>
internal static class ExecutionPlan
{
    public static IReadOnlyList<PlannedSegment> Create(ModelGraph graph, ProtectionMode protection)
    {
        var inputs = graph.Inputs.Select(input => input.Name).ToList();
        var outputs = graph.Outputs.Select(output => output.Name).ToList();
        if (protection != ProtectionMode.AbftTmr)
        {
            var whole = SegmentCompiler.Compile(graph, graph.Nodes, inputs, outputs);
            return protection switch
            {
                ProtectionMode.Dmr => [new PlannedSegment(whole, 2, false)],
                ProtectionMode.Tmr => [new PlannedSegment(whole, 3, false)],
                ProtectionMode.Abft => [new PlannedSegment(whole, 1, true)],
                _ => [new PlannedSegment(whole, 1, false)],
            };
        }

        int split = LastWeightedNode(graph);
        var body = graph.Nodes.Take(split).ToList();
        var tail = graph.Nodes.Skip(split).ToList();
        var producedInTail = new HashSet<string>(tail.SelectMany(node => node.Outputs), StringComparer.Ordinal);
        var producedInBody = new HashSet<string>(body.SelectMany(node => node.Outputs), StringComparer.Ordinal);
        if (body.Count == 0 || outputs.Any(producedInBody.Contains))
        {
            // Nothing before the head, or an output computed before it: vote on everything.
            return [new PlannedSegment(SegmentCompiler.Compile(graph, graph.Nodes, inputs, outputs), 3, false)];
        }

        var crossing = tail.SelectMany(node => node.Inputs)
            .Where(name => name.Length > 0 && !graph.Constants.ContainsKey(name) && !producedInTail.Contains(name))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var bodyOutputs = crossing.Where(producedInBody.Contains).ToList();
        var bodySegment = SegmentCompiler.Compile(graph, body, inputs, bodyOutputs);
        var tailSegment = SegmentCompiler.Compile(graph, tail, crossing, outputs);
        return [new PlannedSegment(bodySegment, 1, true), new PlannedSegment(tailSegment, 3, false)];
    }

    private static int LastWeightedNode(ModelGraph graph)
    {
        for (int i = graph.Nodes.Count - 1; i >= 0; i--)
        {
            var node = graph.Nodes[i];
            bool weighted = node.OpType is "Conv" or "Gemm" or "MatMul" && node.Inputs.Count > 1 && graph.Constants.ContainsKey(node.Inputs[1]);
            if (weighted)
            {
                return i;
            }
        }

        return 0;
    }
}
