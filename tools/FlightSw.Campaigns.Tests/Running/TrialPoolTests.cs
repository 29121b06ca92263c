using FlightSw.Campaigns.Config;
using FlightSw.Campaigns.Running;
using FlightSw.Campaigns.Tests.Fixtures;
using FlightSw.Campaigns.Trials;

namespace FlightSw.Campaigns.Tests.Running;

/// <summary>The runner with scripted trials: hangs on the host clock, failures of the tool, stops and locks.</summary>
public class TrialPoolTests
{
    private static readonly CampaignConfig Config = CampaignConfigReader.Parse("""{ "workload": { "kind": "inference", "protection": "none" }, "size": { "trials": 40 } }""", "scripted.json", Path.GetTempPath());

    private string _folder = null!;

    [SetUp]
    public void CreateFolder() => Directory.CreateDirectory(_folder = Path.Combine(Path.GetTempPath(), $"pool-{Guid.NewGuid():N}"));

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void Run_TrialThatNeverAnswers_IsRecordedAsHangAndTheOthersFinish()
    {
        using var never = new ManualResetEventSlim();
        var stuck = Plain().Plan(7).Planned.Fault;
        using var factory = new ScriptedWorkloadFactory(f =>
        {
            if (f == stuck)
            {
                never.Wait();
            }

            return ScriptedWorkloadFactory.Echo(f);
        });

        var summary = new CampaignRunner(Config, factory, new RunnerOptions { Workers = 2, HangFloor = TimeSpan.FromMilliseconds(300) }).Run(Path.Combine(_folder, "r.jsonl"));
        never.Set();
        Assert.Multiple(() =>
        {
            Assert.That(summary.Results.IsComplete, Is.True);
            Assert.That(summary.Results.Trials.Single(t => t.Trial == 7).Outcome, Is.EqualTo(TrialOutcome.Hang));
            Assert.That(summary.Results.Trials.Count(t => t.Outcome == TrialOutcome.Hang), Is.EqualTo(1));
        });
    }

    [Test]
    public void Run_ToolFailsOnATrial_FailsTheCampaignWithoutRecordingIt()
    {
        var failing = Plain().Plan(5).Planned.Fault;
        using var factory = new ScriptedWorkloadFactory(f => f == failing ? throw new InvalidOperationException("aim lost") : ScriptedWorkloadFactory.Echo(f));
        string path = Path.Combine(_folder, "r.jsonl");
        var failure = Assert.Throws<CampaignFailedException>(() => new CampaignRunner(Config, factory, new RunnerOptions { Workers = 2, HangFloor = TimeSpan.FromMilliseconds(300) }).Run(path))!;
        var kept = ResultsFile.Read(path, out _);
        Assert.Multiple(() =>
        {
            Assert.That(failure.Trial, Is.EqualTo(5));
            Assert.That(failure.Message, Does.Contain("aim lost"));
            Assert.That(kept.Trials.Select(t => t.Trial), Has.None.EqualTo(5));
            Assert.That(kept.Trials.Select(t => t.Outcome), Has.None.EqualTo(TrialOutcome.Hang));
        });
    }

    [Test]
    public void Run_StoppedAfterTenTrials_KeepsWhatFinishedAndResumesToTheSameFile()
    {
        using var stop = new CancellationTokenSource();
        int ran = 0;
        using var stopping = new ScriptedWorkloadFactory(f =>
        {
            if (Interlocked.Increment(ref ran) == 10)
            {
                stop.Cancel();
            }

            return ScriptedWorkloadFactory.Echo(f);
        });
        string path = Path.Combine(_folder, "r.jsonl");
        var first = new CampaignRunner(Config, stopping, new RunnerOptions { Workers = 1, Cancellation = stop.Token }).Run(path);

        using var plain = new ScriptedWorkloadFactory(ScriptedWorkloadFactory.Echo);
        var second = new CampaignRunner(Config, plain, new RunnerOptions { Workers = 2 }).Run(path);
        string whole = Path.Combine(_folder, "whole.jsonl");
        new CampaignRunner(Config, plain, new RunnerOptions { Workers = 1 }).Run(whole);
        Assert.Multiple(() =>
        {
            Assert.That(first.Cancelled, Is.True);
            Assert.That(first.Results.Trials, Has.Count.EqualTo(10));
            Assert.That(second.ResumedFrom, Is.EqualTo(10));
            Assert.That(second.RanThisRun, Is.EqualTo(30));
            Assert.That(File.ReadAllBytes(path), Is.EqualTo(File.ReadAllBytes(whole)));
        });
    }

    [Test]
    public void Run_ToolFailsWhileAnotherTrialKeepsTheWatchAlive_TheFailedTrialIsNotRecordedAsHang()
    {
        // Trial 0 fails at once; trial 1 outlives the hang floor, so the watcher keeps looking
        // at both workers long after trial 0 ended.
        var failing = Plain().Plan(0).Planned.Fault;
        var slow = Plain().Plan(1).Planned.Fault;
        using var factory = new ScriptedWorkloadFactory(f =>
        {
            if (f == failing)
            {
                throw new InvalidOperationException("aim lost");
            }

            if (f == slow)
            {
                Thread.Sleep(TimeSpan.FromMilliseconds(900));
            }

            return ScriptedWorkloadFactory.Echo(f);
        });
        string path = Path.Combine(_folder, "r.jsonl");
        Assert.Throws<CampaignFailedException>(() => new CampaignRunner(Config, factory, new RunnerOptions { Workers = 2, HangFloor = TimeSpan.FromMilliseconds(200) }).Run(path));
        Assert.That(ResultsFile.Read(path, out _).Trials.Select(t => t.Trial), Has.None.EqualTo(0));
    }

    [Test]
    public void Run_ProgressDisplayFails_StopsTakingTrialsAndKeepsThoseDone()
    {
        using var factory = new ScriptedWorkloadFactory(f =>
        {
            Thread.Sleep(TimeSpan.FromMilliseconds(50));
            return ScriptedWorkloadFactory.Echo(f);
        });
        string path = Path.Combine(_folder, "r.jsonl");

        // The first report comes a quarter of a second in, long before 40 trials of 50 ms on one worker.
        var options = new RunnerOptions { Workers = 1, Progress = _ => throw new IOException("broken pipe") };
        Assert.That(() => new CampaignRunner(Config, factory, options).Run(path), Throws.InvalidOperationException.With.Message.Contains("broken pipe"));
        var kept = ResultsFile.Read(path, out bool partial);
        Assert.Multiple(() =>
        {
            Assert.That(partial, Is.False);
            Assert.That(kept.Trials, Has.Count.InRange(1, 39));
        });
    }

    [Test]
    public void Run_FileAnotherRunIsWriting_IsRefused()
    {
        using var factory = new ScriptedWorkloadFactory(ScriptedWorkloadFactory.Echo);
        string path = Path.Combine(_folder, "r.jsonl");
        using (ResultsLock.Take(path))
        {
            Assert.That(() => new CampaignRunner(Config, factory).Run(path), Throws.TypeOf<ResultsFormatException>().With.Message.Contains("another campaign run is writing it"));
        }

        Assert.That(new CampaignRunner(Config, factory).Run(path).Results.IsComplete, Is.True);
    }

    [Test]
    public void Run_ResultsOfAnotherBuild_AreRefused()
    {
        using var factory = new ScriptedWorkloadFactory(ScriptedWorkloadFactory.Echo);
        string path = Path.Combine(_folder, "r.jsonl");
        var runner = new CampaignRunner(Config, factory, new RunnerOptions { Shard = new ShardSpec(1, 2) });
        runner.Run(path);
        File.WriteAllText(path, File.ReadAllText(path).Replace(SoftwareVersion.Current, "0.9.0+old build 000000000000", StringComparison.Ordinal));
        Assert.That(() => runner.Run(path), Throws.TypeOf<ResultsFormatException>().With.Message.Contains("results of two builds are not one campaign"));
    }

    // The faults are planned from the seed alone: any runner of the campaign says which trial gets which.
    private static CampaignRunner Plain() => new(Config, new ScriptedWorkloadFactory(ScriptedWorkloadFactory.Echo));
}
