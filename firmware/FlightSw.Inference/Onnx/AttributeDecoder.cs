using FlightSw.Inference.Models;
using Google.Protobuf.Collections;
using AttributeType = FlightSw.Inference.Onnx.AttributeProto.Types.AttributeType;

namespace FlightSw.Inference.Onnx;

/// <summary>Reads a node's <see cref="AttributeProto"/>s into <see cref="NodeAttributes"/> (long, long[], float, float[], string, tensor).</summary>
internal static class AttributeDecoder
{
    /// <summary>Decodes the attributes of the node shown as <paramref name="node"/> (e.g. <c>Conv node 'conv1'</c>).</summary>
    /// <exception cref="ModelLoadException">A duplicate, a reference to a function attribute, or a kind the engine has no use for (graphs, lists of strings or tensors).</exception>
    public static NodeAttributes Decode(string node, RepeatedField<AttributeProto> attributes)
    {
        var values = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var attribute in attributes)
        {
            if (!string.IsNullOrEmpty(attribute.RefAttrName))
            {
                throw new ModelLoadException(node, $"attribute '{attribute.Name}' refers to function attribute '{attribute.RefAttrName}'; only plain values are supported");
            }

            if (!values.TryAdd(attribute.Name, Value(node, attribute)))
            {
                throw new ModelLoadException(node, $"attribute '{attribute.Name}' is given twice");
            }
        }

        return new NodeAttributes(node, values);
    }

    private static object Value(string node, AttributeProto attribute) => KindOf(attribute) switch
    {
        AttributeType.Int => attribute.I,
        AttributeType.Ints => attribute.Ints.ToArray(),
        AttributeType.Float => attribute.F,
        AttributeType.Floats => attribute.Floats.ToArray(),
        AttributeType.String => attribute.S.ToStringUtf8(),
        AttributeType.Tensor => TensorDecoder.Decode(attribute.T ?? new TensorProto(), attribute.Name, $"{node} attribute '{attribute.Name}'"),
        var kind => throw new ModelLoadException(node, $"attribute '{attribute.Name}' is of type {kind.ToString().ToUpperInvariant()}, which is not supported"),
    };

    // IR version 1 files carry no type discriminator: infer it from the field in use, as the ONNX checker does.
    private static AttributeType KindOf(AttributeProto attribute)
    {
        if (attribute.Type != AttributeType.Undefined)
        {
            return attribute.Type;
        }

        return attribute switch
        {
            { HasF: true } => AttributeType.Float,
            { HasI: true } => AttributeType.Int,
            { HasS: true } => AttributeType.String,
            { T: not null } => AttributeType.Tensor,
            { Floats.Count: > 0 } => AttributeType.Floats,
            { Ints.Count: > 0 } => AttributeType.Ints,
            _ => AttributeType.Undefined,
        };
    }
}
