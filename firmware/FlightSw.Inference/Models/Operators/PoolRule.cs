namespace FlightSw.Inference.Models.Operators;

/// <summary>
/// MaxPool (one output; the Indices output is refused) and AveragePool over 1-D and 2-D inputs,
/// with ceil_mode, dilations, count_include_pad and the geometry made explicit.
/// </summary>
internal sealed class PoolRule(string opType) : OperatorRule(opType)
{
    /// <inheritdoc />
    public override InferredNode Infer(NodeContext node)
    {
        TensorShape x = node.Shape(0);
        SpatialRank.Require(node, x);
        long[] kernel = node.Attributes.GetInts("kernel_shape") ?? throw node.Fail("kernel_shape is missing");
        SpatialResolver.Checked(node, "kernel_shape", kernel, x.Rank - 2, 1);
        long ceilMode = node.Attributes.GetInt("ceil_mode", 0);
        long countIncludePad = OpType == "AveragePool" ? node.Attributes.GetInt("count_include_pad", 0) : 0;
        var geometry = SpatialResolver.Resolve(node, x.Dims[2..], kernel, ceilMode != 0);
        var attributes = geometry.ApplyTo(node.Attributes)
            .With("group", 1L)
            .With("ceil_mode", ceilMode != 0 ? 1L : 0L)
            .With("count_include_pad", countIncludePad != 0 ? 1L : 0L);
        return new InferredNode(attributes, [new TensorShape([x[0], x[1], .. geometry.Output])]);
    }
}
