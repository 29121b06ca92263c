namespace FlightSw.Inference.Models.Operators;

/// <summary>
/// What the loader knows about one ONNX operator: how many inputs and outputs it takes, how to
/// check a node and infer its output shapes with every default made explicit, and how to
/// evaluate it at load when its inputs are constants.
/// </summary>
internal abstract class OperatorRule
{
    /// <summary>Creates the rule for <paramref name="opType"/>.</summary>
    protected OperatorRule(string opType) => OpType = opType;

    /// <summary>The ONNX operator name, for example <c>Conv</c>.</summary>
    public string OpType { get; }

    /// <summary>The first default-domain opset defining the operator (the loader supports none older than 6).</summary>
    public virtual long SinceOpset => 1;

    /// <summary>Inputs that must be given.</summary>
    public virtual int MinInputs => 1;

    /// <summary>Inputs that may be given (omitted optional inputs count).</summary>
    public virtual int MaxInputs => 1;

    /// <summary>Outputs the node may declare.</summary>
    public virtual int MaxOutputs => 1;

    /// <summary>True when the node is evaluated at load whatever its inputs (Constant, and Shape since shapes are static).</summary>
    public virtual bool AlwaysFolds => false;

    /// <summary>True when input <paramref name="index"/> is read at load (a shape, axes, bounds) rather than float data.</summary>
    public virtual bool IsParameterInput(int index) => false;

    /// <summary>Checks the node and infers its outputs' shapes and explicit attributes.</summary>
    /// <exception cref="ModelLoadException">The node is malformed or uses something unsupported.</exception>
    public abstract InferredNode Infer(NodeContext node);

    /// <summary>Evaluates the node at load (all inputs constant), or returns null when this operator cannot be folded.</summary>
    public virtual IReadOnlyList<ConstantTensor>? Fold(NodeContext node, InferredNode inferred) => null;

    /// <summary>Same attributes as given with <paramref name="values"/> set: the usual way to make defaults explicit.</summary>
    protected static NodeAttributes With(NodeContext node, params (string Name, object Value)[] values)
    {
        var attributes = node.Attributes;
        foreach (var (name, value) in values)
        {
            attributes = attributes.With(name, value);
        }

        return attributes;
    }
}
