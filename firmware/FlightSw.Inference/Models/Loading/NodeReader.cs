using FlightSw.Inference.Models.Operators;
using FlightSw.Inference.Onnx;

namespace FlightSw.Inference.Models.Loading;

/// <summary>
/// Reads the graph's nodes in file order: names the unnamed ones <c>OpType_index</c>, decodes
/// attributes, and refuses other operator domains, unsupported operators and repeated names.
/// </summary>
internal static class NodeReader
{
    /// <summary>The nodes of <paramref name="graph"/> as written (attributes as given).</summary>
    /// <exception cref="ModelLoadException">A node in another domain, of an unsupported operator, with a repeated name or a bad attribute.</exception>
    public static List<GraphNode> Read(GraphProto graph)
    {
        var nodes = new List<GraphNode>(graph.Node.Count);
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < graph.Node.Count; i++)
        {
            var proto = graph.Node[i];
            string name = string.IsNullOrEmpty(proto.Name) ? $"{proto.OpType}_{i}" : proto.Name;
            string display = $"{proto.OpType} node '{name}'";
            if (proto.Domain is not ("" or "ai.onnx"))
            {
                throw new ModelLoadException(display, $"is in operator domain '{proto.Domain}'; only the default ONNX domain is supported");
            }

            if (OperatorRegistry.Find(proto.OpType) is null)
            {
                throw new ModelLoadException(display, $"operator '{proto.OpType}' is not supported; supported operators: {string.Join(", ", OperatorRegistry.Supported)}");
            }

            // Fault hooks and messages address nodes by name, so a name must mean one node.
            if (!names.Add(name))
            {
                throw new ModelLoadException(display, $"another node is also named '{name}'; node names must be unique");
            }

            nodes.Add(new GraphNode(name, proto.OpType, [.. proto.Input], [.. proto.Output], AttributeDecoder.Decode(display, proto.Attribute)));
        }

        return nodes;
    }
}
