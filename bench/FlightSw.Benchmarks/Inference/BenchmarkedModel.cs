using FlightSw.Inference;
using FlightSw.Inference.Models.Zoo;
using FlightSw.Inference.Protection;

namespace FlightSw.Benchmarks.Inference;

/// <summary>
/// One zoo model ready to run: a seeded input, ONNX Runtime bound to it, and the managed engine
/// loaded once per protection setup (on first use, so a benchmark process holds only the
/// replicas and worker threads it measures), writing into its own output buffer.
/// </summary>
public sealed class BenchmarkedModel : IDisposable
{
    private readonly float[] _input;
    private readonly float[] _ortOutput;
    private readonly float[] _managedOutput;
    private readonly BoundOnnxRuntimeSession _onnxRuntime;
    private readonly Dictionary<(ProtectionMode, ReplicaScheduling), InferenceModel> _managed = [];

    public BenchmarkedModel(ZooModel zoo)
    {
        Zoo = zoo;
        _input = zoo.RandomInput(seed: 1);
        _ortOutput = new float[zoo.OutputLength];
        _managedOutput = new float[zoo.OutputLength];
        _onnxRuntime = new BoundOnnxRuntimeSession(zoo.Onnx, zoo.InputName, _input, zoo.InputShape, zoo.OutputName, _ortOutput, zoo.OutputShape);
    }

    public ZooModel Zoo { get; }

    /// <summary>One inference on ONNX Runtime; returns the first output element.</summary>
    public float RunOnnxRuntime()
    {
        _onnxRuntime.Run();
        return _ortOutput[0];
    }

    /// <summary>One inference on the managed engine under <paramref name="mode"/>; returns the first output element.</summary>
    /// <exception cref="InvalidOperationException">The engine declared its output unusable (no fault is injected, so this is a bug).</exception>
    public float RunManaged(ProtectionMode mode, ReplicaScheduling scheduling = ReplicaScheduling.Sequential)
    {
        if (!_managed.TryGetValue((mode, scheduling), out var model))
        {
            model = Load(mode, scheduling);
        }

        var result = model.Run(_input, _managedOutput);
        return result.IsUsable ? _managedOutput[0] : throw new InvalidOperationException($"{Zoo.Name} under {mode}: {result.Detail}");
    }

    public void Dispose() => _onnxRuntime.Dispose();

    /// <summary>Loads the model under a protection setup and checks it agrees with ONNX Runtime: a benchmark of an engine that computes something else measures nothing.</summary>
    private InferenceModel Load(ProtectionMode mode, ReplicaScheduling scheduling)
    {
        var model = InferenceModel.Load(Zoo.Onnx, new InferenceOptions { Protection = mode, Scheduling = scheduling });
        _managed[(mode, scheduling)] = model;
        model.Run(_input, _managedOutput);
        _onnxRuntime.Run();
        for (int i = 0; i < _ortOutput.Length; i++)
        {
            if (Math.Abs(_managedOutput[i] - _ortOutput[i]) > 1e-3f + (1e-2f * Math.Abs(_ortOutput[i])))
            {
                throw new InvalidOperationException($"{Zoo.Name} under {mode} {scheduling}: output {i} is {_managedOutput[i]} on the managed engine but {_ortOutput[i]} on ONNX Runtime.");
            }
        }

        return model;
    }
}
