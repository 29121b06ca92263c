using System.Globalization;
using FlightSw.Core.Commands;
using FlightSw.Core.Events;
using FlightSw.Inference.Job;
using FlightSw.Inference.Protection;

namespace FlightSw.Inference.Tests.Job;

public class InferenceJobTests
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(InferenceJob.DefaultPeriodSeconds);

    /// <summary>Every job count the board's workload reports, in order.</summary>
    private static List<int> JobCounts(InferenceNode node)
    {
        var counts = new List<int>();
        node.Board.Jobs.Changed += counts.Add;
        return counts;
    }

    private static int[] Ints(IEnumerable<EventRecord> events, string argument) =>
        [.. events.Select(e => Convert.ToInt32(e[argument], CultureInfo.InvariantCulture))];

    [Test]
    public void OnCycle_WithoutAPowerManager_RunsAnInferenceEveryPeriodAsAWorkloadJob()
    {
        using var node = new InferenceNode(withPower: false);
        var counts = JobCounts(node);

        node.RunFor(Period - TimeSpan.FromSeconds(1));
        uint runsBeforeThePeriod = node.Job.Runs;
        node.RunFor(TimeSpan.FromSeconds(2));
        uint runsAfterOnePeriod = node.Job.Runs;
        int? firstClass = node.Job.LastClass;
        node.RunFor(Period);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(runsBeforeThePeriod, Is.Zero);
            Assert.That(runsAfterOnePeriod, Is.EqualTo(1u));
            Assert.That(firstClass, Is.EqualTo(TinyClassifier.ExpectedClasses[0]));
            Assert.That(node.Job.Runs, Is.EqualTo(2u));
            Assert.That(node.Job.LastClass, Is.EqualTo(TinyClassifier.ExpectedClasses[1]));
            Assert.That(node.Telemetry("INFER_RUNS"), Is.EqualTo(2u));
            Assert.That(node.Telemetry("INFER_UNANIMOUS"), Is.EqualTo(0u), "protection None is unchecked");
            Assert.That(node.Job.LastResult!.Outcome, Is.EqualTo(InferenceOutcome.Unchecked));
            Assert.That(counts, Is.EqualTo(new[] { 1, 0, 1, 0 }), "one workload job per inference, ended with it");
            Assert.That(node.EventsNamed("INFER_RESULT"), Is.Empty, "scheduled runs report by telemetry only");
        }
    }

    [Test]
    public void OnCycle_PowerManagerInNominal_RunsAsAHeavyJobEndedWithTheInference()
    {
        using var node = new InferenceNode(stateOfCharge: 0.8);
        var counts = JobCounts(node);

        node.RunFor(Period + TimeSpan.FromSeconds(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(node.Job.Runs, Is.EqualTo(1u));
            Assert.That(counts, Is.EqualTo(new[] { 1, 0 }));
            Assert.That(node.Power.HeavyJobsRunning, Is.Zero);
            Assert.That(node.Telemetry("POWER_JOBS_DEFERRED"), Is.EqualTo(0u));
            Assert.That(node.Telemetry("INFER_CLASS"), Is.EqualTo(TinyClassifier.ExpectedClasses[0]));
            Assert.That((double)node.Telemetry("INFER_SCORE")!, Is.GreaterThan(1.0 / 3).And.LessThan(1.0), "a softmax probability");
        }
    }

    [Test]
    public void OnCycle_InferenceDueOutsideNominal_WaitsReportingOnceAndRunsWhenPowerAllows()
    {
        using var node = new InferenceNode(stateOfCharge: 0.45);

        node.RunFor(TimeSpan.FromMinutes(5));
        uint runsWhileWaiting = node.Job.Runs;
        bool waiting = node.Job.IsWaiting;
        uint powerRefusals = (uint)node.Telemetry("POWER_JOBS_DEFERRED")!;
        node.SetBattery(0.8);
        node.RunFor(TimeSpan.FromMinutes(2));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(runsWhileWaiting, Is.Zero);
            Assert.That(waiting, Is.True);
            Assert.That(powerRefusals, Is.GreaterThanOrEqualTo(239u), "retried every second from the first period on");
            Assert.That(node.EventsNamed("INFER_DEFERRED").Select(e => e.Message), Is.EqualTo(new[] { "Inference waits for power (mode PowerSave)" }));
            Assert.That(node.Telemetry("INFER_DEFERRED"), Is.EqualTo(1u));
            Assert.That(node.Job.Deferred, Is.EqualTo(1u));
            Assert.That(node.Job.Runs, Is.GreaterThanOrEqualTo(1u), "ran once back in Nominal");
            Assert.That(node.Job.IsWaiting, Is.False);
        }
    }

    [Test]
    public void OnCycle_PeriodZero_RunsOnlyOnCommand()
    {
        using var node = new InferenceNode();
        node.SetParameter("INFER_PERIOD_S", 0);

        node.RunFor(TimeSpan.FromMinutes(10));
        uint runsWithoutCommand = node.Job.Runs;
        var response = node.Command("INFER_RUN");
        node.RunFor(TimeSpan.FromMinutes(10));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(runsWithoutCommand, Is.Zero);
            Assert.That(response.Succeeded, Is.True, response.Message);
            Assert.That(node.Job.Runs, Is.EqualTo(1u));
            Assert.That(node.EventsNamed("INFER_DEFERRED"), Is.Empty);
        }
    }

    [Test]
    public void OnCycle_PeriodChangedByCommand_AppliesToTheNextInference()
    {
        using var node = new InferenceNode();
        node.SetParameter("INFER_PERIOD_S", 10);

        node.RunFor(TimeSpan.FromSeconds(31));

        Assert.That(node.Job.Runs, Is.EqualTo(3u));
    }

    [Test]
    public void InferRun_Repeated_TakesTheSamplesInTurnWrappingAroundAndReportsEachResult()
    {
        using var node = new InferenceNode();
        node.SetParameter("INFER_PERIOD_S", 0);
        node.RunFor(TimeSpan.FromSeconds(2));

        var responses = Enumerable.Range(0, 5).Select(_ => node.Command("INFER_RUN")).ToList();
        var results = node.EventsNamed("INFER_RESULT");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(responses.Select(r => r.Succeeded), Is.All.True);
            Assert.That(responses[0].Message, Is.EqualTo("sample 0: class 0, Unchecked"));
            Assert.That(Ints(results, "sample"), Is.EqualTo(new[] { 0, 1, 2, 3, 0 }));
            Assert.That(Ints(results, "class"), Is.EqualTo(new[] { 0, 1, 2, 2, 0 }));
            Assert.That(results.Select(e => e["outcome"]), Is.All.EqualTo(InferenceOutcome.Unchecked));
            Assert.That(node.Job.NextSample, Is.EqualTo(1));
            Assert.That(node.Telemetry("INFER_RUNS"), Is.EqualTo(5u));
        }
    }

    [Test]
    public void InferRun_UnderAPowerModeFloor_IsRefusedWithTheMode()
    {
        using var node = new InferenceNode(stateOfCharge: 0.8);
        node.RunFor(TimeSpan.FromSeconds(2));
        node.Command("POWER_MODE_SET", "Safe");

        var response = node.Command("INFER_RUN");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.Succeeded, Is.False);
            Assert.That(response.Message, Is.EqualTo("power mode Safe allows no heavy job"));
            Assert.That(node.Job.Runs, Is.Zero);
            Assert.That(node.Job.NextSample, Is.Zero, "no sample used up");
        }
    }

    [Test]
    public void InferRun_WithAGivenLatencyClock_PublishesTheInferenceDurationOnIt()
    {
        var clock = new SteppingClock(TimeSpan.FromMilliseconds(7));
        using var node = new InferenceNode(latencyClock: clock);
        node.RunFor(TimeSpan.FromSeconds(2));

        node.Command("INFER_RUN");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(node.Telemetry("INFER_LATENCY_MS"), Is.EqualTo(7.0));
            Assert.That(node.Job.LastLatency, Is.EqualTo(TimeSpan.FromMilliseconds(7)));
            Assert.That(node.EventsNamed("INFER_RESULT").Single()["latencyMs"], Is.EqualTo(7.0));
        }
    }

    [Test]
    public void InferRun_OnTheBoardClock_MeasuresVirtualTimeWhichStandsStill()
    {
        using var node = new InferenceNode();
        node.RunFor(TimeSpan.FromSeconds(2));

        node.Command("INFER_RUN");

        Assert.That(node.Telemetry("INFER_LATENCY_MS"), Is.EqualTo(0.0));
    }

    [Test]
    public void InferFault_WeightUpsetInReplica1UnderTmr_IsMaskedNamingTheReplicaAndKeepsTheClass()
    {
        using var node = new InferenceNode(ProtectionMode.Tmr);
        node.SetParameter("INFER_PERIOD_S", 0);
        node.RunFor(TimeSpan.FromSeconds(2));

        var armed = node.Command("INFER_FAULT", "Weight", "1", TinyClassifier.Layer, "0", "31");
        var run = node.Command("INFER_RUN");
        uint maskedAfterTheUpset = node.Job.Masked;
        node.Command("INFER_RUN");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(armed.Succeeded, Is.True, armed.Message);
            Assert.That(node.EventsNamed("INFER_FAULT_ARMED").Single()["replica"], Is.EqualTo(1));
            Assert.That(run.Succeeded, Is.True, run.Message);
            Assert.That(node.EventsNamed("INFER_MASKED").Single()["replica"], Is.EqualTo(1));
            Assert.That(node.EventsNamed("INFER_RESULT")[0]["class"], Is.EqualTo(TinyClassifier.ExpectedClasses[0]), "the majority's answer");
            Assert.That(maskedAfterTheUpset, Is.EqualTo(1u));
            Assert.That(node.Telemetry("INFER_MASKED"), Is.EqualTo(1u));
            Assert.That(node.Telemetry("INFER_UNANIMOUS"), Is.EqualTo(1u), "the replica was repaired: the next run agrees");
            Assert.That(node.Telemetry("INFER_PROTECTION"), Is.EqualTo(ProtectionMode.Tmr));
            Assert.That(node.Job.LastClass, Is.EqualTo(TinyClassifier.ExpectedClasses[1]));
        }
    }

    [Test]
    public void InferFault_SameUpsetUnprotected_ChangesTheClassSilently()
    {
        using var node = new InferenceNode(ProtectionMode.None);
        node.SetParameter("INFER_PERIOD_S", 0);
        node.RunFor(TimeSpan.FromSeconds(2));

        node.Command("INFER_FAULT", "Weight", "0", TinyClassifier.Layer, "0", "31");
        node.Command("INFER_RUN");

        using (Assert.EnterMultipleScope())
        {
            // The sign flip makes class 0's weight on its own input -1: the aim is true.
            Assert.That(node.Job.LastClass, Is.Not.EqualTo(TinyClassifier.ExpectedClasses[0]));
            Assert.That(node.Job.LastResult!.Outcome, Is.EqualTo(InferenceOutcome.Unchecked));
            Assert.That(node.EventsNamed("INFER_MASKED"), Is.Empty);
        }
    }

    [Test]
    public void InferFault_WeightUpsetUnderDmr_IsRecomputedAndReported()
    {
        using var node = new InferenceNode(ProtectionMode.Dmr);
        node.SetParameter("INFER_PERIOD_S", 0);
        node.RunFor(TimeSpan.FromSeconds(2));

        node.Command("INFER_FAULT", "Weight", "1", TinyClassifier.Layer, "0", "31");
        var run = node.Command("INFER_RUN");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.Succeeded, Is.True, run.Message);
            Assert.That(node.EventsNamed("INFER_RECOMPUTED"), Has.Count.EqualTo(1));
            Assert.That(node.Telemetry("INFER_RECOMPUTED"), Is.EqualTo(1u));
            Assert.That(node.Job.LastClass, Is.EqualTo(TinyClassifier.ExpectedClasses[0]));
        }
    }

    [TestCase("Weight", "0", "nope", "0", "31", "nope")]
    [TestCase("Weight", "3", TinyClassifier.Layer, "0", "31", "replica 3")]
    [TestCase("Weight", "0", TinyClassifier.Layer, "100000", "31", "100000")]
    public void InferFault_TargetTheModelLacks_IsRefusedWithTheEngineReason(string site, string replica, string layer, string element, string bit, string named)
    {
        using var node = new InferenceNode(ProtectionMode.Tmr);
        node.RunFor(TimeSpan.FromSeconds(2));

        var response = node.Command("INFER_FAULT", site, replica, layer, element, bit);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.Status, Is.EqualTo(CommandStatus.Rejected));
            Assert.That(response.Message, Does.Contain(named));
            Assert.That(response.Message, Does.Not.Contain("(Parameter"));
            Assert.That(node.EventsNamed("INFER_FAULT_ARMED"), Is.Empty);
        }
    }

    [Test]
    public void InferFault_BitBeyondAFloat_IsRefusedByItsBounds()
    {
        using var node = new InferenceNode();
        node.RunFor(TimeSpan.FromSeconds(2));

        var response = node.Command("INFER_FAULT", "Weight", "0", TinyClassifier.Layer, "0", "32");

        Assert.That(response.Status, Is.EqualTo(CommandStatus.InvalidArguments));
    }

    [Test]
    public void Scrubber_GivenTheModelsWeightRegions_PatrolsAndCorrectsThem()
    {
        using var node = new InferenceNode(withScrubber: true);
        node.SetParameter("INFER_PERIOD_S", 0);
        node.SetParameter("SCRUB_PERIOD_S", 10);
        string region = TinyClassifier.RegionPrefix + ".r0";

        var flip = node.Command("FI_FLIP_BIT", region, "0", "5");
        node.RunFor(TimeSpan.FromSeconds(25));
        node.Command("INFER_RUN");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(node.Board.Memory.Targets.Select(t => t.Name), Does.Contain(region));
            Assert.That(flip.Succeeded, Is.True, flip.Message);
            Assert.That(node.Scrubber!.FullScans, Is.GreaterThanOrEqualTo(1));
            Assert.That(node.Telemetry("ECC_TINY_R0_CORRECTED"), Is.EqualTo(1UL));
            Assert.That(node.Job.LastClass, Is.EqualTo(TinyClassifier.ExpectedClasses[0]));
        }
    }

    [Test]
    public void Constructor_SamplesNotTheInputsSize_Throws()
    {
        var samples = new InferenceSamples([new float[TinyClassifier.InputLength + 1]]);

        Assert.That(() => new InferenceJob(TinyClassifier.Load(), samples),
            Throws.ArgumentException.With.Message.Contains("Samples hold 5 floats"));
    }

    [Test]
    public void Constructor_Declares_ItsPeriodWithItsDefaultAndBounds()
    {
        using var node = new InferenceNode();

        var tooLong = node.Command("PRM_SET", "INFER_PERIOD_S", "86401");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(node.App.Parameters.Find("INFER_PERIOD_S")!.ValueText, Is.EqualTo("60"));
            Assert.That(tooLong.Succeeded, Is.False);
            Assert.That(node.Job.IsCritical, Is.False);
        }
    }

    [Test]
    public void Constructor_PeriodGiven_IsTheParametersDefaultAndSetsTheRhythm()
    {
        using var node = new InferenceNode(periodSeconds: 600);

        node.RunFor(TimeSpan.FromSeconds(599));
        uint runsBeforeThePeriod = node.Job.Runs;
        node.RunFor(TimeSpan.FromSeconds(2));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(node.App.Parameters.Find("INFER_PERIOD_S")!.ValueText, Is.EqualTo("600"));
            Assert.That(node.App.Parameters.Find("INFER_PERIOD_S")!.DefaultText, Is.EqualTo("600"));
            Assert.That(runsBeforeThePeriod, Is.Zero);
            Assert.That(node.Job.Runs, Is.EqualTo(1u));
        }
    }

    [TestCase(-1.0)]
    [TestCase(InferenceJob.MaxPeriodSeconds + 1)]
    [TestCase(double.NaN)]
    [TestCase(double.PositiveInfinity)]
    public void Constructor_PeriodOutOfRange_Throws(double periodSeconds)
    {
        Assert.That(() => new InferenceJob(TinyClassifier.Load(), TinyClassifier.Samples(), periodSeconds: periodSeconds),
            Throws.InstanceOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("periodSeconds"));
    }
}
