namespace FlightSw.Inference.Models.Operators;

/// <summary>
/// BatchNormalization in its inference form: constant float scale, bias, mean and variance of one
/// value per channel, one output; epsilon made explicit. Training outputs and modes are refused.
/// </summary>
internal sealed class BatchNormalizationRule() : OperatorRule("BatchNormalization")
{
    private static readonly string[] Roles = ["scale", "bias", "mean", "variance"];

    /// <inheritdoc />
    public override int MinInputs => 5;

    /// <inheritdoc />
    public override int MaxInputs => 5;

    /// <inheritdoc />
    public override int MaxOutputs => 5;

    /// <inheritdoc />
    public override InferredNode Infer(NodeContext node)
    {
        if (node.Node.Outputs.Skip(1).Any(output => output.Length > 0))
        {
            throw node.Fail($"has {node.Node.Outputs.Count} outputs; only the inference form (one output) is supported, not the training outputs");
        }

        if (node.Attributes.GetInt("training_mode", 0) != 0)
        {
            throw node.Fail("training_mode is 1; only inference is supported");
        }

        if (node.Attributes.GetInt("spatial", 1) == 0)
        {
            throw node.Fail("spatial is 0 (per-activation statistics); only per-channel statistics are supported");
        }

        TensorShape x = node.Shape(0);
        if (x.Rank < 2)
        {
            throw node.Fail($"input {x} has rank {x.Rank}; BatchNormalization needs [N, C, ...]");
        }

        for (int i = 1; i < 5; i++)
        {
            node.RequireFloatWeights(i, Roles[i - 1]);
            if (!node.Shape(i).Equals(new TensorShape(x[1])))
            {
                throw node.Fail($"{Roles[i - 1]} '{node.Input(i).Name}' has shape {node.Shape(i)}; [{x[1]}] expected for input {x}");
            }
        }

        return new InferredNode(With(node, ("epsilon", node.Attributes.GetFloat("epsilon", 1e-5f))), [x]);
    }
}
