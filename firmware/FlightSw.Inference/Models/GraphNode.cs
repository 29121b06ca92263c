namespace FlightSw.Inference.Models;

/// <summary>
/// One operator of a loaded graph that runs at inference time (constant sub-graphs are already
/// folded into <see cref="ModelGraph.Constants"/>).
/// </summary>
/// <param name="Name">The node's name, or <c>OpType_index</c> when the file gives none: how errors and fault hooks name it.</param>
/// <param name="OpType">The ONNX operator, for example <c>Conv</c>.</param>
/// <param name="Inputs">Input value names in ONNX order; an omitted optional input is the empty string.</param>
/// <param name="Outputs">Output value names.</param>
/// <param name="Attributes">The attributes, with the defaults the loader made explicit (see <see cref="ModelGraph"/>).</param>
public sealed record GraphNode(string Name, string OpType, IReadOnlyList<string> Inputs, IReadOnlyList<string> Outputs, NodeAttributes Attributes)
{
    /// <inheritdoc />
    public override string ToString() => $"{OpType} node '{Name}'";
}
