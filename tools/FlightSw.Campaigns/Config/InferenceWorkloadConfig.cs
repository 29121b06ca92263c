using FlightSw.Inference.Protection;

namespace FlightSw.Campaigns.Config;

/// <summary>
/// An ONNX model run under one or more protection modes (the campaign's variants). The model is
/// a file (relative paths from the configuration file) or <c>zoo:mobilenet-style</c>, the
/// MobileNet-style test model built in code; inputs are random (normal, seeded) or a samples file.
/// </summary>
public sealed record InferenceWorkloadConfig : WorkloadConfig
{
    /// <summary>The zoo model's name in <see cref="Model"/>.</summary>
    public const string MobileNetStyleZoo = "zoo:mobilenet-style";

    /// <inheritdoc />
    public override string Kind => "inference";

    /// <summary>The ONNX file (absolute, resolved from the configuration's folder) or <see cref="MobileNetStyleZoo"/>; default the zoo model.</summary>
    public string Model { get; init; } = MobileNetStyleZoo;

    /// <summary>Input size of the zoo model (pixels per side); default 32.</summary>
    public int ZooInputSize { get; init; } = 32;

    /// <summary>Width multiplier of the zoo model; default 1.</summary>
    public double ZooWidth { get; init; } = 1.0;

    /// <summary>Classes of the zoo model; default 10.</summary>
    public int ZooClasses { get; init; } = 10;

    /// <summary>Weight seed of the zoo model; default 1.</summary>
    public int ZooSeed { get; init; } = 1;

    /// <summary>The protection modes compared, one variant each; default all five.</summary>
    public IReadOnlyList<ProtectionMode> Protections { get; init; } =
        [ProtectionMode.None, ProtectionMode.Dmr, ProtectionMode.Tmr, ProtectionMode.Abft, ProtectionMode.AbftTmr];

    /// <summary>The default number of random inputs.</summary>
    public const int DefaultRandomInputs = 8;

    /// <summary>How many inputs trials are spread over: random ones (default <see cref="DefaultRandomInputs"/>), or the first of the samples file (default all of them).</summary>
    public int? InputCount { get; init; }

    /// <summary>Seed of the random inputs; default 1.</summary>
    public int InputSeed { get; init; } = 1;

    /// <summary>A file of float32 samples (little-endian, one input after another) instead of random inputs; absolute.</summary>
    public string? SamplesFile { get; init; }

    /// <summary>What counts as a different answer; default the top-1 class.</summary>
    public OutputComparison Compare { get; init; } = OutputComparison.Top1;
}
