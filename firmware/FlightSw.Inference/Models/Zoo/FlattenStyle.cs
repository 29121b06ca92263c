namespace FlightSw.Inference.Models.Zoo;

/// <summary>How a zoo model flattens its pooled features before the classifier.</summary>
public enum FlattenStyle
{
    /// <summary>One ONNX <c>Flatten</c> node (axis 1).</summary>
    FlattenNode,

    /// <summary>
    /// As PyTorch exports <c>x.view(x.size(0), -1)</c>: Shape, Gather of the batch dimension,
    /// Unsqueeze, Concat with -1, Reshape. Everything but the Reshape is shape plumbing the
    /// loader must fold away at load.
    /// </summary>
    ShapeGatherReshape,
}
