using System.Globalization;
using FlightSw.Campaigns.Trials;
using FlightSw.Hal;
using FlightSw.Inference.Job;

namespace FlightSw.Campaigns.Workloads.Node;

/// <summary>
/// The outcome of a node trial, from what the ground could see (the answers, the events, the
/// resets) and the stored data read back at the end. The first rule that holds wins:
/// <list type="number">
/// <item>Crash: an exception escaped the flight software (out of the clock), a boot crashed (reset
/// cause Crash), or an exception escaped a component's handler and the scheduler contained it
/// (SCHED_COMPONENT_FAULT).</item>
/// <item>SDC: a published answer differs from the golden one for its sample (class, or score bit
/// for bit), whatever was detected elsewhere: the wrong answer went out as good. Or the stored
/// data is silently wrong: a region's contents, read through the code's correction, differ from
/// the golden flight's in a word the code does not flag (a miscorrection, or an upset that looks
/// clean). The answers that did arrive are judged first, so a wrong answer is SDC even when later
/// ones are missing. An answer for a sample the golden flight never published cannot be judged:
/// it is counted as extra in the detail, never guessed.</item>
/// <item>Hang: fewer answers than the golden flight's within ten times its time, and the node did
/// not say why (the health monitor did not disable the inference job).</item>
/// <item>DUE: the node knows it lost something and could not repair it: the health monitor disabled
/// a component for the rest of the boot (HEALTH_DISABLED; for the inference job this is why answers
/// are missing), an inference failed and published nothing (INFER_FAILED), an uncorrectable word
/// could not be repaired in place (SCRUB_ESCALATED, SCRUB_RECOVERY_FAILED) and no reset followed,
/// or a stored word is still uncorrectable at the end.</item>
/// <item>Detected-Recovered: a vote, checksum, reload, restart or reset acted and everything is
/// right again (INFER_MASKED, INFER_RECOMPUTED, SCRUB_RECOVERED, HEALTH_UNRESPONSIVE,
/// HEALTH_RESTARTED, HEALTH_WARM_RESET, HEALTH_POWER_CYCLE, HEALTH_ESCALATED, or any reset such as
/// the watchdog's).</item>
/// <item>Corrected: only the ECC acted (the regions' corrected-word counters over every boot,
/// which the scrubber publishes as SCRUB_CORRECTED).</item>
/// <item>Masked otherwise.</item>
/// </list>
/// Answers are compared per sample, as the job starts again at sample 0 after every reset. Every
/// number in a detail is invariant text, and nothing in it depends on the host or the run.
/// </summary>
internal static class NodeTrialClassifier
{
    /// <summary>The scheduler's event for an exception that escaped a component's handler.</summary>
    public const string ComponentFaultEvent = "SCHED_COMPONENT_FAULT";

    /// <summary>The inference job's event for an output not published.</summary>
    public const string InferenceFailedEvent = "INFER_FAILED";

    /// <summary>The health monitor's event for a component taken out of service.</summary>
    public const string DisabledEvent = "HEALTH_DISABLED";

    /// <summary>Events that say a detection acted and repaired (or is repairing: HEALTH_UNRESPONSIVE starts the ladder).</summary>
    public static IReadOnlyList<string> RecoveryEvents { get; } =
    [
        "INFER_MASKED", "INFER_RECOMPUTED", "SCRUB_RECOVERED", "HEALTH_UNRESPONSIVE", "HEALTH_RESTARTED",
        "HEALTH_WARM_RESET", "HEALTH_POWER_CYCLE", "HEALTH_ESCALATED",
    ];

    /// <summary>Events that say an uncorrectable word could not be repaired in place.</summary>
    public static IReadOnlyList<string> EscalationEvents { get; } = ["SCRUB_ESCALATED", "SCRUB_RECOVERY_FAILED"];

    /// <summary>Every event that says something was detected: none may appear in a golden flight.</summary>
    public static IReadOnlyList<string> DetectionEvents { get; } =
    [
        ComponentFaultEvent, .. RecoveryEvents, .. EscalationEvents, InferenceFailedEvent, DisabledEvent,
        "SCRUB_UNCORRECTABLE", "SCRUB_IMAGE_REFUSED", "HEALTH_RECOVERED",
    ];

    /// <summary>Classifies <paramref name="seen"/> against the golden flight's <paramref name="expectedAnswers"/> and answers <paramref name="bySample"/>.</summary>
    public static TrialVerdict Classify(NodeTrialObservation seen, int expectedAnswers, IReadOnlyDictionary<int, NodeAnswer> bySample)
    {
        ArgumentNullException.ThrowIfNull(seen);
        ArgumentNullException.ThrowIfNull(bySample);
        string after = $"After {seen.Injected}";
        string evidence = Evidence(seen);

        var (wrong, extra) = Compare(seen.Answers, bySample);
        string uncompared = extra == 0 ? string.Empty : Invariant($"; {extra} answer(s) for samples the golden flight never published were not compared");

        // 1. Crash.
        if (seen.Escaped is { } escaped)
        {
            return Verdict(TrialOutcome.Crash, $"{after}, an exception escaped the flight software at {Seconds(seen.End)} ({escaped}); {evidence}{uncompared}");
        }

        if (seen.Resets.FirstOrDefault(reset => reset.Cause == ResetCause.Crash) is { } crash)
        {
            return Verdict(TrialOutcome.Crash, $"{after}, boot {crash.EndedBoot} crashed at {Seconds(crash.At)} ({crash.Reason}); {evidence}{uncompared}");
        }

        if (seen.Events.TryGetValue(ComponentFaultEvent, out var componentFault))
        {
            return Verdict(TrialOutcome.Crash, $"{after}, an exception escaped a component's handler at {Seconds(componentFault.FirstAt)} and the scheduler contained it ({ComponentFaultEvent} x{componentFault.Count}: {componentFault.FirstMessage}); {evidence}{uncompared}");
        }

        // 2. SDC: the answers that did arrive, then the stored data.
        if (wrong.Count > 0)
        {
            var first = wrong[0];
            var right = bySample[first.Sample];
            string how = first.Class != right.Class ? Invariant($"class {first.Class} instead of {right.Class}") : $"score {Score(first.Score)} instead of {Score(right.Score)}, same class";
            return Verdict(TrialOutcome.Sdc, $"{after}, {wrong.Count} of {seen.Answers.Count} answers differ, first sample {first.Sample} at {Seconds(first.At)}: {how}; {evidence}{uncompared}");
        }

        var silent = seen.StoredData.Where(region => region.SilentlyWrong > 0).ToList();
        if (silent.Count > 0)
        {
            string regions = string.Join(", ", silent.Select(region => Invariant($"{region.Region} {region.SilentlyWrong} word(s)")));
            return Verdict(TrialOutcome.Sdc, $"{after}, every answer right but stored data silently wrong: {regions} read back wrong through the correction with no error flagged; {evidence}{uncompared}");
        }

        // 3. Hang: answers missing, and the node did not say why.
        int answered = seen.Answers.Count;
        bool jobDisabled = seen.Disabled.Contains(InferenceJob.ComponentName, StringComparer.Ordinal);
        if (answered < expectedAnswers && !jobDisabled)
        {
            return Verdict(TrialOutcome.Hang, $"{after}, only {answered} of {expectedAnswers} answers within ten times the golden time ({Seconds(seen.Limit)}); {evidence}{uncompared}");
        }

        // 4. DUE.
        if (seen.Disabled.Count > 0)
        {
            string missing = answered < expectedAnswers ? Invariant($"; {answered} of {expectedAnswers} answers by {Seconds(seen.Limit)}") : string.Empty;
            return Verdict(TrialOutcome.Due, $"{after}, the health monitor disabled {string.Join(", ", seen.Disabled.Distinct())} for the rest of the boot{missing}; {evidence}{uncompared}");
        }

        int failed = seen.Answers.Count(answer => !answer.Usable);
        if (failed > 0)
        {
            string why = seen.Events.TryGetValue(InferenceFailedEvent, out var inferFailed) ? inferFailed.FirstMessage : "no INFER_FAILED seen";
            return Verdict(TrialOutcome.Due, $"{after}, {failed} inference(s) failed and published nothing ({why}); {evidence}{uncompared}");
        }

        var escalated = EscalationEvents.Where(seen.Events.ContainsKey).Select(name => seen.Events[name].FirstAt).DefaultIfEmpty(TimeSpan.MaxValue).Min();
        if (escalated != TimeSpan.MaxValue && !seen.Resets.Any(reset => reset.At >= escalated))
        {
            return Verdict(TrialOutcome.Due, $"{after}, an uncorrectable word could not be repaired at {Seconds(escalated)} and no reset followed; {evidence}{uncompared}");
        }

        var unreadable = seen.StoredData.Where(region => region.Unreadable > 0).ToList();
        if (unreadable.Count > 0)
        {
            string regions = string.Join(", ", unreadable.Select(region => Invariant($"{region.Region} {region.Unreadable} word(s)")));
            return Verdict(TrialOutcome.Due, $"{after}, stored data still uncorrectable at the end ({regions}): any read detects it; {evidence}{uncompared}");
        }

        // 5. Detected-Recovered, 6. Corrected, 7. Masked.
        if (seen.Resets.Count > 0 || RecoveryEvents.Any(seen.Events.ContainsKey))
        {
            return Verdict(TrialOutcome.DetectedRecovered, $"{after}, every answer and stored word right; {evidence}{uncompared}");
        }

        if (seen.CorrectedWords > 0)
        {
            return Verdict(TrialOutcome.Corrected, $"{after}, every answer and stored word right; the ECC corrected {seen.CorrectedWords} word(s){uncompared}.");
        }

        return Verdict(TrialOutcome.Masked, $"{after}, every answer and stored word right and nothing noticed it{uncompared}.");
    }

    /// <summary>The usable answers that differ from the golden one for their sample, and how many answers had no golden one to compare with.</summary>
    private static (List<NodeAnswer> Wrong, int Extra) Compare(IReadOnlyList<NodeAnswer> answers, IReadOnlyDictionary<int, NodeAnswer> bySample)
    {
        var wrong = new List<NodeAnswer>();
        int extra = 0;
        foreach (var answer in answers)
        {
            if (!answer.Usable)
            {
                continue; // nothing published: judged as DUE, not compared
            }

            if (!bySample.TryGetValue(answer.Sample, out var right))
            {
                extra++;
            }
            else if (!answer.Matches(right))
            {
                wrong.Add(answer);
            }
        }

        return (wrong, extra);
    }

    /// <summary>What the ground saw, in one clause: resets, the detection events, corrections.</summary>
    private static string Evidence(NodeTrialObservation seen)
    {
        var parts = new List<string>();
        foreach (var reset in seen.Resets)
        {
            parts.Add(Invariant($"{reset.Cause} reset at {Seconds(reset.At)}"));
        }

        foreach (string name in DetectionEvents)
        {
            int count = seen.CountOf(name);
            if (count > 0)
            {
                parts.Add(count == 1 ? name : Invariant($"{name} x{count}"));
            }
        }

        if (seen.CorrectedWords > 0)
        {
            parts.Add(Invariant($"{seen.CorrectedWords} ECC-corrected word(s)"));
        }

        if (seen.UncorrectableWords > 0)
        {
            parts.Add(Invariant($"{seen.UncorrectableWords} uncorrectable word detection(s)"));
        }

        return parts.Count == 0 ? "nothing was detected" : "seen: " + string.Join(", ", parts);
    }

    private static TrialVerdict Verdict(TrialOutcome outcome, FormattableString detail) => new(outcome, detail.ToString(CultureInfo.InvariantCulture));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Seconds(TimeSpan time) => string.Create(CultureInfo.InvariantCulture, $"{time.TotalSeconds:0.#} s");

    private static string Score(float score) => score.ToString("R", CultureInfo.InvariantCulture);
}
