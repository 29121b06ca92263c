using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using FlightSw.Inference.Models.Zoo;
using FlightSw.Inference.Protection;

namespace FlightSw.Benchmarks.Inference;

/// <summary>
/// Inference time of the zoo's MobileNet-style classifier (input [1, 3, 224, 224], width 1, about
/// 78 M multiply-adds) and of its MLP (batch 1), same model and same input for every case, side by
/// side in one run. Two comparisons per model, each against its own baseline (see the Ratio
/// column within a category): ONNX Runtime on one thread against the managed engine without
/// protection, and the managed engine without protection against DMR, TMR (replicas one after
/// another, and in parallel on three cores), ABFT and ABFT with a TMR head. Everything runs on
/// one thread except TMR parallel.
/// </summary>
[Config(typeof(InferenceBenchmarkConfig))]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class InferenceBenchmarks
{
    private const string MobileNetEngines = "MobileNet 224: engines";
    private const string MobileNetProtection = "MobileNet 224: protection";
    private const string MlpEngines = "MLP batch 1: engines";
    private const string MlpProtection = "MLP batch 1: protection";

    private BenchmarkedModel _mobileNet = null!;
    private BenchmarkedModel _mlp = null!;

    [GlobalSetup]
    public void Setup()
    {
        _mobileNet = new BenchmarkedModel(MobileNetStyle.Build(new MobileNetStyleOptions { InputSize = 224, WidthMultiplier = 1.0 }));
        _mlp = new BenchmarkedModel(Mlp.Build(new MlpOptions { Batch = 1 }));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _mobileNet.Dispose();
        _mlp.Dispose();
    }

    [Benchmark(Baseline = true, Description = "ONNX Runtime, 1 thread")]
    [BenchmarkCategory(MobileNetEngines)]
    public float MobileNetOnnxRuntime() => _mobileNet.RunOnnxRuntime();

    [Benchmark(Description = "managed, no protection")]
    [BenchmarkCategory(MobileNetEngines)]
    public float MobileNetManaged() => _mobileNet.RunManaged(ProtectionMode.None);

    [Benchmark(Baseline = true, Description = "no protection")]
    [BenchmarkCategory(MobileNetProtection)]
    public float MobileNetNone() => _mobileNet.RunManaged(ProtectionMode.None);

    [Benchmark(Description = "DMR")]
    [BenchmarkCategory(MobileNetProtection)]
    public float MobileNetDmr() => _mobileNet.RunManaged(ProtectionMode.Dmr);

    [Benchmark(Description = "TMR sequential")]
    [BenchmarkCategory(MobileNetProtection)]
    public float MobileNetTmrSequential() => _mobileNet.RunManaged(ProtectionMode.Tmr);

    [Benchmark(Description = "TMR parallel")]
    [BenchmarkCategory(MobileNetProtection)]
    public float MobileNetTmrParallel() => _mobileNet.RunManaged(ProtectionMode.Tmr, ReplicaScheduling.Parallel);

    [Benchmark(Description = "ABFT")]
    [BenchmarkCategory(MobileNetProtection)]
    public float MobileNetAbft() => _mobileNet.RunManaged(ProtectionMode.Abft);

    [Benchmark(Description = "ABFT + TMR head")]
    [BenchmarkCategory(MobileNetProtection)]
    public float MobileNetAbftTmr() => _mobileNet.RunManaged(ProtectionMode.AbftTmr);

    [Benchmark(Baseline = true, Description = "ONNX Runtime, 1 thread")]
    [BenchmarkCategory(MlpEngines)]
    public float MlpOnnxRuntime() => _mlp.RunOnnxRuntime();

    [Benchmark(Description = "managed, no protection")]
    [BenchmarkCategory(MlpEngines)]
    public float MlpManaged() => _mlp.RunManaged(ProtectionMode.None);

    [Benchmark(Baseline = true, Description = "no protection")]
    [BenchmarkCategory(MlpProtection)]
    public float MlpNone() => _mlp.RunManaged(ProtectionMode.None);

    [Benchmark(Description = "DMR")]
    [BenchmarkCategory(MlpProtection)]
    public float MlpDmr() => _mlp.RunManaged(ProtectionMode.Dmr);

    [Benchmark(Description = "TMR sequential")]
    [BenchmarkCategory(MlpProtection)]
    public float MlpTmrSequential() => _mlp.RunManaged(ProtectionMode.Tmr);

    [Benchmark(Description = "TMR parallel")]
    [BenchmarkCategory(MlpProtection)]
    public float MlpTmrParallel() => _mlp.RunManaged(ProtectionMode.Tmr, ReplicaScheduling.Parallel);

    [Benchmark(Description = "ABFT")]
    [BenchmarkCategory(MlpProtection)]
    public float MlpAbft() => _mlp.RunManaged(ProtectionMode.Abft);

    [Benchmark(Description = "ABFT + TMR head")]
    [BenchmarkCategory(MlpProtection)]
    public float MlpAbftTmr() => _mlp.RunManaged(ProtectionMode.AbftTmr);

    private sealed class InferenceBenchmarkConfig : ManualConfig
    {
        public InferenceBenchmarkConfig() => WithOptions(ConfigOptions.DisableOptimizationsValidator);
    }
}
