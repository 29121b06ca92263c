using FlightSw.Campaigns.Trials;
using FlightSw.Campaigns.Workloads.Node;
using FlightSw.Hal;
using FlightSw.Sim;

namespace FlightSw.Campaigns.Tests.Workloads.Node;

/// <summary>
/// The node classifier's rules and their order, on observations built directly: the outcomes no
/// single crafted fault on the shipped image reaches (a crash, an engine failure, a golden reload
/// that fails), and every pair of rules that can hold at once.
/// </summary>
public sealed class NodeTrialClassifierTests
{
    private const int Expected = 3;

    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(320);

    private static readonly Dictionary<int, NodeAnswer> Golden = new()
    {
        [0] = new NodeAnswer(0, true, 4, 0.75f, TimeSpan.FromSeconds(12)),
        [1] = new NodeAnswer(1, true, 9, 0.5f, TimeSpan.FromSeconds(22)),
        [2] = new NodeAnswer(2, true, 1, 0.25f, TimeSpan.FromSeconds(32)),
    };

    private static NodeAnswer Right(int sample) => Golden[sample] with { At = Golden[sample].At + TimeSpan.FromSeconds(0.5) };

    private static NodeAnswer WrongClass(int sample) => Right(sample) with { Class = 7 };

    private static NodeAnswer Failed(int sample) => new(sample, false, -1, float.NaN, Golden[sample].At);

    private static NodeAnswer[] AllRight => [Right(0), Right(1), Right(2)];

    private static NodeTrialObservation Seen(
        IReadOnlyList<NodeAnswer>? answers = null,
        IReadOnlyList<ResetRecord>? resets = null,
        IReadOnlyList<(string Name, double At)>? events = null,
        IReadOnlyList<string>? disabled = null,
        long corrected = 0,
        string? escaped = null,
        IReadOnlyList<RegionDataCheck>? stored = null)
    {
        var seen = new Dictionary<string, NodeEventSeen>(StringComparer.Ordinal);
        foreach (var (name, at) in events ?? [])
        {
            seen[name] = seen.TryGetValue(name, out var before) ? before with { Count = before.Count + 1 } : new NodeEventSeen(1, $"{name} message", TimeSpan.FromSeconds(at));
        }

        return new NodeTrialObservation("the fault at 20 s", TimeSpan.FromSeconds(60), Limit, answers ?? AllRight, resets ?? [], seen, disabled ?? [], corrected, 0, escaped, stored ?? []);
    }

    private static ResetRecord Reset(ResetCause cause, double at) => new(TimeSpan.FromSeconds(at), cause, "reason", 1);

    private static TrialVerdict Classify(NodeTrialObservation seen) => NodeTrialClassifier.Classify(seen, Expected, Golden);

    [Test]
    public void Classify_NothingSeen_IsMasked()
    {
        var verdict = Classify(Seen());

        Assert.That(verdict, Is.EqualTo(new TrialVerdict(TrialOutcome.Masked, "After the fault at 20 s, every answer and stored word right and nothing noticed it.")));
    }

    [Test]
    public void Classify_OnlyTheEccActed_IsCorrected()
    {
        Assert.That(Classify(Seen(corrected: 2)).Outcome, Is.EqualTo(TrialOutcome.Corrected));
    }

    [TestCase("INFER_MASKED")]
    [TestCase("SCRUB_RECOVERED")]
    [TestCase("HEALTH_UNRESPONSIVE")]
    [TestCase("HEALTH_RESTARTED")]
    public void Classify_ARecoveryEventAndEverythingRight_IsDetectedRecoveredBeforeCorrected(string name)
    {
        var verdict = Classify(Seen(events: [(name, 25)], corrected: 1));

        Assert.That(verdict.Outcome, Is.EqualTo(TrialOutcome.DetectedRecovered), verdict.Detail);
        Assert.That(verdict.Detail, Does.Contain(name));
    }

    [Test]
    public void Classify_AWatchdogResetAndEverythingRight_IsDetectedRecovered()
    {
        var verdict = Classify(Seen(resets: [Reset(ResetCause.Watchdog, 25)]));

        Assert.That(verdict.Outcome, Is.EqualTo(TrialOutcome.DetectedRecovered), verdict.Detail);
        Assert.That(verdict.Detail, Does.Contain("Watchdog reset at 25 s"));
    }

    [Test]
    public void Classify_AnInferenceFailed_IsDue()
    {
        var verdict = Classify(Seen(answers: [Right(0), Failed(1), Right(2)], events: [("INFER_FAILED", 22)]));

        Assert.That(verdict.Outcome, Is.EqualTo(TrialOutcome.Due), verdict.Detail);
        Assert.That(verdict.Detail, Does.Contain("1 inference(s) failed and published nothing (INFER_FAILED message)"));
    }

    [Test]
    public void Classify_EscalatedWithNoResetAfter_IsDue()
    {
        // A reset before the escalation does not repair what was escalated after it.
        var verdict = Classify(Seen(resets: [Reset(ResetCause.Watchdog, 10)], events: [("SCRUB_UNCORRECTABLE", 30), ("SCRUB_ESCALATED", 30)]));

        Assert.That(verdict.Outcome, Is.EqualTo(TrialOutcome.Due), verdict.Detail);
        Assert.That(verdict.Detail, Does.Contain("could not be repaired at 30 s and no reset followed"));
    }

    [Test]
    public void Classify_EccRecoveryFailedWithNoReset_IsDue()
    {
        var verdict = Classify(Seen(events: [("SCRUB_UNCORRECTABLE", 30), ("SCRUB_RECOVERY_FAILED", 30), ("SCRUB_ESCALATED", 30)]));

        Assert.That(verdict.Outcome, Is.EqualTo(TrialOutcome.Due), verdict.Detail);
        Assert.That(verdict.Detail, Does.Contain("SCRUB_RECOVERY_FAILED"));
    }

    [Test]
    public void Classify_EscalatedThenAWarmResetAndEverythingRight_IsDetectedRecovered()
    {
        var verdict = Classify(Seen(resets: [Reset(ResetCause.CommandedWarmReset, 30)], events: [("SCRUB_ESCALATED", 30), ("HEALTH_ESCALATED", 30), ("HEALTH_WARM_RESET", 30)]));

        Assert.That(verdict.Outcome, Is.EqualTo(TrialOutcome.DetectedRecovered), verdict.Detail);
    }

    [Test]
    public void Classify_TheInferenceJobDisabledAndAnswersMissing_IsDueNotHang()
    {
        var verdict = Classify(Seen(answers: [Right(0)], events: [("HEALTH_UNRESPONSIVE", 15), ("HEALTH_DISABLED", 15)], disabled: ["inference"]));

        Assert.That(verdict.Outcome, Is.EqualTo(TrialOutcome.Due), verdict.Detail);
        Assert.That(verdict.Detail, Does.Contain("disabled inference for the rest of the boot; 1 of 3 answers by 320 s"));
    }

    [Test]
    public void Classify_AnotherComponentDisabledAndEveryAnswerRight_IsDue()
    {
        var verdict = Classify(Seen(events: [("HEALTH_UNRESPONSIVE", 15), ("HEALTH_DISABLED", 18)], disabled: ["payload-duty"]));

        Assert.That(verdict.Outcome, Is.EqualTo(TrialOutcome.Due), verdict.Detail);
    }

    [Test]
    public void Classify_AStoredWordStillUncorrectable_IsDue()
    {
        var verdict = Classify(Seen(stored: [new RegionDataCheck("payload-weights", 0, 1)]));

        Assert.That(verdict.Outcome, Is.EqualTo(TrialOutcome.Due), verdict.Detail);
        Assert.That(verdict.Detail, Does.Contain("payload-weights 1 word(s)"));
    }

    [Test]
    public void Classify_AnswersMissingAndNothingSaidWhy_IsHang()
    {
        var verdict = Classify(Seen(answers: [Right(0)]));

        Assert.That(verdict.Outcome, Is.EqualTo(TrialOutcome.Hang), verdict.Detail);
        Assert.That(verdict.Detail, Does.Contain("only 1 of 3 answers within ten times the golden time (320 s)"));
    }

    [Test]
    public void Classify_AnswersMissingAndAnInferenceFailed_IsHangBeforeDue()
    {
        var verdict = Classify(Seen(answers: [Failed(0)], events: [("INFER_FAILED", 12)]));

        Assert.That(verdict.Outcome, Is.EqualTo(TrialOutcome.Hang), verdict.Detail);
    }

    [Test]
    public void Classify_AWrongAnswerThenNoMore_IsSdcBeforeHang()
    {
        var verdict = Classify(Seen(answers: [WrongClass(0)]));

        Assert.That(verdict.Outcome, Is.EqualTo(TrialOutcome.Sdc), verdict.Detail);
        Assert.That(verdict.Detail, Does.Contain("1 of 1 answers differ, first sample 0 at 12.5 s: class 7 instead of 4"));
    }

    [Test]
    public void Classify_AWrongAnswerAndAFailedOne_IsSdcBeforeDue()
    {
        var verdict = Classify(Seen(answers: [WrongClass(0), Failed(1), Right(2)], events: [("INFER_FAILED", 22)]));

        Assert.That(verdict.Outcome, Is.EqualTo(TrialOutcome.Sdc), verdict.Detail);
    }

    [Test]
    public void Classify_AScoreDifferingInItsLastBit_IsSdc()
    {
        var right = Right(1);
        var off = right with { Score = BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(right.Score) + 1) };

        var verdict = Classify(Seen(answers: [Right(0), off, Right(2)], events: [("INFER_MASKED", 22)]));

        Assert.That(verdict.Outcome, Is.EqualTo(TrialOutcome.Sdc), verdict.Detail);
        Assert.That(verdict.Detail, Does.Contain("same class"));
    }

    [Test]
    public void Classify_StoredDataSilentlyWrong_IsSdcNamingTheRegionAndWords()
    {
        var verdict = Classify(Seen(corrected: 1, stored: [new RegionDataCheck("payload-weights", 1, 0), new RegionDataCheck("classifier.r2", 3, 1)]));

        Assert.That(verdict.Outcome, Is.EqualTo(TrialOutcome.Sdc), verdict.Detail);
        Assert.That(verdict.Detail, Does.Contain("stored data silently wrong: payload-weights 1 word(s), classifier.r2 3 word(s)"));
    }

    [Test]
    public void Classify_StoredDataSilentlyWrongAndAnswersMissing_IsSdcBeforeHang()
    {
        Assert.That(Classify(Seen(answers: [], stored: [new RegionDataCheck("payload-weights", 1, 0)])).Outcome, Is.EqualTo(TrialOutcome.Sdc));
    }

    [Test]
    public void Classify_AnExceptionEscapedTheFlightSoftware_IsCrashBeforeEverything()
    {
        var verdict = Classify(Seen(answers: [WrongClass(0)], escaped: "InvalidOperationException: boom"));

        Assert.That(verdict.Outcome, Is.EqualTo(TrialOutcome.Crash), verdict.Detail);
        Assert.That(verdict.Detail, Does.Contain("(InvalidOperationException: boom)"));
    }

    [Test]
    public void Classify_ABootCrashed_IsCrash()
    {
        var verdict = Classify(Seen(resets: [Reset(ResetCause.Crash, 30)]));

        Assert.That(verdict.Outcome, Is.EqualTo(TrialOutcome.Crash), verdict.Detail);
        Assert.That(verdict.Detail, Does.Contain("boot 1 crashed at 30 s"));
    }

    [Test]
    public void Classify_TheSchedulerContainedAComponentException_IsCrashBeforeSdc()
    {
        var verdict = Classify(Seen(answers: [WrongClass(0), Right(1), Right(2)], events: [("SCHED_COMPONENT_FAULT", 21), ("HEALTH_UNRESPONSIVE", 24), ("HEALTH_RESTARTED", 24)]));

        Assert.That(verdict.Outcome, Is.EqualTo(TrialOutcome.Crash), verdict.Detail);
        Assert.That(verdict.Detail, Does.Contain("escaped a component's handler at 21 s and the scheduler contained it"));
    }

    [Test]
    public void Classify_AnAnswerForASampleTheGoldenFlightNeverPublished_IsNotComparedAndDoesNotThrow()
    {
        var extra = new NodeAnswer(7, true, 3, 0.5f, TimeSpan.FromSeconds(45));

        var verdict = Classify(Seen(answers: [.. AllRight, extra]));

        Assert.That(verdict.Outcome, Is.EqualTo(TrialOutcome.Masked), verdict.Detail);
        Assert.That(verdict.Detail, Does.Contain("1 answer(s) for samples the golden flight never published were not compared"));
    }
}
