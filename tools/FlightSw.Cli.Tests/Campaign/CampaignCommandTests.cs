using FlightSw.Campaigns.Running;
using FlightSw.Cli.Tests.Fixtures;

namespace FlightSw.Cli.Tests.Campaign;

public class CampaignCommandTests
{
    private string _folder = null!;

    [SetUp]
    public void CreateFolder() => Directory.CreateDirectory(_folder = Path.Combine(Path.GetTempPath(), $"cli-campaign-{Guid.NewGuid():N}"));

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void Run_OptionsOnly_RunsTheCampaignAndPrintsTheSummary()
    {
        string output = Path.Combine(_folder, "r.jsonl");
        var run = CliRun.Of(["campaign", "run", "--protection", "none,tmr", "--trials", "12", "--workers", "2", "--output", output]);
        var results = ResultsFile.Read(output, out _);
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
            Assert.That(results.IsComplete, Is.True);
            Assert.That(results.Header.Variants, Is.EqualTo(new[] { "none", "tmr" }));
            Assert.That(run.Out, Does.Contain("| none | 12 |").And.Contain("| tmr | 12 |"));
            Assert.That(run.Out, Does.Contain("24/24 trials (100.0 %)"));
        });
    }

    [Test]
    public void Run_BadCampaignFile_ExitsTwoNamingFileFieldAndReason()
    {
        string file = Path.Combine(_folder, "bad.json");
        File.WriteAllText(file, """{ "workload": { "kind": "inference" }, "faults": { "bits": "exponant" }, "size": { "trials": 5 } }""");
        var run = CliRun.Of(["campaign", "run", file, "--output", Path.Combine(_folder, "r.jsonl")]);
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.Error, Does.Contain($"{file}: faults.bits: \"exponant\" is not a bit selection"));
        });
    }

    [Test]
    public void Run_OptionOverridesTheFile_NamesBoth()
    {
        string file = Path.Combine(_folder, "c.json");
        File.WriteAllText(file, """{ "workload": { "kind": "inference" }, "size": { "trials": 5 } }""");
        var run = CliRun.Of(["campaign", "run", file, "--protection", "qmr", "--output", Path.Combine(_folder, "r.jsonl")]);
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.Error, Does.Contain("(with command-line options): workload.protection: \"qmr\" is not a protection mode"));
        });
    }

    [Test]
    public void Run_ConfidenceOption_KeepsTheFilesMarginAndPopulation()
    {
        string file = Path.Combine(_folder, "c.json");
        File.WriteAllText(file, """{ "workload": { "kind": "inference", "protection": "none" }, "size": { "margin": 0.2, "confidence": 0.9, "population": 100 } }""");
        string output = Path.Combine(_folder, "r.jsonl");
        var run = CliRun.Of(["campaign", "run", file, "--confidence", "0.95", "--output", output]);

        // 100 * 0.960365 / (0.04 * 99 + 0.960365) = 19.5 -> 20 trials (0.9 would give 15; no population, 25).
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
            Assert.That(ResultsFile.Read(output, out _).Header.TrialsPerVariant, Is.EqualTo(20));
        });
    }

    [Test]
    public void Run_TrialsAndMargin_ExitsTwo()
    {
        var run = CliRun.Of(["campaign", "run", "--trials", "3", "--margin", "0.05"]);
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.Error, Does.Contain("not both"));
        });
    }

    [Test]
    public void Run_ModelOption_IsFoundFromTheCurrentFolderNotTheFiles()
    {
        string elsewhere = Path.Combine(_folder, "configs");
        Directory.CreateDirectory(elsewhere);
        string file = Path.Combine(elsewhere, "c.json");
        File.WriteAllText(file, """{ "workload": { "kind": "inference" }, "size": { "trials": 1 } }""");
        string model = $"no-such-model-{Guid.NewGuid():N}.onnx";
        var run = CliRun.Of(["campaign", "run", file, "--model", model, "--output", Path.Combine(_folder, "r.jsonl")]);
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.Error, Does.Contain(Path.Combine(Directory.GetCurrentDirectory(), model)));
        });
    }

    [Test]
    public void Run_ResultsFileOfAnotherCampaign_ExitsTwoAndKeepsIt()
    {
        string output = Path.Combine(_folder, "r.jsonl");
        Assume.That(CliRun.Of(["campaign", "run", "--protection", "none", "--trials", "4", "--output", output]).ExitCode, Is.EqualTo(0));
        byte[] before = File.ReadAllBytes(output);
        var run = CliRun.Of(["campaign", "run", "--protection", "none", "--trials", "4", "--seed", "9", "--output", output]);
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.Error, Does.Contain("cannot resume: it is another campaign"));
            Assert.That(File.ReadAllBytes(output), Is.EqualTo(before));
        });
    }

    [Test]
    public void Run_OutputInAMissingFolder_ExitsTwoNamingIt()
    {
        string output = Path.Combine(_folder, "missing", "r.jsonl");
        var run = CliRun.Of(["campaign", "run", "--protection", "none", "--trials", "2", "--output", output]);
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.Error, Does.Contain(output));
        });
    }

    [Test]
    public void Run_ShardsWithoutTheJobIndex_ExitsTwo()
    {
        var run = CliRun.Of(["campaign", "run", "--trials", "3", "--shards", "4"]);
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.Error, Does.Contain("$JOB_COMPLETION_INDEX (0 to 3); it is not set"));
        });
    }

    [Test]
    public void Run_BadShard_ExitsTwo()
    {
        var run = CliRun.Of(["campaign", "run", "--trials", "3", "--shard", "4/3"]);
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.Error, Does.Contain("--shard: '4/3' is not a shard"));
        });
    }

    [Test]
    public void Merge_TwoShards_WritesTheWholeCampaign()
    {
        string[] shards = [Path.Combine(_folder, "a.jsonl"), Path.Combine(_folder, "b.jsonl")];
        for (int k = 1; k <= 2; k++)
        {
            Assume.That(CliRun.Of(["campaign", "run", "--protection", "none", "--trials", "10", "--shard", $"{k}/2", "--output", shards[k - 1]]).ExitCode, Is.EqualTo(0));
        }

        string merged = Path.Combine(_folder, "merged.jsonl");
        var run = CliRun.Of(["campaign", "merge", "--output", merged, .. shards]);
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
            Assert.That(run.Out, Does.StartWith("Merged 2 shard(s), 10 trials"));
            Assert.That(ResultsFile.Read(merged, out _).Header.Shard, Is.EqualTo(ShardSpec.Whole));
        });
    }

    [Test]
    public void Merge_IncompleteShards_ExitsTwoNamingTheMissingShard()
    {
        string shard = Path.Combine(_folder, "a.jsonl");
        Assume.That(CliRun.Of(["campaign", "run", "--protection", "none", "--trials", "4", "--shard", "1/2", "--output", shard]).ExitCode, Is.EqualTo(0));
        var run = CliRun.Of(["campaign", "merge", "--output", Path.Combine(_folder, "m.jsonl"), shard]);
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.Error, Does.Contain("shard(s) 2/2 missing"));
        });
    }

    [Test]
    public void Report_Results_WritesHtmlMarkdownAndPlots()
    {
        string results = Path.Combine(_folder, "r.jsonl");
        Assume.That(CliRun.Of(["campaign", "run", "--protection", "none,abft", "--trials", "10", "--output", results]).ExitCode, Is.EqualTo(0));
        string report = Path.Combine(_folder, "report");
        var run = CliRun.Of(["campaign", "report", results, "--output", report]);
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
            Assert.That(File.ReadAllText(Path.Combine(report, "report.html")), Does.Contain("abft"));
            Assert.That(File.Exists(Path.Combine(report, "summary.md")), Is.True);
            Assert.That(Directory.GetFiles(report, "*.png"), Has.Length.EqualTo(3));
        });
    }

    [Test]
    public void Report_NotAResultsFile_ExitsTwoNamingIt()
    {
        string file = Path.Combine(_folder, "x.jsonl");
        File.WriteAllText(file, "{\"hello\":1}\n");
        var run = CliRun.Of(["campaign", "report", file]);
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.Error, Does.Contain($"{file}:1: is not a FlightSw campaign results file"));
        });
    }
}
