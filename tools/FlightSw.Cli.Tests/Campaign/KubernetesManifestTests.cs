using System.Text.Json;
using FlightSw.Cli.Packaging;
using FlightSw.Cli.Tests.Fixtures;

namespace FlightSw.Cli.Tests.Campaign;

/// <summary>
/// The shipped Indexed Job manifest, run as Kubernetes would run it (minus Kubernetes): every
/// index with its JOB_COMPLETION_INDEX and the manifest's own arguments, then merged.
/// </summary>
public class KubernetesManifestTests
{
    private static readonly string Root = RepositoryRoot.Find(AppContext.BaseDirectory);
    private static readonly string Manifest = Path.Combine(Root, "tools", "k8s", "campaign-indexed-job.yaml");

    [Test]
    public void ConfigMap_HoldsTheHeadlineCampaignFile()
    {
        Assert.That(ConfigMapCampaign(), Is.EqualTo(File.ReadAllText(Path.Combine(Root, "tools", "campaigns", "mobilenet-protection.json"))));
    }

    [Test]
    public void Job_IsIndexedWithOneShardPerCompletion()
    {
        var args = Arguments();
        string text = File.ReadAllText(Manifest);
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("completionMode: Indexed"));
            Assert.That(Scalar("completions"), Is.EqualTo(args[args.IndexOf("--shards") + 1]));
            Assert.That(Scalar("parallelism"), Is.EqualTo(Scalar("completions")));
        });
    }

    [Test]
    public void EveryIndex_RunWithTheManifestArguments_MergesIntoTheUnshardedCampaign()
    {
        string folder = Path.Combine(Path.GetTempPath(), $"k8s-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            string campaign = Path.Combine(folder, "campaign.json");
            File.WriteAllText(campaign, ConfigMapCampaign());
            int count = int.Parse(Scalar("completions"), System.Globalization.CultureInfo.InvariantCulture);

            // The manifest's arguments, with the mounted file here and a small size, as a test can afford.
            string[] small = ["--trials", "3"];
            var args = Arguments().Select(a => a == "/campaign/campaign.json" ? campaign : a).ToList();
            var shards = new List<string>();
            for (int index = 0; index < count; index++)
            {
                string output = Path.Combine(folder, $"mobilenet-protection.shard-{index + 1}-of-{count}.jsonl");
                var run = CliRun.Of([.. args, .. small, "--output", output], new Dictionary<string, string> { ["JOB_COMPLETION_INDEX"] = $"{index}" });
                Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
                shards.Add(output);
            }

            string merged = Path.Combine(folder, "merged.jsonl");
            string whole = Path.Combine(folder, "whole.jsonl");
            Assert.That(CliRun.Of(["campaign", "merge", "--output", merged, .. shards]).ExitCode, Is.EqualTo(0));
            Assert.That(CliRun.Of(["campaign", "run", campaign, .. small, "--output", whole]).ExitCode, Is.EqualTo(0));
            Assert.That(File.ReadAllBytes(merged), Is.EqualTo(File.ReadAllBytes(whole)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    // The manifest is plain enough to read without a YAML library: the block scalar of the
    // ConfigMap, the flow list of arguments, and top-level scalars of the Job spec.
    private static string ConfigMapCampaign()
    {
        var lines = File.ReadAllLines(Manifest);
        int start = Array.FindIndex(lines, l => l.Trim() == "campaign.json: |") + 1;
        var block = lines.Skip(start).TakeWhile(l => l != "---").Select(l => l.Length >= 4 ? l[4..] : l.Trim());
        return string.Join("\n", block) + "\n";
    }

    private static List<string> Arguments()
    {
        string line = File.ReadAllLines(Manifest).Single(l => l.TrimStart().StartsWith("args:", StringComparison.Ordinal));
        return JsonSerializer.Deserialize<List<string>>(line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..])!;
    }

    private static string Scalar(string name) =>
        File.ReadAllLines(Manifest).Select(l => l.Trim()).Single(l => l.StartsWith(name + ":", StringComparison.Ordinal))[(name.Length + 1)..].Trim();
}
