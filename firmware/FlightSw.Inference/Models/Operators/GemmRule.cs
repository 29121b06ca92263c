namespace FlightSw.Inference.Models.Operators;

/// <summary>Gemm: Y = alpha * A' * B' + beta * C on 2-D operands, with alpha, beta, transA, transB made explicit.</summary>
internal sealed class GemmRule() : OperatorRule("Gemm")
{
    /// <inheritdoc />
    public override int MinInputs => 2;

    /// <inheritdoc />
    public override int MaxInputs => 3;

    /// <inheritdoc />
    public override InferredNode Infer(NodeContext node)
    {
        TensorShape a = node.Shape(0);
        TensorShape b = node.Shape(1);
        if (a.Rank != 2 || b.Rank != 2)
        {
            throw node.Fail($"input shapes {a} and {b}: Gemm needs two 2-D operands");
        }

        long transA = node.Attributes.GetInt("transA", 0);
        long transB = node.Attributes.GetInt("transB", 0);
        int m = transA != 0 ? a[1] : a[0];
        int k = transA != 0 ? a[0] : a[1];
        int kb = transB != 0 ? b[1] : b[0];
        int n = transB != 0 ? b[0] : b[1];
        if (k != kb)
        {
            throw node.Fail($"inner dimensions differ: A {a} (transA={transA}) gives K={k}, B {b} (transB={transB}) gives K={kb}");
        }

        var shape = new TensorShape(m, n);
        if (node.Has(2) && !Broadcasting.Unidirectional(node.Shape(2), shape))
        {
            throw node.Fail($"C '{node.Input(2).Name}' of shape {node.Shape(2)} does not broadcast to the output {shape}");
        }

        var attributes = With(
            node,
            ("alpha", node.Attributes.GetFloat("alpha", 1f)),
            ("beta", node.Attributes.GetFloat("beta", 1f)),
            ("transA", transA != 0 ? 1L : 0L),
            ("transB", transB != 0 ? 1L : 0L));
        return new InferredNode(attributes, [shape]);
    }
}
