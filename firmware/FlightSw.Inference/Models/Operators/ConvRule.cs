namespace FlightSw.Inference.Models.Operators;

/// <summary>
/// Conv over 1-D (rank 3) and 2-D (rank 4) inputs with constant float weights and optional bias:
/// checks channels against groups and makes the geometry explicit.
/// </summary>
internal sealed class ConvRule() : OperatorRule("Conv")
{
    /// <inheritdoc />
    public override int MinInputs => 2;

    /// <inheritdoc />
    public override int MaxInputs => 3;

    /// <inheritdoc />
    public override InferredNode Infer(NodeContext node)
    {
        TensorShape x = node.Shape(0);
        SpatialRank.Require(node, x);
        node.RequireFloatWeights(1, "weight");
        TensorShape w = node.Shape(1);
        if (w.Rank != x.Rank)
        {
            throw node.Fail($"weight '{node.Input(1).Name}' has shape {w}; rank {x.Rank} expected for input {x}");
        }

        long group = node.Attributes.GetInt("group", 1);
        int channels = x[1];
        int filters = w[0];
        if (group < 1 || group > channels)
        {
            throw node.Fail($"group {group} is not between 1 and the input's {channels} channels");
        }

        if (w[1] * group != channels)
        {
            throw node.Fail($"input {x} has {channels} channels, but weight '{node.Input(1).Name}' {w} with group {group} expects {w[1] * group} ({w[1]} per group)");
        }

        if (filters % group != 0)
        {
            throw node.Fail($"weight '{node.Input(1).Name}' {w} has {filters} output channels, which do not divide into {group} groups");
        }

        if (node.Has(2))
        {
            node.RequireFloatWeights(2, "bias");
            if (!node.Shape(2).Equals(new TensorShape(filters)))
            {
                throw node.Fail($"bias '{node.Input(2).Name}' has shape {node.Shape(2)}; [{filters}] expected");
            }
        }

        long[] kernel = SpatialResolver.Checked(node, "kernel_shape", [.. w.Dims[2..].ToArray().Select(dim => (long)dim)], x.Rank - 2, 1);
        long[]? declared = node.Attributes.GetInts("kernel_shape");
        if (declared is not null && !declared.SequenceEqual(kernel))
        {
            throw node.Fail($"kernel_shape [{string.Join(", ", declared)}] differs from weight '{node.Input(1).Name}' {w}");
        }

        var geometry = SpatialResolver.Resolve(node, x.Dims[2..], kernel, ceilMode: false);
        var attributes = geometry.ApplyTo(node.Attributes).With("group", group);
        return new InferredNode(attributes, [new TensorShape([x[0], filters, .. geometry.Output])]);
    }
}
