using System.Text.Json.Nodes;
using FlightSw.Campaigns.Config;
using FlightSw.Campaigns.Faults;
using FlightSw.Campaigns.Trials;
using FlightSw.Campaigns.Workloads.EccRegion;
using FlightSw.Campaigns.Workloads.Node;
using FlightSw.Core.Commands;
using FlightSw.Edac.Codec;
using FlightSw.Hal.Boards;
using FlightSw.Inference.Protection;
using FlightSw.Node.Payload;

namespace FlightSw.Campaigns.Tests.Workloads.Node;

/// <summary>
/// The node workload on the simulated board, with crafted faults whose outcome is known. Flights
/// are short (60 s, an inference every 10 s) and the factories, whose golden flights are flown
/// once, are shared by the fixture.
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
            Assert.That(regions.All(t => t.ElementBits == 72 && t.Replica == -1), Is.True);
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

    /// <summary>
    /// The must-show Hang, and only on a board whose watchdog (one hour) is slower than the
    /// trial's horizon: the executive's thread stops, nothing answers, and nothing resets the node
    /// within ten golden times. On the shipped sim board (5 s watchdog) the very same fault is
    /// Detected-Recovered by the watchdog reset: see
    /// <see cref="Run_ExecutiveHaltsOnTheShippedSimBoard_IsDetectedRecoveredByTheWatchdogReset"/>.
    /// </summary>
    [Test]
    public void Run_ExecutiveHaltsOnABoardWithAOneHourWatchdog_IsHang()
    {
        var verdict = RunOne(_longWatchdog, "tmr", Hang("scheduler"));

        Assert.That(verdict.Outcome, Is.EqualTo(TrialOutcome.Hang), verdict.Detail);
        Assert.That(verdict.Detail, Does.Contain("within ten times the golden time"));
    }

    /// <summary>The same fault as <see cref="Run_ExecutiveHaltsOnABoardWithAOneHourWatchdog_IsHang"/> on the shipped sim board: its 5 s watchdog resets the node, which answers again.</summary>
    [Test]
    public void Run_ExecutiveHaltsOnTheShippedSimBoard_IsDetectedRecoveredByTheWatchdogReset()
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
        // watchdog would fire an hour later, past the trial's horizon (ten golden times). A
        // latent fault nothing sees within the horizon, not a hang.
        var verdict = RunOne(_longWatchdog, "tmr", Hang("health"));

        Assert.That(verdict.Outcome, Is.EqualTo(TrialOutcome.Masked), verdict.Detail);
    }

    [TestCase(0.05)]
    [TestCase(0.5)]
    [TestCase(1.0)]
    public void Run_InferenceJobHangsAnyTime_IsDetectedRecoveredByAHealthRestart(double at)
    {
        // Struck at the last golden answer, the restart comes after it: the trial flies on for
        // the detection window, so the verdict does not depend on when the fault struck.
        var verdict = RunOne(_sim, "tmr", Hang("inference", at));

        Assert.That(verdict.Outcome, Is.EqualTo(TrialOutcome.DetectedRecovered), verdict.Detail);
        Assert.That(verdict.Detail, Does.Contain("HEALTH_RESTARTED").And.Not.Contain("reset"));
    }

    [Test]
    public void Run_InferenceJobHangsWithNoRestartAllowed_IsDueAsTheHealthMonitorDisablesIt()
    {
        // HEALTH_RESTARTS_MAX 0, as the ground would set it (PRM_SET at every boot): the first
        // missed deadline disables the non-critical job, which publishes nothing more. The node
        // says so (HEALTH_DISABLED), so the missing answers are detected, not a hang.
        using var factory = new NodeWorkloadFactory(Config("sim", ProtectionMode.Tmr), null, [CommandRequest.Of("PRM_SET", "HEALTH_RESTARTS_MAX", "0")]);

        var verdict = RunOne(factory, "tmr", Hang("inference", 0.3));

        Assert.That(verdict.Outcome, Is.EqualTo(TrialOutcome.Due), verdict.Detail);
        Assert.That(verdict.Detail, Does.Contain("disabled inference").And.Contain("HEALTH_UNRESPONSIVE"));
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

    [TestCase(0.05)]
    [TestCase(0.5)]
    [TestCase(1.0)]
    public void Run_SingleBitFlipInAPayloadImageWordAnyTime_IsCorrectedByTheScrub(double at)
    {
        var verdict = RunOne(_sim, "tmr", Flip("payload-weights", 8_000, 20, at: at));

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

    [TestCase(0.5)]
    [TestCase(1.0)]
    public void Run_CheckBitFlipInAModelWeightWordUnderTmr_IsCorrectedAsOnlyTheScrubCanSeeIt(double at)
    {
        // A check bit changes no weight, so the vote agrees; the scrub of the hit region corrects
        // it, whether the patrol would have got there before the last answer or not.
        var verdict = RunOne(_sim, "tmr", Flip("classifier.r1", 30_000, 70, at: at));

        Assert.That(verdict.Outcome, Is.EqualTo(TrialOutcome.Corrected), verdict.Detail);
    }

    [Test]
    public void Run_SingleBitFlipInTheOnlyWeightCopyUnprotected_IsSdc()
    {
        var verdict = RunOne(_sim, "none", Flip("classifier.r0", 10_421, 30));

        // The wrong answers went out as good; the scrub of the hit region corrects the word
        // afterwards, which does not take them back.
        Assert.That(verdict.Outcome, Is.EqualTo(TrialOutcome.Sdc), verdict.Detail);
        Assert.That(verdict.Detail, Does.Contain("answers differ").And.Contain("class").And.Not.Contain("INFER_"));
    }

    /// <summary>
    /// Bits 0..2 of one codeword: their Hsiao columns XOR to check bit 64's, so the scrub
    /// "corrects" a check bit and the three wrong data bits become a valid codeword. No answer
    /// reads the payload image, so only the stored data can show it: SDC, as the ECC-region
    /// workload calls the same upset.
    /// </summary>
    [Test]
    public void Run_ThreeAdjacentBitsHsiaoMiscorrects_IsSdcInTheNodeAsInTheEccRegionWorkload()
    {
        var node = RunOne(_sim, "tmr", Flip("payload-weights", 100, 0, width: 3));
        using var eccFactory = new EccRegionWorkloadFactory(new EccRegionWorkloadConfig { Words = 256, InterleaveDepths = [1] });
        using var ecc = eccFactory.Create("interleave-1");
        var region = ecc.Run(0, new PlannedFault(FaultSiteKind.EccWord, EccRegionWorkloadFactory.RegionName, -1, 100, 0, 3, FaultKind.AdjacentBits, 0, 0));

        Assert.Multiple(() =>
        {
            Assert.That(node.Outcome, Is.EqualTo(TrialOutcome.Sdc), node.Detail);
            Assert.That(node.Detail, Does.Contain("stored data silently wrong: payload-weights 1 word(s)"));
            Assert.That(region.Outcome, Is.EqualTo(TrialOutcome.Sdc), region.Detail);
        });
    }

    /// <summary>Four data bits whose Hsiao columns XOR to zero: the codeword stays valid, nothing can see it, and the stored data is wrong.</summary>
    [Test]
    public void Run_EvenWeightUpsetTheCodeCannotSee_IsSdcWithNothingDetected()
    {
        const int word = 1_234;
        ulong mask = UndetectableDataMask();
        byte[] image = File.ReadAllBytes(Path.Combine(PayloadImageManifest.DefaultDirectory(), "payload-weights.bin"));
        ulong stored = BitConverter.ToUInt64(image, word * sizeof(ulong));
        var fault = new PlannedFault(FaultSiteKind.EccWord, "payload-weights", -1, word, 0, 64, FaultKind.RandomValue, stored ^ mask, 0.4);

        var verdict = RunOne(_sim, "tmr", fault);

        Assert.That(verdict.Outcome, Is.EqualTo(TrialOutcome.Sdc), verdict.Detail);
        Assert.That(verdict.Detail, Does.Contain("(4 physical bit(s) flipped)").And.Contain("payload-weights 1 word(s)").And.Contain("nothing was detected"));
    }

    [Test]
    public void Golden_FlightThatDetectsSomethingWithNoFault_IsRefusedNamingTheBoardAndTheEvents()
    {
        // A component hung at every boot: the "fault-free" flight sees the health monitor act.
        using var factory = new NodeWorkloadFactory(Config("sim", ProtectionMode.Tmr), null, [CommandRequest.Of("FI_HANG", "power")]);

        Assert.That(() => factory.TargetsOf("tmr"), Throws.InvalidOperationException
            .With.Message.Contains("board 'sim'")
            .And.Message.Contains("HEALTH_UNRESPONSIVE")
            .And.Message.Contains("detected faults with none injected"));
    }

    /// <summary>The lowest four data bits whose Hsiao columns XOR to zero.</summary>
    private static ulong UndetectableDataMask()
    {
        for (int a = 0; a < 64; a++)
        {
            for (int b = a + 1; b < 64; b++)
            {
                for (int c = b + 1; c < 64; c++)
                {
                    for (int d = c + 1; d < 64; d++)
                    {
                        if ((Hsiao7264.Column(a) ^ Hsiao7264.Column(b) ^ Hsiao7264.Column(c) ^ Hsiao7264.Column(d)) == 0)
                        {
                            return (1UL << a) | (1UL << b) | (1UL << c) | (1UL << d);
                        }
                    }
                }
            }
        }

        throw new InvalidOperationException("No four data columns of the code XOR to zero.");
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
            Flip("payload-weights", 100, 0, width: 3, at: 0.9),
        ];
        var alone = faults.Select(fault => RunOne(_sim, "tmr", fault)).ToList();

        var parallel = new TrialVerdict[faults.Length];
        Parallel.For(0, faults.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => parallel[i] = RunOne(_sim, "tmr", faults[i]));

        Assert.That(parallel, Is.EqualTo(alone));
    }

    [Test]
    public void Run_UnderAnotherCulture_SameDetailToTheByte()
    {
        var faults = new[] { Flip("classifier.r1", 10_421, 20, at: 0.37), Hang("health", 0.613), Flip("payload-weights", 100, 0, width: 3, at: 0.5) };
        var invariant = faults.Select(fault => RunOne(_sim, "tmr", fault)).ToList();
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        List<TrialVerdict> german;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.GetCultureInfo("de-DE");
            german = faults.Select(fault => RunOne(_sim, "tmr", fault)).ToList();
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
        }

        Assert.That(german, Is.EqualTo(invariant));
    }

    [Test]
    public void Run_RegionTheBootDoesNotHave_IsAToolError()
    {
        Assert.That(() => RunOne(_sim, "none", Flip("classifier.r2", 1, 1)), Throws.InvalidOperationException.With.Message.Contains("classifier.r0"));
    }
}
