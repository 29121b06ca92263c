using FlightSw.Inference.Models.Loading;
using FlightSw.Inference.Onnx;
using Google.Protobuf;

namespace FlightSw.Inference.Models;

/// <summary>
/// Loads ONNX files into checked <see cref="ModelGraph"/>s. Everything the engine could not run
/// exactly as written is refused here, at load, with a <see cref="ModelLoadException"/> naming the
/// source and the node or value: malformed files, unsupported opsets, domains, operators and
/// attribute values, wrong input counts, unknown inputs, cycles, non-float32 runtime tensors, shape
/// mismatches, external or inconsistent tensor data, unbound symbolic dimensions, constant outputs.
/// </summary>
/// <remarks>
/// Shapes are static: a symbolic dimension of a graph input is bound by <c>dimensions[symbol]</c>;
/// the first (batch) dimension also by <c>dimensions[inputName]</c>, and defaults to 1. Nodes whose
/// inputs are all constants (and every Shape) are evaluated at load, so <see cref="ModelGraph.Nodes"/>
/// holds only float32 runtime operators and <see cref="ModelGraph.Constants"/> the constants they read.
/// Supported default-domain opsets: 6 to 23.
/// </remarks>
public static class OnnxModelLoader
{
    private static readonly Dictionary<string, int> NoDimensions = [];

    /// <summary>Loads the model serialized in <paramref name="onnx"/>; <paramref name="source"/> names it in errors.</summary>
    /// <param name="onnx">The bytes of an ONNX <c>ModelProto</c>.</param>
    /// <param name="source">A file name or label for messages and the graph's fallback name.</param>
    /// <param name="dimensions">Sizes for symbolic input dimensions, by symbol or (first dimension) by input name.</param>
    /// <exception cref="ModelLoadException">The model is malformed or uses something unsupported.</exception>
    public static ModelGraph Load(ReadOnlySpan<byte> onnx, string source, IReadOnlyDictionary<string, int>? dimensions = null)
    {
        ModelProto model;
        try
        {
            model = ModelProto.Parser.ParseFrom(onnx);
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new ModelLoadException(source, source, $"is not a valid ONNX file ({e.Message})", e);
        }

        try
        {
            return GraphImporter.Import(model, source, dimensions ?? NoDimensions);
        }
        catch (ModelLoadException e) when (e.ModelSource is null)
        {
            throw new ModelLoadException(source, e.Node, e.Reason, e);
        }
        catch (Exception e) when (e is ArgumentException or OverflowException)
        {
            throw new ModelLoadException(source, source, $"is malformed: {ExceptionText.Of(e)}", e);
        }
    }

    /// <summary>Loads the ONNX file at <paramref name="path"/> (named by its path in errors).</summary>
    /// <param name="path">The file.</param>
    /// <param name="dimensions">Sizes for symbolic input dimensions, as for <see cref="Load"/>.</param>
    /// <exception cref="ModelLoadException">The file cannot be read, is malformed, or uses something unsupported.</exception>
    public static ModelGraph LoadFile(string path, IReadOnlyDictionary<string, int>? dimensions = null)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ModelLoadException(path, path, $"cannot be read ({e.Message})", e);
        }

        return Load(bytes, path, dimensions);
    }
}
