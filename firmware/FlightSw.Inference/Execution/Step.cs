namespace FlightSw.Inference.Execution;

/// <summary>
/// One layer of a compiled segment: reads its inputs from the replica's arena or weights, writes
/// its output slot. Steps never overlap their output with an input, so a step can be run again.
/// </summary>
internal abstract class Step(string name, string opType, ValueSlot output)
{
    /// <summary>The graph node the step runs (the first of a fused chain).</summary>
    public string Name { get; } = name;

    /// <summary>The node's operator.</summary>
    public string OpType { get; } = opType;

    /// <summary>Where the output goes (always in the arena).</summary>
    public ValueSlot Output { get; } = output;

    /// <summary>First float of the step's weights in the weight image, or 0 when it has none.</summary>
    public int WeightOffset { get; set; }

    /// <summary>Floats of weights (packed matrices, biases, checksums, constant operands).</summary>
    public int WeightCount { get; set; }

    /// <summary>Floats of scratch the step needs.</summary>
    public virtual int ScratchLength => 0;

    /// <summary>True when the step has raw results (GEMM, convolution) an accumulator fault can hit.</summary>
    public virtual bool HasAccumulator => false;

    /// <summary>True when the step can verify its own result (ABFT checksum or duplicate run).</summary>
    public virtual bool IsCheckable => false;

    /// <summary>Runs the step on <paramref name="replica"/>; with <paramref name="check"/>, verifies the result and returns false when it is corrupt.</summary>
    public abstract bool Run(Replica replica, bool check);

    /// <summary>The layer description.</summary>
    public LayerInfo Describe() => new(Name, OpType, WeightCount, Output.Length, HasAccumulator);
}
