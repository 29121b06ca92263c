namespace FlightSw.Inference.Models.Operators;

/// <summary>
/// Clip: bounds from attributes (opset 6 to 10) or from optional constant inputs (opset 11+),
/// recorded as float attributes <c>min</c> and <c>max</c>.
/// </summary>
internal sealed class ClipRule() : OperatorRule("Clip")
{
    /// <summary>The first opset that takes the bounds as inputs.</summary>
    public const long InputBoundsOpset = 11;

    /// <inheritdoc />
    public override int MaxInputs => 3;

    /// <inheritdoc />
    public override bool IsParameterInput(int index) => index > 0;

    /// <inheritdoc />
    public override InferredNode Infer(NodeContext node)
    {
        float min;
        float max;
        if (node.Opset < InputBoundsOpset)
        {
            // Opset 6 defaults are the float limits; a third input is not part of that opset.
            if (node.Has(1) || node.Has(2))
            {
                throw node.Fail($"takes its bounds as inputs, which opset {node.Opset} does not define (from opset {InputBoundsOpset}); use the min and max attributes");
            }

            min = node.Attributes.GetFloat("min", float.MinValue);
            max = node.Attributes.GetFloat("max", float.MaxValue);
        }
        else
        {
            min = Bound(node, 1, "min", float.NegativeInfinity);
            max = Bound(node, 2, "max", float.PositiveInfinity);
        }

        return new InferredNode(With(node, ("min", min), ("max", max)), [node.Shape(0)]);
    }

    /// <inheritdoc />
    public override IReadOnlyList<ConstantTensor>? Fold(NodeContext node, InferredNode inferred)
    {
        var input = node.Input(0).Constant!;
        if (!input.IsFloat)
        {
            return null;
        }

        float min = inferred.Attributes.GetFloat("min", float.MinValue);
        float max = inferred.Attributes.GetFloat("max", float.MaxValue);
        return [ConstantTensor.OfFloats(node.Node.Outputs[0], input.Shape, [.. input.Floats!.Select(x => Math.Min(Math.Max(x, min), max))], input.Type)];
    }

    private static float Bound(NodeContext node, int index, string role, float fallback)
    {
        if (!node.Has(index))
        {
            return fallback;
        }

        var bound = node.RequireConstant(index, role);
        if (bound.Shape.ElementCount != 1)
        {
            throw node.Fail($"the {role} input '{bound.Name}' has shape {bound.Shape}; it must be a scalar");
        }

        return bound.AsFloats()[0];
    }
}
