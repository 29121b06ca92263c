using FlightSw.Campaigns.Config;
using FlightSw.Campaigns.Running;
using FlightSw.Campaigns.Trials;
using FlightSw.Campaigns.Workloads;

namespace FlightSw.Campaigns.Tests.Running;

public class CampaignRunnerTests
{
    // Every site and protection mode, few trials: about half a second a run.
    private const string Campaign = """
        {
          "name": "determinism", "seed": 2026,
          "workload": { "kind": "inference", "inputs": { "count": 3 } },
          "faults": { "sites": ["weight", "activation", "accumulator"], "bits": "exponent" },
          "size": { "trials": 24 }
        }
        """;

    private string _folder = null!;

    [SetUp]
    public void CreateFolder() => Directory.CreateDirectory(_folder = Path.Combine(Path.GetTempPath(), $"campaign-{Guid.NewGuid():N}"));

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void Run_OneWorkerAndTwoWorkers_WriteTheSameBytes()
    {
        string one = RunInto("one.jsonl", new RunnerOptions { Workers = 1 });
        string two = RunInto("two.jsonl", new RunnerOptions { Workers = 2 });
        Assert.That(File.ReadAllBytes(two), Is.EqualTo(File.ReadAllBytes(one)));
    }

    [Test]
    public void Merge_ThreeShards_GivesExactlyTheUnshardedRun()
    {
        string whole = RunInto("whole.jsonl", new RunnerOptions { Workers = 2 });
        var shards = Enumerable.Range(1, 3).Select(k => RunInto($"shard-{k}.jsonl", new RunnerOptions { Workers = 2, Shard = new ShardSpec(k, 3) })).ToList();
        string merged = Path.Combine(_folder, "merged.jsonl");
        ResultsFile.Write(merged, CampaignMerge.Merge(shards));
        Assert.That(File.ReadAllBytes(merged), Is.EqualTo(File.ReadAllBytes(whole)));
    }

    [Test]
    public void Run_ShardsOfThree_SplitEveryVariantWithoutOverlap()
    {
        var trials = Enumerable.Range(1, 3)
            .Select(k => ResultsFile.Read(RunInto($"s{k}.jsonl", new RunnerOptions { Shard = new ShardSpec(k, 3) }), out _))
            .ToList();
        var all = trials.SelectMany(r => r.Trials.Select(t => t.Trial)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(all, Is.Unique);
            Assert.That(all, Has.Count.EqualTo(5 * 24));
            Assert.That(trials.Select(r => r.Trials.Select(t => t.Variant).Distinct().Count()), Is.All.EqualTo(5));
        });
    }

    [Test]
    public void Run_FileCutShortByAStop_ResumesAndEndsWithTheSameBytes()
    {
        string whole = RunInto("whole.jsonl", new RunnerOptions { Workers = 1 });

        // What a stopped run leaves: the header, some trials in the order they finished, and a line cut short.
        var lines = File.ReadAllLines(whole);
        string path = Path.Combine(_folder, "resumed.jsonl");
        File.WriteAllText(path, string.Join("\n", new[] { lines[0] }.Concat(lines.Skip(1).Take(37).Reverse())) + "\n" + lines[40][..25]);
        var config = Config();
        using var factory = WorkloadFactories.Create(config.Workload);
        var summary = new CampaignRunner(config, factory, new RunnerOptions { Workers = 2 }).Run(path);
        Assert.Multiple(() =>
        {
            Assert.That(summary.ResumedFrom, Is.EqualTo(37));
            Assert.That(summary.RanThisRun, Is.EqualTo(5 * 24 - 37));
            Assert.That(File.ReadAllBytes(path), Is.EqualTo(File.ReadAllBytes(whole)));
        });
    }

    [Test]
    public void Run_ResultsFileOfAnotherCampaign_IsRefusedAndKept()
    {
        string path = RunInto("other.jsonl", new RunnerOptions());
        byte[] before = File.ReadAllBytes(path);
        var other = CampaignConfigReader.Parse(Campaign.Replace("2026", "7", StringComparison.Ordinal), "other.json", _folder);
        using var factory = WorkloadFactories.Create(other.Workload);
        var refusal = Assert.Throws<ResultsFormatException>(() => new CampaignRunner(other, factory).Run(path))!;
        Assert.Multiple(() =>
        {
            Assert.That(refusal.Message, Does.Contain("cannot resume").And.Contain("another campaign"));
            Assert.That(File.ReadAllBytes(path), Is.EqualTo(before));
        });
    }

    [Test]
    public void Run_EveryTrial_HasAnOutcomeAndADetail()
    {
        var results = ResultsFile.Read(RunInto("all.jsonl", new RunnerOptions()), out _);
        Assert.Multiple(() =>
        {
            Assert.That(results.IsComplete, Is.True);
            Assert.That(results.Trials.Select(t => t.Trial), Is.EqualTo(Enumerable.Range(0, 5 * 24).Select(i => (long)i)));
            Assert.That(results.Trials.Select(t => t.Detail), Has.None.Empty);

            // Exponent flips in an unprotected model: some must go wrong silently, or the aim is off.
            Assert.That(results.Trials.Where(t => t.Variant == "none").Select(t => t.Outcome), Has.Some.EqualTo(TrialOutcome.Sdc));
        });
    }

    [Test]
    public void Merge_MissingShard_IsRefusedNamingIt()
    {
        var shards = new[] { 1, 3 }.Select(k => RunInto($"m{k}.jsonl", new RunnerOptions { Shard = new ShardSpec(k, 3) })).ToList();
        Assert.That(() => CampaignMerge.Merge(shards), Throws.TypeOf<ResultsFormatException>().With.Message.Contains("shard(s) 2/3 missing"));
    }

    [Test]
    public void Merge_SameShardTwice_IsRefused()
    {
        string shard = RunInto("d1.jsonl", new RunnerOptions { Shard = new ShardSpec(1, 2) });
        string copy = Path.Combine(_folder, "d1-copy.jsonl");
        File.Copy(shard, copy);
        Assert.That(() => CampaignMerge.Merge([shard, copy]), Throws.TypeOf<ResultsFormatException>().With.Message.Contains("given twice"));
    }

    private CampaignConfig Config() => CampaignConfigReader.Parse(Campaign, "determinism.json", _folder);

    private string RunInto(string name, RunnerOptions options)
    {
        string path = Path.Combine(_folder, name);
        var config = Config();
        using var factory = WorkloadFactories.Create(config.Workload);
        new CampaignRunner(config, factory, options).Run(path);
        return path;
    }
}
