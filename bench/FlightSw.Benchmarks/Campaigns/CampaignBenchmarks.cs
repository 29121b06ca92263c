using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using FlightSw.Campaigns.Config;
using FlightSw.Campaigns.Running;
using FlightSw.Campaigns.Workloads;

namespace FlightSw.Benchmarks.Campaigns;

/// <summary>
/// A ±1 % / 95 % campaign (9,604 trials) for one protection mode of the README's headline
/// campaign (tools/campaigns/mobilenet-protection.json: the MobileNet-style 32x32 model,
/// single-bit upsets in weights, activations and accumulators), end to end: workload built,
/// golden runs, trials, results file written and rewritten in order. Each mode with one worker
/// and with two (the machine's cores), side by side; the baseline is unprotected on one worker.
/// </summary>
[Config(typeof(CampaignBenchmarkConfig))]
public class CampaignBenchmarks
{
    /// <summary>Trials per invocation: ±1 % at 95 % confidence.</summary>
    public const int Trials = 9604;

    private string _folder = null!;
    private string _json = null!;

    [Params("none", "dmr", "tmr", "abft", "abft+tmr")]
    public string Protection { get; set; } = "none";

    [Params(1, 2)]
    public int Workers { get; set; } = 1;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), $"campaign-bench-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_folder);
        _json = File.ReadAllText(Path.Combine(FindRoot(), "tools", "campaigns", "mobilenet-protection.json"));
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    [Benchmark]
    public long Campaign()
    {
        var json = (System.Text.Json.Nodes.JsonObject)System.Text.Json.Nodes.JsonNode.Parse(_json, documentOptions: new() { CommentHandling = System.Text.Json.JsonCommentHandling.Skip })!;
        json["workload"]!["protection"] = new System.Text.Json.Nodes.JsonArray(Protection);
        var config = CampaignConfigReader.Parse(json, "mobilenet-protection.json", _folder);
        string path = Path.Combine(_folder, $"{Guid.NewGuid():N}.jsonl");
        using var factory = WorkloadFactories.Create(config.Workload);
        var summary = new CampaignRunner(config, factory, new RunnerOptions { Workers = Workers }).Run(path);
        File.Delete(path);
        return summary.RanThisRun;
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "FlightSw.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("No FlightSw.sln above the benchmark's folder.");
    }

    private sealed class CampaignBenchmarkConfig : ManualConfig
    {
        public CampaignBenchmarkConfig()
        {
            // Each invocation is a whole campaign of seconds: measured a few times, not thousands, in process
            // (run it without --inProcess, which would add a second job with the default thousands).
            AddJob(Job.Default.WithStrategy(RunStrategy.Monitoring).WithWarmupCount(1).WithIterationCount(3).WithInvocationCount(1).WithUnrollFactor(1).WithToolchain(InProcessEmitToolchain.Instance));
            AddColumn(new TrialRateColumn());
            WithOrderer(new BenchmarkDotNet.Order.DefaultOrderer(BenchmarkDotNet.Order.SummaryOrderPolicy.Declared));
        }
    }
}
