using Microsoft.ML.OnnxRuntime;

namespace FlightSw.Inference.Tests.Models;

/// <summary>Runs a model in ONNX Runtime (the oracle) with one float input and returns its first output.</summary>
internal static class OnnxRuntimeRunner
{
    public static (float[] Values, int[] Shape) Run(byte[] onnx, string inputName, float[] input, params int[] shape)
    {
        using var session = new InferenceSession(onnx);
        using var value = OrtValue.CreateTensorValueFromMemory(input, [.. shape.Select(dim => (long)dim)]);
        using var options = new RunOptions();
        using var outputs = session.Run(options, [inputName], [value], [session.OutputNames[0]]);
        var output = outputs[0];
        int[] outputShape = [.. output.GetTensorTypeAndShape().Shape.Select(dim => (int)dim)];
        return (output.GetTensorDataAsSpan<float>().ToArray(), outputShape);
    }

    /// <summary>Deterministic test data in [-1, 1).</summary>
    public static float[] Data(int count, int seed = 1)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => (float)((random.NextDouble() * 2) - 1))];
    }
}
