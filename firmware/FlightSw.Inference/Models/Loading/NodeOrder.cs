namespace FlightSw.Inference.Models.Loading;

/// <summary>
/// Orders nodes so every input is produced before use (Kahn's algorithm, keeping file order where
/// it is free), refusing inputs nothing produces, values produced twice, and cycles.
/// </summary>
internal static class NodeOrder
{
    /// <summary>The nodes in execution order; <paramref name="available"/> are the graph inputs and initializers.</summary>
    /// <exception cref="ModelLoadException">An unknown input, a value produced twice, or a cycle.</exception>
    public static IReadOnlyList<GraphNode> Sort(IReadOnlyList<GraphNode> nodes, IReadOnlySet<string> available)
    {
        var producer = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < nodes.Count; i++)
        {
            foreach (string output in nodes[i].Outputs.Where(output => output.Length > 0))
            {
                if (available.Contains(output) || !producer.TryAdd(output, i))
                {
                    string first = available.Contains(output) ? "a graph input or initializer" : nodes[producer[output]].ToString();
                    throw new ModelLoadException(nodes[i].ToString(), $"output '{output}' is already produced by {first}");
                }
            }
        }

        var waiting = new int[nodes.Count];
        var consumers = Enumerable.Range(0, nodes.Count).Select(_ => new List<int>()).ToArray();
        for (int i = 0; i < nodes.Count; i++)
        {
            foreach (string input in nodes[i].Inputs.Where(input => input.Length > 0).Distinct())
            {
                if (producer.TryGetValue(input, out int from))
                {
                    waiting[i]++;
                    consumers[from].Add(i);
                }
                else if (!available.Contains(input))
                {
                    throw new ModelLoadException(nodes[i].ToString(), $"input '{input}' is not a graph input, an initializer or any node's output");
                }
            }
        }

        var ready = new PriorityQueue<int, int>(Enumerable.Range(0, nodes.Count).Where(i => waiting[i] == 0).Select(i => (i, i)));
        var order = new List<GraphNode>(nodes.Count);
        while (ready.TryDequeue(out int next, out _))
        {
            order.Add(nodes[next]);
            foreach (int consumer in consumers[next].Where(consumer => --waiting[consumer] == 0))
            {
                ready.Enqueue(consumer, consumer);
            }
        }

        if (order.Count < nodes.Count)
        {
            throw Cycle(nodes, producer, waiting);
        }

        return order;
    }

    // Walks back from an unsorted node through unsorted producers until a node repeats: that loop is the cycle.
    private static ModelLoadException Cycle(IReadOnlyList<GraphNode> nodes, Dictionary<string, int> producer, int[] waiting)
    {
        var path = new List<int> { Array.FindIndex(waiting, count => count > 0) };
        while (true)
        {
            int from = nodes[path[^1]].Inputs
                .Where(input => producer.TryGetValue(input, out int p) && waiting[p] > 0)
                .Select(input => producer[input])
                .First();
            int seen = path.IndexOf(from);
            if (seen >= 0)
            {
                // Data flows from each producer to the node before it on the path.
                var loop = path.Skip(seen).Reverse().Prepend(from).Select(i => $"'{nodes[i].Name}'");
                return new ModelLoadException(nodes[from].ToString(), $"is part of a cycle ({string.Join(" -> ", loop)}); a graph must be acyclic");
            }

            path.Add(from);
        }
    }
}
