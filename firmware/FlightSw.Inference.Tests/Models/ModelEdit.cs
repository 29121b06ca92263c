using FlightSw.Inference.Onnx;
using Google.Protobuf;

namespace FlightSw.Inference.Tests.Models;

/// <summary>Edits serialized models at the protobuf level, for files the builder will not write (malformed ones).</summary>
internal static class ModelEdit
{
    public static byte[] Apply(byte[] onnx, Action<ModelProto> edit)
    {
        var model = ModelProto.Parser.ParseFrom(onnx);
        edit(model);
        return model.ToByteArray();
    }

    public static NodeProto Node(this ModelProto model, string name) => model.Graph.Node.Single(node => node.Name == name);
}
