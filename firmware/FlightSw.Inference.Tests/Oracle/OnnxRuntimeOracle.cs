using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace FlightSw.Inference.Tests.Oracle;

/// <summary>
/// The reference the managed engine is checked against: ONNX Runtime's CPU provider, one thread
/// (IntraOpNumThreads = InterOpNumThreads = 1, sequential execution), graph optimisations at
/// their default level (all), as a single-core flight computer would run it.
/// </summary>
public sealed class OnnxRuntimeOracle : IDisposable
{
    private readonly SessionOptions _options;
    private readonly InferenceSession _session;

    /// <summary>Loads <paramref name="onnx"/> into a single-threaded session.</summary>
    public OnnxRuntimeOracle(byte[] onnx)
    {
        _options = CreateSingleThreadedOptions();
        _session = new InferenceSession(onnx, _options);
    }

    /// <summary>Session options of the oracle: one thread, sequential, default optimisations, errors only in the log.</summary>
    public static SessionOptions CreateSingleThreadedOptions() => new()
    {
        IntraOpNumThreads = 1,
        InterOpNumThreads = 1,
        ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
        LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR,
    };

    /// <summary>Runs <paramref name="onnx"/> once on <paramref name="inputs"/> and returns every graph output in graph order.</summary>
    public static IReadOnlyList<NamedTensor> Run(byte[] onnx, IReadOnlyList<NamedTensor> inputs)
    {
        using var oracle = new OnnxRuntimeOracle(onnx);
        return oracle.Run(inputs);
    }

    /// <summary>Runs the model on <paramref name="inputs"/> (by name) and returns every graph output in graph order, as float32 with its shape.</summary>
    public IReadOnlyList<NamedTensor> Run(IReadOnlyList<NamedTensor> inputs)
    {
        var values = new List<OrtValue>(inputs.Count);
        try
        {
            foreach (var input in inputs)
            {
                values.Add(OrtValue.CreateTensorValueFromMemory(input.Values, [.. input.Shape.Select(dim => (long)dim)]));
            }

            using var runOptions = new RunOptions();
            var outputNames = _session.OutputNames;
            using var results = _session.Run(runOptions, [.. inputs.Select(input => input.Name)], values, outputNames);
            var outputs = new List<NamedTensor>(results.Count);
            for (int index = 0; index < results.Count; index++)
            {
                var info = results[index].GetTensorTypeAndShape();
                if (info.ElementDataType != TensorElementType.Float)
                {
                    throw new InvalidOperationException($"ONNX Runtime output '{outputNames[index]}' is {info.ElementDataType}, not float.");
                }

                outputs.Add(new NamedTensor(
                    outputNames[index],
                    results[index].GetTensorDataAsSpan<float>().ToArray(),
                    [.. info.Shape.Select(dim => checked((int)dim))]));
            }

            return outputs;
        }
        finally
        {
            foreach (var value in values)
            {
                value.Dispose();
            }
        }
    }

    public void Dispose()
    {
        _session.Dispose();
        _options.Dispose();
    }
}
