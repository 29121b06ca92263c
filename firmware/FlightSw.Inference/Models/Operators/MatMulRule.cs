namespace FlightSw.Inference.Models.Operators;

/// <summary>MatMul with numpy semantics: 1-D operands promoted, leading (batch) dimensions broadcast.</summary>
internal sealed class MatMulRule() : OperatorRule("MatMul")
{
    /// <inheritdoc />
    public override int MinInputs => 2;

    /// <inheritdoc />
    public override int MaxInputs => 2;

    /// <inheritdoc />
    public override InferredNode Infer(NodeContext node)
    {
        TensorShape a = node.Shape(0);
        TensorShape b = node.Shape(1);
        if (a.Rank == 0 || b.Rank == 0)
        {
            throw node.Fail($"input shapes {a} and {b}: MatMul needs operands of rank 1 or more");
        }

        int k = a[-1];
        int kb = b.Rank == 1 ? b[0] : b[-2];
        if (k != kb)
        {
            throw node.Fail($"inner dimensions differ: '{node.Input(0).Name}' {a} has {k} columns, '{node.Input(1).Name}' {b} has {kb} rows");
        }

        var batchA = new TensorShape(a.Dims[..Math.Max(0, a.Rank - 2)]);
        var batchB = new TensorShape(b.Dims[..Math.Max(0, b.Rank - 2)]);
        var batch = Broadcasting.Multidirectional(batchA, batchB)
            ?? throw node.Fail($"batch dimensions of {a} and {b} do not broadcast");
        var dims = new List<int>(batch.ToArray());
        if (a.Rank > 1)
        {
            dims.Add(a[-2]);
        }

        if (b.Rank > 1)
        {
            dims.Add(b[-1]);
        }

        return new InferredNode(node.Attributes, [new TensorShape([.. dims])]);
    }
}
