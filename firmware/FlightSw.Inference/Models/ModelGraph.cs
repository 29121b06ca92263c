namespace FlightSw.Inference.Models;

/// <summary>
/// A model as loaded and checked: every node supported, every shape static, constant
/// sub-graphs (Constant, Shape and what is computed only from constants) folded away.
/// </summary>
/// <remarks>
/// What the loader guarantees to the engine:
/// <list type="bullet">
/// <item><see cref="Nodes"/> are in an order where every input is produced before use, and each
/// has only float32 runtime inputs besides constants from <see cref="Constants"/>.</item>
/// <item><see cref="Shapes"/> holds the static shape of every runtime value (graph inputs, node outputs).</item>
/// <item>Defaults are explicit: Conv, MaxPool and AveragePool carry <c>kernel_shape</c>, <c>strides</c>,
/// <c>pads</c> (begin for every spatial axis, then end; auto_pad resolved), <c>dilations</c> and
/// <c>group</c>; pools carry <c>ceil_mode</c> and <c>count_include_pad</c>; Clip carries float
/// <c>min</c> and <c>max</c> (from its inputs in opset 11+); Softmax, Concat, Flatten, Gather
/// carry a non-negative <c>axis</c>; Slice carries <c>starts</c>, <c>ends</c>, <c>axes</c>,
/// <c>steps</c> clamped to the input shape; Squeeze and Unsqueeze carry non-negative
/// <c>axes</c>; Transpose carries <c>perm</c>; Gemm carries <c>alpha</c>, <c>beta</c>,
/// <c>transA</c>, <c>transB</c>. Inputs that were given as constants in newer opsets (Clip
/// bounds, Slice bounds, Reshape shape, Squeeze/Unsqueeze axes) stay in <see cref="GraphNode.Inputs"/>
/// but need not be read.</item>
/// <item>Also explicit: Conv and pools carry <c>auto_pad</c> = NOTSET (resolved into <c>pads</c>);
/// Reshape carries the resolved target as <c>shape</c>; Softmax carries <c>coerce2d</c> (1 before
/// opset 13: softmax over all axes from <c>axis</c> on; 0: over <c>axis</c> alone); BatchNormalization
/// carries <c>epsilon</c>; HardSigmoid carries <c>alpha</c> and <c>beta</c>.</item>
/// <item>A runtime Gather's indices constant holds non-negative, in-range indices (the loader
/// substitutes a normalised copy named <c>&lt;node&gt;::indices</c> when the file's has negative ones).
/// A runtime Cast always has <c>to</c> = 1 (float32), an alias like Identity and Dropout.</item>
/// <item><see cref="Constants"/> holds exactly the constants the runtime nodes take as inputs.</item>
/// </list>
/// </remarks>
public sealed class ModelGraph
{
    /// <summary>Creates a graph; the loader checks the guarantees.</summary>
    public ModelGraph(
        string name,
        long opsetVersion,
        IReadOnlyList<GraphValue> inputs,
        IReadOnlyList<GraphValue> outputs,
        IReadOnlyList<GraphNode> nodes,
        IReadOnlyDictionary<string, ConstantTensor> constants,
        IReadOnlyDictionary<string, TensorShape> shapes)
    {
        Name = name;
        OpsetVersion = opsetVersion;
        Inputs = inputs;
        Outputs = outputs;
        Nodes = nodes;
        Constants = constants;
        Shapes = shapes;
    }

    /// <summary>The graph's name (or the file's name when the graph has none).</summary>
    public string Name { get; }

    /// <summary>The default-domain opset the model imports.</summary>
    public long OpsetVersion { get; }

    /// <summary>The runtime inputs (initializers listed as inputs are not among them).</summary>
    public IReadOnlyList<GraphValue> Inputs { get; }

    /// <summary>The outputs.</summary>
    public IReadOnlyList<GraphValue> Outputs { get; }

    /// <summary>The runtime nodes in execution order.</summary>
    public IReadOnlyList<GraphNode> Nodes { get; }

    /// <summary>Initializers and folded constants, by value name.</summary>
    public IReadOnlyDictionary<string, ConstantTensor> Constants { get; }

    /// <summary>The shape of every runtime value, by name.</summary>
    public IReadOnlyDictionary<string, TensorShape> Shapes { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Name}: {Nodes.Count} nodes, {Inputs.Count} input(s), {Outputs.Count} output(s)";
}
