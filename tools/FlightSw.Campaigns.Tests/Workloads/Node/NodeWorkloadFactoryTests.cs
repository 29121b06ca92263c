using System.Text.Json.Nodes;
using FlightSw.Campaigns.Config;
using FlightSw.Campaigns.Faults;
using FlightSw.Campaigns.Trials;
using FlightSw.Campaigns.Workloads.Node;
using FlightSw.Hal.Boards;
using FlightSw.Inference.Protection;

namespace FlightSw.Campaigns.Tests.Workloads.Node;

/// <summary>
/// The node workload on the simulated board. Flights are short (60 s, an inference every 10 s)
/// and the factories, whose golden flights are flown once, are shared by the fixture.
/// </summary>
public sealed class NodeWorkloadFactoryTests
{
    private string _boards = string.Empty;
    private NodeWorkloadFactory _sim = null!;
    private NodeWorkloadFactory _longWatchdog = null!;

    [OneTimeSetUp]
    public void CreateFactories()
    {
        _boards = Directory.CreateTempSubdirectory("flightsw-node-workload-").FullName;
        _sim = new NodeWorkloadFactory(Config("sim", ProtectionMode.Tmr, ProtectionMode.None));
        _longWatchdog = new NodeWorkloadFactory(Config(WriteLongWatchdogBoard(), ProtectionMode.Tmr));
    }

    [OneTimeTearDown]
    public void DisposeFactories()
    {
        _sim?.Dispose();
        _longWatchdog?.Dispose();
        Directory.Delete(_boards, recursive: true);
    }

    private static NodeWorkloadConfig Config(string board, params ProtectionMode[] protections) =>
        new() { Board = board, NodeSeed = 3, DurationSeconds = 60, InferencePeriodSeconds = 10, Protections = protections };

    private static PlannedFault Hang(string component, double at = 0.5) =>
        new(FaultSiteKind.ComponentState, component, -1, -1, -1, 1, FaultKind.SingleBit, 0, at);

    private static PlannedFault Flip(string region, long word, int bit, int width = 1, double at = 0.5) =>
        new(FaultSiteKind.EccWord, region, -1, word, bit, width, width == 1 ? FaultKind.SingleBit : FaultKind.AdjacentBits, 0, at);

    private static TrialVerdict RunOne(NodeWorkloadFactory factory, string variant, PlannedFault fault)
    {
        using var workload = factory.Create(variant);
        return workload.Run(0, fault);
    }

    /// <summary>boards/sim.json with a one-hour watchdog: nothing resets a stopped node within ten golden times.</summary>
    private string WriteLongWatchdogBoard()
    {
        string sim = Path.Combine(BoardCatalog.Locate().Directory, "sim.json");
        var json = JsonNode.Parse(File.ReadAllText(sim))!.AsObject();
        json["name"] = "sim-long-watchdog";
        json["watchdog"]!["timeoutSeconds"] = 3600;
        string path = Path.Combine(_boards, "sim-long-watchdog.json");
        File.WriteAllText(path, json.ToJsonString());
        return path;
    }

    [Test]
    public void Factory_Config_VariantsAreProtectionsOnVirtualTime()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_sim.Variants, Is.EqualTo(new[] { "tmr", "none" }));
            Assert.That(_sim.InputCount, Is.EqualTo(1));
            Assert.That(_sim.RunsOnVirtualTime, Is.True);
            Assert.That(() => _sim.Create("abft"), Throws.ArgumentException.With.Message.Contains("tmr, none"));
        });
    }

    [Test]
    public void TargetsOf_Tmr_EveryRegionOfTheMemoryMapAndEveryComponent()
    {
        var targets = _sim.TargetsOf("tmr");
        var regions = targets.Where(t => t.Site == FaultSiteKind.EccWord).ToList();
        var components = targets.Where(t => t.Site == FaultSiteKind.ComponentState).Select(t => t.Name).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(regions.Select(t => t.Name), Is.EqualTo(new[] { "payload-weights", "classifier.r0", "classifier.r1", "classifier.r2" }));
            Assert.That(regions.All(t => t.ElementBits == 72 && t.Group == t.Name && t.Replica == -1), Is.True);
            Assert.That(regions[0].Elements, Is.EqualTo(262_144 / 8), "payload-weights holds 256 KiB");
            Assert.That(components, Is.SupersetOf(new[] { "scheduler", "health", "inference", "scrubber", "faults" }));
            Assert.That(targets.Where(t => t.Site == FaultSiteKind.ComponentState).All(t => t.Elements == 1 && t.ElementBits == 0), Is.True);
        });
    }

    [Test]
    public void TargetsOf_None_HasOneWeightCopy()
    {
        Assert.That(_sim.TargetsOf("none").Where(t => t.Site == FaultSiteKind.EccWord).Select(t => t.Name), Is.EqualTo(new[] { "payload-weights", "classifier.r0" }));
    }

    [Test]
    public void Factory_UnknownComponent_IsRefusedNamingTheKnownOnes()
    {
        var config = Config("sim", ProtectionMode.Tmr) with { Components = ["inference", "camera"] };

        Assert.That(() => new NodeWorkloadFactory(config), Throws.ArgumentException
            .With.Message.Contains("'camera'")
            .And.Message.Contains("health")
            .And.Message.Contains("scrubber"));
    }

    [Test]
    public void Factory_ConfiguredComponents_AreTheOnlyComponentTargets()
    {
        using var factory = new NodeWorkloadFactory(Config("sim", ProtectionMode.Tmr) with { Components = ["inference", "health"] });

        Assert.That(factory.TargetsOf("tmr").Where(t => t.Site == FaultSiteKind.ComponentState).Select(t => t.Name), Is.EqualTo(new[] { "inference", "health" }));
    }

    [Test]
    public void GoldenTime_IsTheVirtualTimeOfTheLastGoldenAnswer()
    {
        using var workload = _sim.Create("tmr");

        // First inference one period after the boot (about 2 s), then one every 10 s, up to 60 s.
        Assert.That(workload.GoldenTime(0).TotalSeconds, Is.InRange(50, 60));
    }

    [Test]
    public void Run_ExecutiveHangsOnALongWatchdog_IsHang()
    {
        var verdict = RunOne(_longWatchdog, "tmr", Hang("scheduler"));

        Assert.That(verdict.Outcome, Is.EqualTo(TrialOutcome.Hang), verdict.Detail);
        Assert.That(verdict.Detail, Does.Contain("within ten times the golden time"));
    }

    [Test]
    public void Run_ExecutiveHangsOnTheFiveSecondWatchdog_IsDetectedRecoveredByTheWatchdogReset()
    {
        var verdict = RunOne(_sim, "tmr", Hang("scheduler"));

        Assert.That(verdict.Outcome, Is.EqualTo(TrialOutcome.DetectedRecovered), verdict.Detail);
        Assert.That(verdict.Detail, Does.Contain("Watchdog reset"));
    }

    [Test]
    public void Run_HealthMonitorHangsOnTheFiveSecondWatchdog_IsDetectedRecoveredByTheWatchdogReset()
    {
        var verdict = RunOne(_sim, "tmr", Hang("health"));

        Assert.That(verdict.Outcome, Is.EqualTo(TrialOutcome.DetectedRecovered), verdict.Detail);
        Assert.That(verdict.Detail, Does.Contain("Watchdog reset"));
    }

    [Test]
    public void Run_HealthMonitorHangsOnALongWatchdog_IsMaskedAsThePayloadFliesOn()
    {
        // Only the monitor stops: the job keeps publishing right answers, and the unpetted
        // watchdog fires long after the trial's answers are in. A latent fault, not a hang.
        var verdict = RunOne(_longWatchdog, "tmr", Hang("health"));

        Assert.That(verdict.Outcome, Is.EqualTo(TrialOutcome.Masked), verdict.Detail);
    }

    [Test]
    public void Run_InferenceJobHangs_IsDetectedRecoveredByAHealthRestart()
    {
        var verdict = RunOne(_sim, "tmr", Hang("inference"));

        Assert.That(verdict.Outcome, Is.EqualTo(TrialOutcome.DetectedRecovered), verdict.Detail);
        Assert.That(verdict.Detail, Does.Contain("HEALTH_RESTARTED").And.Not.Contain("reset"));
    }

    [Test]
    public void Run_PassiveComponentHangs_IsMasked()
    {
        // The fault injector runs no cycle: hung, it has nothing to stop.
        var verdict = RunOne(_sim, "tmr", Hang("faults"));

        Assert.That(verdict.Outcome, Is.EqualTo(TrialOutcome.Masked), verdict.Detail);
    }

    [Test]
    public void Run_HangDueBeforeTheFirstBoot_StrikesWhenTheSoftwareRuns()
    {
        var verdict = RunOne(_sim, "tmr", Hang("inference", at: 0));

        Assert.That(verdict.Outcome, Is.EqualTo(TrialOutcome.DetectedRecovered), verdict.Detail);
        Assert.That(verdict.Detail, Does.Contain("FI_HANG inference"));
    }

    [Test]
    public void Run_SingleBitFlipInAPayloadImageWord_IsCorrectedByThePatrol()
    {
        var verdict = RunOne(_sim, "tmr", Flip("payload-weights", 8_000, 20));

        Assert.That(verdict.Outcome, Is.EqualTo(TrialOutcome.Corrected), verdict.Detail);
    }

    [Test]
    public void Run_SingleBitFlipInAModelWeightWordUnderTmr_IsDetectedRecoveredAsTheVoteSeesItBeforeThePatrol()
    {
        // The model reads its weights uncorrected and the patrol visits a word once per scrub
        // period (10 min): the next inference, 10 s later, outvotes replica 1 and repairs it.
        var verdict = RunOne(_sim, "tmr", Flip("classifier.r1", 10_421, 20));

        Assert.That(verdict.Outcome, Is.EqualTo(TrialOutcome.DetectedRecovered), verdict.Detail);
        Assert.That(verdict.Detail, Does.Contain("INFER_MASKED"));
    }

    [Test]
    public void Run_CheckBitFlipInAModelWeightWordUnderTmr_IsMaskedAsNeitherVoteNorPatrolSeesItInTime()
    {
        // A check bit changes no weight, so the vote agrees; the patrol has not reached the word
        // when the last answer is in: latent, and the answers are right.
        var verdict = RunOne(_sim, "tmr", Flip("classifier.r1", 30_000, 70));

        Assert.That(verdict.Outcome, Is.EqualTo(TrialOutcome.Masked), verdict.Detail);
    }

    [Test]
    public void Run_SingleBitFlipInTheOnlyWeightCopyUnprotected_IsSdc()
    {
        var verdict = RunOne(_sim, "none", Flip("classifier.r0", 10_421, 30));

        Assert.That(verdict.Outcome, Is.EqualTo(TrialOutcome.Sdc), verdict.Detail);
        Assert.That(verdict.Detail, Does.Contain("nothing was detected"));
    }

    [Test]
    public void Run_AdjacentTwoBitUpsetInAPayloadImageWord_IsDetectedRecoveredByTheGoldenReload()
    {
        var verdict = RunOne(_sim, "tmr", Flip("payload-weights", 8_000, 20, width: 2));

        Assert.That(verdict.Outcome, Is.EqualTo(TrialOutcome.DetectedRecovered), verdict.Detail);
        Assert.That(verdict.Detail, Does.Contain("SCRUB_RECOVERED"));
    }

    [Test]
    public void Run_SameFaultTwice_SameVerdict()
    {
        var fault = Flip("classifier.r2", 4_321, 30, at: 0.37);

        var first = RunOne(_sim, "tmr", fault);
        var second = RunOne(_sim, "tmr", fault);
        var hangFirst = RunOne(_sim, "tmr", Hang("health", 0.61));
        var hangSecond = RunOne(_sim, "tmr", Hang("health", 0.61));

        Assert.Multiple(() =>
        {
            Assert.That(second, Is.EqualTo(first));
            Assert.That(hangSecond, Is.EqualTo(hangFirst));
        });
    }

    [Test]
    public void Run_TrialsOnParallelWorkers_SameVerdictsAsOneWorker()
    {
        PlannedFault[] faults =
        [
            Flip("classifier.r0", 10_421, 20, at: 0.2),
            Flip("payload-weights", 8_000, 20, width: 2),
            Hang("inference", 0.4),
            Hang("scheduler", 0.7),
        ];
        var alone = faults.Select(fault => RunOne(_sim, "tmr", fault)).ToList();

        var parallel = new TrialVerdict[faults.Length];
        Parallel.For(0, faults.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => parallel[i] = RunOne(_sim, "tmr", faults[i]));

        Assert.That(parallel, Is.EqualTo(alone));
    }

    [Test]
    public void Run_RegionTheBootDoesNotHave_IsAToolError()
    {
        Assert.That(() => RunOne(_sim, "none", Flip("classifier.r2", 1, 1)), Throws.InvalidOperationException.With.Message.Contains("classifier.r0"));
    }
}
