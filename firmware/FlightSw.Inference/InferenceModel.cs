using FlightSw.Edac.Regions;
using FlightSw.Inference.Execution;
using FlightSw.Inference.Faults;
using FlightSw.Inference.Models;
using FlightSw.Inference.Protection;

namespace FlightSw.Inference;

/// <summary>
/// An ONNX model ready to run on the managed float32 engine under a chosen protection. Loading
/// checks and compiles everything (an unsupported operator or a malformed file is refused here,
/// never at run time), packs the weights into one ECC region per replica, and plans every buffer,
/// so a run allocates no tensors. Same input, same output bits, on every run, every protection
/// mode and every replica scheduling.
/// </summary>
/// <remarks>
/// Not thread-safe: one flight thread runs a model; parallel replicas use worker threads inside
/// <see cref="Run(IReadOnlyList{float[]}, IReadOnlyList{float[]})"/>. The weight regions are the
/// caller's to hand to the scrubber, which then patrols them between runs.
/// </remarks>
public sealed class InferenceModel
{
    private readonly ProtectedExecutor _executor;
    private readonly float[][] _singleInput = new float[1][];
    private readonly float[][] _singleOutput = new float[1][];

    private InferenceModel(ModelGraph graph, InferenceOptions options, ProtectedExecutor executor)
    {
        Graph = graph;
        Options = options;
        _executor = executor;
    }

    /// <summary>The loaded graph (inputs, outputs and their shapes).</summary>
    public ModelGraph Graph { get; }

    /// <summary>The options the model runs with.</summary>
    public InferenceOptions Options { get; }

    /// <summary>The protection mode.</summary>
    public ProtectionMode Protection => Options.Protection;

    /// <summary>The layers as the engine runs them (after folding and fusion), by which faults are aimed.</summary>
    public IReadOnlyList<LayerInfo> Layers => _executor.Layers;

    /// <summary>The weight regions, one per replica (for ABFT+TMR: the body's, then the head's three).</summary>
    public IReadOnlyList<EccRegion> Regions => _executor.Regions;

    /// <summary>The executor, for benchmarks that time layers one by one.</summary>
    internal ProtectedExecutor Executor => _executor;

    /// <summary>Loads the ONNX file at <paramref name="path"/>.</summary>
    /// <exception cref="ModelLoadException">The file is malformed or uses what the engine does not support; the message names the file and node.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static InferenceModel Load(string path, InferenceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var bytes = File.ReadAllBytes(path);
        return Create(bytes, options, ModelSource.OfFile(path, bytes));
    }

    /// <summary>Loads an ONNX model from <paramref name="onnx"/>; <paramref name="source"/> names it in messages.</summary>
    /// <exception cref="ModelLoadException">The model is malformed or uses what the engine does not support; the message names the source and node.</exception>
    public static InferenceModel Load(byte[] onnx, InferenceOptions? options = null, string source = "model")
    {
        ArgumentNullException.ThrowIfNull(onnx);
        return Create(onnx, options, ModelSource.OfBytes(source, onnx));
    }

    /// <summary>Runs the model on its single input, writing its single output.</summary>
    /// <exception cref="InvalidOperationException">The model has more than one input or output.</exception>
    /// <exception cref="ArgumentException">A span's length is not the tensor's element count.</exception>
    public InferenceResult Run(ReadOnlySpan<float> input, Span<float> output)
    {
        if (Graph.Inputs.Count != 1 || Graph.Outputs.Count != 1)
        {
            throw new InvalidOperationException($"Model '{Graph.Name}' has {Graph.Inputs.Count} input(s) and {Graph.Outputs.Count} output(s); use the overload that takes lists.");
        }

        var inputBuffer = _singleInput[0] ??= new float[Graph.Inputs[0].Shape.ElementCount];
        var outputBuffer = _singleOutput[0] ??= new float[Graph.Outputs[0].Shape.ElementCount];
        RequireLength(input.Length, Graph.Inputs[0]);
        RequireLength(output.Length, Graph.Outputs[0]);
        input.CopyTo(inputBuffer);
        var result = _executor.Run(_singleInput, _singleOutput);
        outputBuffer.CopyTo(output);
        return result;
    }

    /// <summary>Runs the model: <paramref name="inputs"/> and <paramref name="outputs"/> in graph order, each of its tensor's element count.</summary>
    /// <exception cref="ArgumentException">A count or length does not match the graph.</exception>
    public InferenceResult Run(IReadOnlyList<float[]> inputs, IReadOnlyList<float[]> outputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(outputs);
        if (inputs.Count != Graph.Inputs.Count || outputs.Count != Graph.Outputs.Count)
        {
            throw new ArgumentException($"Model '{Graph.Name}' takes {Graph.Inputs.Count} input(s) and gives {Graph.Outputs.Count} output(s); got {inputs.Count} and {outputs.Count}.");
        }

        for (int i = 0; i < inputs.Count; i++)
        {
            RequireLength(inputs[i].Length, Graph.Inputs[i]);
        }

        for (int i = 0; i < outputs.Count; i++)
        {
            RequireLength(outputs[i].Length, Graph.Outputs[i]);
        }

        return _executor.Run(inputs, outputs);
    }

    /// <summary>How many replicas run layer <paramref name="layer"/> (1, 2 or 3; under ABFT+TMR only the head has three).</summary>
    /// <exception cref="ArgumentException">No layer has that name.</exception>
    public int ReplicasOf(string layer) => _executor.ReplicasOf(layer);

    /// <summary>Arms <paramref name="fault"/> for the next run (see <see cref="InferenceFault"/>); faults that do not fire in it are dropped.</summary>
    /// <exception cref="ArgumentException">The layer, replica, element or bit does not exist, or the layer has no accumulator.</exception>
    public void ArmFault(InferenceFault fault) => _executor.Arm(fault);

    private static InferenceModel Create(byte[] bytes, InferenceOptions? options, ModelSource source)
    {
        options ??= new InferenceOptions();
        var graph = OnnxModelLoader.Load(bytes, source.Name);
        var plan = ExecutionPlan.Create(graph, options.Protection);
        var executor = new ProtectedExecutor(graph, plan, options.Protection, options.Scheduling, source, options.RegionPrefix ?? graph.Name);
        return new InferenceModel(graph, options, executor);
    }

    private static void RequireLength(int length, GraphValue value)
    {
        if (length != value.Shape.ElementCount)
        {
            throw new ArgumentException($"Tensor '{value.Name}' {value.Shape} holds {value.Shape.ElementCount} floats; got {length}.");
        }
    }
}
