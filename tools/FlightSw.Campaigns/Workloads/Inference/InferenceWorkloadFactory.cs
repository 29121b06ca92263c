using System.Collections.Concurrent;
using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Security.Cryptography;
using FlightSw.Campaigns.Config;
using FlightSw.Campaigns.Faults;
using FlightSw.Inference;
using FlightSw.Inference.Job;
using FlightSw.Inference.Models.Zoo;
using FlightSw.Inference.Protection;

namespace FlightSw.Campaigns.Workloads.Inference;

/// <summary>
/// An ONNX model on the managed engine under each configured protection mode (the variants):
/// faults land in weights (in the replica's ECC region), activations or accumulators, aimed
/// through <see cref="InferenceModel.ArmFault"/>. Golden answers are computed once per variant
/// and input and shared by the workers.
/// </summary>
public sealed class InferenceWorkloadFactory : IWorkloadFactory
{
    private readonly InferenceWorkloadConfig _config;
    private readonly byte[] _onnx;
    private readonly string _modelName;
    private readonly float[][] _inputs;
    private readonly ConcurrentDictionary<string, IReadOnlyList<FaultTarget>> _targets = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Variant, int Input), Lazy<InferenceGolden>> _golden = new();

    /// <summary>Loads the model and inputs <paramref name="config"/> names.</summary>
    /// <exception cref="FlightSw.Inference.Models.ModelLoadException">The model is malformed or unsupported.</exception>
    /// <exception cref="InvalidDataException">The samples file does not hold whole inputs of the model's size.</exception>
    public InferenceWorkloadFactory(InferenceWorkloadConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        _config = config;
        if (config.Model == InferenceWorkloadConfig.MobileNetStyleZoo)
        {
            var zoo = MobileNetStyle.Build(new MobileNetStyleOptions { InputSize = config.ZooInputSize, WidthMultiplier = config.ZooWidth, Classes = config.ZooClasses, Seed = config.ZooSeed });
            _onnx = zoo.Onnx;
            _modelName = string.Create(CultureInfo.InvariantCulture, $"MobileNet-style {config.ZooInputSize}x{config.ZooInputSize}, width {config.ZooWidth}, {config.ZooClasses} classes, seed {config.ZooSeed}");
        }
        else
        {
            _onnx = File.ReadAllBytes(config.Model);
            _modelName = Path.GetFileName(config.Model);
        }

        Variants = [.. config.Protections.Select(CampaignConfigReader.ProtectionName)];
        var probe = Load(config.Protections[0]);
        int inputLength = probe.Graph.Inputs[0].Shape.ElementCount;
        if (probe.Graph.Inputs.Count != 1 || probe.Graph.Outputs.Count != 1)
        {
            throw new ArgumentException($"Model {_modelName} has {probe.Graph.Inputs.Count} inputs and {probe.Graph.Outputs.Count} outputs; a campaign runs models with one of each.", nameof(config));
        }

        if (config.SamplesFile is { } file)
        {
            var samples = InferenceSamples.FromFile(file, inputLength);
            int count = config.InputCount ?? samples.Count;
            if (count > samples.Count)
            {
                throw new ArgumentException($"workload.inputs.count: {count} inputs asked for, but {Path.GetFileName(file)} holds {samples.Count} samples of {inputLength} floats.", nameof(config));
            }

            _inputs = [.. Enumerable.Range(0, count).Select(i => samples[i].ToArray())];
        }
        else
        {
            var random = new ZooModel(_modelName, _onnx, probe.Graph.Inputs[0].Name, [inputLength], probe.Graph.Outputs[0].Name, [probe.Graph.Outputs[0].Shape.ElementCount]);
            _inputs = [.. Enumerable.Range(0, config.InputCount ?? InferenceWorkloadConfig.DefaultRandomInputs).Select(i => random.RandomInput(unchecked(config.InputSeed + i)))];
        }

        OutputLength = probe.Graph.Outputs[0].Shape.ElementCount;
        // The model's and samples' hashes are in the description, which results headers carry:
        // a file replaced at the same path is then another campaign, never resumed or merged into this one.
        string inputs = config.SamplesFile is { } samplesFile
            ? $"{_inputs.Length} sampled input(s) (sha256 {Sha256Of(File.ReadAllBytes(samplesFile))})"
            : $"{_inputs.Length} random input(s)";
        Description = $"inference: {_modelName} (sha256 {Sha256Of(_onnx)}); {inputs}; answers compared by {(config.Compare == OutputComparison.Top1 ? "top-1 class" : "every output bit")}; on {VectorUnits()}";
    }

    /// <inheritdoc />
    public string Description { get; }

    /// <inheritdoc />
    public IReadOnlyList<string> Variants { get; }

    /// <inheritdoc />
    public int InputCount => _inputs.Length;

    /// <inheritdoc />
    public bool RunsOnVirtualTime => false;

    internal int OutputLength { get; }

    internal OutputComparison Comparison => _config.Compare;

    /// <inheritdoc />
    public IReadOnlyList<FaultTarget> TargetsOf(string variant) => _targets.GetOrAdd(variant, v => DescribeTargets(Load(ModeOf(v))));

    /// <inheritdoc />
    public IWorkload Create(string variant) => new InferenceWorkload(this, variant, Load(ModeOf(variant)));

    /// <inheritdoc />
    public void Dispose()
    {
    }

    internal ReadOnlySpan<float> Input(int input) => _inputs[input];

    /// <summary>The golden answer of <paramref name="input"/> under <paramref name="variant"/>, computed on the first caller's model.</summary>
    internal InferenceGolden Golden(string variant, int input, Func<InferenceGolden> compute) =>
        _golden.GetOrAdd((variant, input), _ => new Lazy<InferenceGolden>(compute, LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    internal InferenceModel Load(ProtectionMode mode) => InferenceModel.Load(_onnx, new InferenceOptions { Protection = mode }, _modelName);

    // The kernels pick their vector width at run time, and float sums in another order can differ
    // in the last bits: results from another kind of processor are not the same campaign.
    private static string VectorUnits()
    {
        int widest = Vector512.IsHardwareAccelerated ? 512 : Vector256.IsHardwareAccelerated ? 256 : Vector128.IsHardwareAccelerated ? 128 : 0;
        bool fma = System.Runtime.Intrinsics.X86.Fma.IsSupported || System.Runtime.Intrinsics.Arm.AdvSimd.IsSupported;
        return $"{RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant()} vector{widest} vector<T>{Vector<byte>.Count * 8}{(fma ? " fma" : string.Empty)}";
    }

    private static string Sha256Of(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes))[..16];

    private ProtectionMode ModeOf(string variant) =>
        CampaignConfigReader.TryParseProtection(variant, out var mode) && _config.Protections.Contains(mode)
            ? mode
            : throw new ArgumentException($"'{variant}' is not a variant of this campaign; its variants: {string.Join(", ", Variants)}.", nameof(variant));

    private static List<FaultTarget> DescribeTargets(InferenceModel model)
    {
        var targets = new List<FaultTarget>();
        foreach (var layer in model.Layers)
        {
            int replicas = model.ReplicasOf(layer.Name);
            for (int r = 0; r < replicas; r++)
            {
                if (layer.WeightCount > 0)
                {
                    targets.Add(new FaultTarget(FaultSiteKind.Weight, layer.Name, r, layer.WeightCount, 32));
                }

                targets.Add(new FaultTarget(FaultSiteKind.Activation, layer.Name, r, layer.OutputCount, 32));
                if (layer.HasAccumulator)
                {
                    targets.Add(new FaultTarget(FaultSiteKind.Accumulator, layer.Name, r, layer.OutputCount, 32));
                }
            }
        }

        return targets;
    }
}
