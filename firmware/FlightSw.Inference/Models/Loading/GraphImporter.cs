using FlightSw.Inference.Models.Operators;
using FlightSw.Inference.Onnx;

namespace FlightSw.Inference.Models.Loading;

/// <summary>
/// Turns a parsed ONNX graph into a <see cref="ModelGraph"/>: binds input shapes, orders the nodes,
/// checks each against its operator rule, folds what is constant and keeps the runtime nodes.
/// </summary>
internal sealed class GraphImporter
{
    /// <summary>The oldest default-domain opset supported (Clip's attribute form, opset 6).</summary>
    public const long MinOpset = 6;

    /// <summary>The newest default-domain opset whose operator definitions the rules follow.</summary>
    public const long MaxOpset = 23;

    private readonly string _source;
    private readonly long _opset;
    private readonly Dictionary<string, LoadedValue> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TensorShape> _shapes = new(StringComparer.Ordinal);
    private readonly List<GraphNode> _nodes = [];

    private GraphImporter(string source, long opset)
    {
        _source = source;
        _opset = opset;
    }

    /// <summary>Imports <paramref name="model"/>, read from <paramref name="source"/>, binding symbolic dimensions from <paramref name="dimensions"/>.</summary>
    /// <exception cref="ModelLoadException">Anything the engine cannot run exactly as the file says.</exception>
    public static ModelGraph Import(ModelProto model, string source, IReadOnlyDictionary<string, int> dimensions)
    {
        var graph = model.Graph ?? throw new ModelLoadException(source, "the file holds no graph");
        var importer = new GraphImporter(source, DefaultOpset(model, source));
        importer.AddInitializers(graph);
        var inputs = importer.BindInputs(graph, dimensions);
        foreach (var node in NodeOrder.Sort(NodeReader.Read(graph), importer._values.Keys.ToHashSet(StringComparer.Ordinal)))
        {
            importer.Add(node);
        }

        var outputs = OutputBinder.Bind(graph, importer._values, source);
        // Only what the runtime nodes read: folded intermediates and unused initializers would waste protected memory.
        var constants = importer._nodes
            .SelectMany(node => node.Inputs)
            .Where(input => input.Length > 0 && importer._values[input].IsConstant)
            .Distinct(StringComparer.Ordinal)
            .ToDictionary(input => input, input => importer._values[input].Constant!, StringComparer.Ordinal);
        string name = string.IsNullOrEmpty(graph.Name) ? Path.GetFileName(source) : graph.Name;
        return new ModelGraph(name, importer._opset, inputs, outputs, importer._nodes, constants, importer._shapes);
    }

    private static long DefaultOpset(ModelProto model, string source)
    {
        long[] versions = [.. model.OpsetImport.Where(import => import.Domain is "" or "ai.onnx").Select(import => import.Version)];
        if (versions.Length == 0)
        {
            string others = string.Join(", ", model.OpsetImport.Select(import => $"'{import.Domain}'"));
            throw new ModelLoadException(source, $"the model imports no opset of the default ONNX domain{(others.Length > 0 ? $" (only {others})" : string.Empty)}");
        }

        long opset = versions.Max();
        return opset is >= MinOpset and <= MaxOpset
            ? opset
            : throw new ModelLoadException(source, $"the model imports default-domain opset {opset}; opsets {MinOpset} to {MaxOpset} are supported");
    }

    private void AddInitializers(GraphProto graph)
    {
        foreach (var initializer in graph.Initializer)
        {
            if (string.IsNullOrEmpty(initializer.Name))
            {
                throw new ModelLoadException(_source, "an initializer has no name");
            }

            var constant = TensorDecoder.Decode(initializer, initializer.Name, $"initializer '{initializer.Name}'");
            if (!_values.TryAdd(initializer.Name, LoadedValue.Of(constant)))
            {
                throw new ModelLoadException($"initializer '{initializer.Name}'", "is given twice");
            }
        }
    }

    // An input that is also an initializer is a constant with a default the engine never overrides.
    private List<GraphValue> BindInputs(GraphProto graph, IReadOnlyDictionary<string, int> dimensions)
    {
        var runtime = graph.Input.Where(input => !_values.ContainsKey(input.Name)).ToList();
        var keys = runtime.SelectMany(InputBinder.Keys).ToHashSet(StringComparer.Ordinal);
        foreach (string key in dimensions.Keys.Where(key => !keys.Contains(key)))
        {
            throw new ModelLoadException(_source, $"dimensions names '{key}', which is neither a graph input nor a symbolic dimension of one (known: {string.Join(", ", keys.Order(StringComparer.Ordinal))})");
        }

        var inputs = new List<GraphValue>(runtime.Count);
        foreach (var input in runtime)
        {
            if (string.IsNullOrEmpty(input.Name))
            {
                throw new ModelLoadException(_source, "a graph input has no name");
            }

            var shape = InputBinder.Bind(input, dimensions);
            if (!_values.TryAdd(input.Name, LoadedValue.Runtime(input.Name, shape)))
            {
                throw new ModelLoadException($"graph input '{input.Name}'", "is declared twice");
            }

            _shapes[input.Name] = shape;
            inputs.Add(new GraphValue(input.Name, shape));
        }

        return inputs;
    }

    private void Add(GraphNode node)
    {
        var rule = OperatorRegistry.Find(node.OpType)!;
        NodeSignature.Check(node, rule, _opset);
        LoadedValue?[] inputs = [.. node.Inputs.Select(name => name.Length == 0 ? null : _values[name])];
        var context = new NodeContext(node, _opset, inputs);
        try
        {
            var inferred = rule.Infer(context);
            foreach (string extra in node.Outputs.Skip(inferred.OutputShapes.Count).Where(output => output.Length > 0))
            {
                throw context.Fail($"output '{extra}' is not supported; {node.OpType} produces {inferred.OutputShapes.Count} here");
            }

            if (rule.AlwaysFolds || inputs.All(input => input is null || input.IsConstant))
            {
                var folded = rule.Fold(context, inferred)
                    ?? throw context.Fail($"has only constant inputs, and evaluating {node.OpType} at load is not supported");
                foreach (var constant in folded)
                {
                    _values[constant.Name] = LoadedValue.Of(constant);
                }
            }
            else
            {
                AddRuntime(node, rule, context, inferred, inputs);
            }
        }
        catch (Exception e) when (e is OverflowException or ArgumentException)
        {
            // Sizes beyond what the engine can hold (more than int.MaxValue elements, overflowing products).
            throw new ModelLoadException(node.ToString(), ExceptionText.Of(e), e);
        }
    }

    private void AddRuntime(GraphNode node, OperatorRule rule, NodeContext context, InferredNode inferred, LoadedValue?[] inputs)
    {
        for (int i = 0; i < inputs.Length; i++)
        {
            if (inputs[i]?.Constant is { } constant && !rule.IsParameterInput(i) && constant.Type != ElementType.Float32)
            {
                throw context.Fail($"input '{constant.Name}' is a {constant.Type} constant; only float32 data flows at run time");
            }
        }

        foreach (var constant in inferred.AddedConstants)
        {
            if (!_values.TryAdd(constant.Name, LoadedValue.Of(constant)))
            {
                throw context.Fail($"the loader's constant '{constant.Name}' clashes with a value of the graph");
            }
        }

        for (int i = 0; i < inferred.OutputShapes.Count; i++)
        {
            string output = node.Outputs[i];
            if (inferred.OutputShapes[i].ElementCount == 0)
            {
                throw context.Fail($"output '{output}' would be empty (shape {inferred.OutputShapes[i]}); empty runtime tensors are not supported");
            }

            _values[output] = LoadedValue.Runtime(output, inferred.OutputShapes[i]);
            _shapes[output] = inferred.OutputShapes[i];
        }

        _nodes.Add(node with { Inputs = inferred.Inputs ?? node.Inputs, Attributes = inferred.Attributes });
    }
}
