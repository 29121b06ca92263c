using Microsoft.ML.OnnxRuntime;

namespace FlightSw.Benchmarks.Inference;

/// <summary>
/// ONNX Runtime as the baseline runs it: CPU provider, one thread (IntraOpNumThreads =
/// InterOpNumThreads = 1, sequential execution), default graph optimisations, and the input and
/// output bound once to pinned arrays, so a run allocates nothing and copies nothing.
/// </summary>
public sealed class BoundOnnxRuntimeSession : IDisposable
{
    private readonly SessionOptions _options;
    private readonly InferenceSession _session;
    private readonly RunOptions _runOptions = new();
    private readonly OrtValue _input;
    private readonly OrtValue _output;
    private readonly OrtIoBinding _binding;

    public BoundOnnxRuntimeSession(byte[] onnx, string inputName, float[] input, IReadOnlyList<int> inputShape, string outputName, float[] output, IReadOnlyList<int> outputShape)
    {
        _options = new SessionOptions
        {
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR,
        };
        _session = new InferenceSession(onnx, _options);
        _input = OrtValue.CreateTensorValueFromMemory(input, [.. inputShape.Select(dim => (long)dim)]);
        _output = OrtValue.CreateTensorValueFromMemory(output, [.. outputShape.Select(dim => (long)dim)]);
        _binding = _session.CreateIoBinding();
        _binding.BindInput(inputName, _input);
        _binding.BindOutput(outputName, _output);
    }

    /// <summary>One inference from the bound input into the bound output.</summary>
    public void Run() => _session.RunWithBinding(_runOptions, _binding);

    public void Dispose()
    {
        _binding.Dispose();
        _output.Dispose();
        _input.Dispose();
        _runOptions.Dispose();
        _session.Dispose();
        _options.Dispose();
    }
}
