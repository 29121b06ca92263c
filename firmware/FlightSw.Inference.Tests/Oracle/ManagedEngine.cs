using FlightSw.Inference.Protection;

namespace FlightSw.Inference.Tests.Oracle;

/// <summary>Runs the managed engine with named inputs, as <see cref="OnnxRuntimeOracle"/> runs ONNX Runtime.</summary>
public static class ManagedEngine
{
    /// <summary>Loads <paramref name="onnx"/>, runs it once on <paramref name="inputs"/> and returns every graph output in graph order.</summary>
    public static IReadOnlyList<NamedTensor> Run(byte[] onnx, IReadOnlyList<NamedTensor> inputs, InferenceOptions? options = null)
    {
        var model = InferenceModel.Load(onnx, options, "oracle");
        return Run(model, inputs);
    }

    /// <summary>Runs <paramref name="model"/> once on <paramref name="inputs"/> (matched to the graph's inputs by name) and returns every graph output in graph order.</summary>
    public static IReadOnlyList<NamedTensor> Run(InferenceModel model, IReadOnlyList<NamedTensor> inputs)
    {
        var graph = model.Graph;
        var inputValues = new List<float[]>(graph.Inputs.Count);
        foreach (var graphInput in graph.Inputs)
        {
            var input = inputs.SingleOrDefault(candidate => candidate.Name == graphInput.Name)
                ?? throw new ArgumentException($"No value given for graph input {graphInput}.", nameof(inputs));
            if (!graphInput.Shape.Dims.SequenceEqual(input.Shape))
            {
                throw new ArgumentException($"Graph input {graphInput} is given as {input}.", nameof(inputs));
            }

            inputValues.Add(input.Values);
        }

        var outputValues = graph.Outputs.Select(output => new float[output.Shape.ElementCount]).ToArray();
        var result = model.Run(inputValues, outputValues);
        if (!result.IsUsable)
        {
            throw new InvalidOperationException($"The managed engine's output is not usable: {result}");
        }

        return [.. graph.Outputs.Select((output, index) => new NamedTensor(output.Name, outputValues[index], output.Shape.ToArray()))];
    }
}
