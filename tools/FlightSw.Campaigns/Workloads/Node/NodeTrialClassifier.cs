using System.Globalization;
using FlightSw.Campaigns.Trials;
using FlightSw.Hal;
using FlightSw.Inference.Job;

namespace FlightSw.Campaigns.Workloads.Node;

/// <summary>
/// The outcome of a node trial, from what the ground could see: the answers, the events and the
/// resets. In order:
/// <list type="number">
/// <item>Crash: an exception escaped the flight software (out of the clock), or a boot crashed (reset cause Crash).</item>
/// <item>Fewer answers than the golden run within ten times its time: Hang; DUE instead when the health monitor disabled the inference job (HEALTH_DISABLED), as the node then knows it has no payload.</item>
/// <item>DUE: an inference failed (INFER_FAILED, nothing published).</item>
/// <item>SDC: an answer differs from the golden one for its sample (class, or score bit for bit), whatever was detected elsewhere: the wrong answer went out as good.</item>
/// <item>DUE: an uncorrectable word was escalated or its recovery failed (SCRUB_ESCALATED, SCRUB_RECOVERY_FAILED) and no reset followed.</item>
/// <item>Detected-Recovered: a vote, checksum, reload, restart or reset acted (INFER_MASKED, INFER_RECOMPUTED, SCRUB_RECOVERED, HEALTH_RESTARTED, HEALTH_WARM_RESET, HEALTH_POWER_CYCLE, HEALTH_ESCALATED, SCHED_COMPONENT_FAULT, or any reset such as the watchdog's).</item>
/// <item>Corrected: only the ECC acted (the regions' corrected-word counters, which the scrubber publishes as SCRUB_CORRECTED).</item>
/// <item>Masked otherwise.</item>
/// </list>
/// Answers are compared per sample, as the job starts again at sample 0 after every reset.
/// </summary>
internal static class NodeTrialClassifier
{
    /// <summary>Events that say a detection acted and repaired.</summary>
    public static IReadOnlyList<string> RecoveryEvents { get; } =
    [
        "INFER_MASKED", "INFER_RECOMPUTED", "SCRUB_RECOVERED", "HEALTH_RESTARTED", "HEALTH_WARM_RESET",
        "HEALTH_POWER_CYCLE", "HEALTH_ESCALATED", "SCHED_COMPONENT_FAULT",
    ];

    /// <summary>Events that say an uncorrectable word could not be repaired in place.</summary>
    public static IReadOnlyList<string> EscalationEvents { get; } = ["SCRUB_ESCALATED", "SCRUB_RECOVERY_FAILED"];

    public static TrialVerdict Classify(NodeFlight flight, NodeGolden golden, TimeSpan limit, string injected)
    {
        ArgumentNullException.ThrowIfNull(flight);
        ArgumentNullException.ThrowIfNull(golden);
        string evidence = Evidence(flight);
        if (flight.Escaped is { } escaped)
        {
            return Verdict(TrialOutcome.Crash, $"After {injected}, {escaped.GetType().Name} escaped the flight software at {Seconds(flight.Now)}: {escaped.Message}");
        }

        if (flight.Hardware.Resets.FirstOrDefault(reset => reset.Cause == ResetCause.Crash) is { } crash)
        {
            return Verdict(TrialOutcome.Crash, $"After {injected}, boot {crash.EndedBoot} crashed at {Seconds(crash.At)} ({crash.Reason}); {evidence}");
        }

        int expected = golden.Answers.Count;
        var answers = flight.Answers.Take(expected).ToList();
        if (answers.Count < expected)
        {
            if (flight.DisabledComponents.Contains(InferenceJob.ComponentName, StringComparer.OrdinalIgnoreCase))
            {
                return Verdict(TrialOutcome.Due, $"After {injected}, the health monitor disabled the inference job; {answers.Count} of {expected} answers by {Seconds(limit)}; {evidence}");
            }

            return Verdict(TrialOutcome.Hang, $"After {injected}, only {answers.Count} of {expected} answers within ten times the golden time ({Seconds(limit)}); {evidence}");
        }

        int failed = answers.Count(answer => !answer.Usable);
        if (failed > 0)
        {
            return Verdict(TrialOutcome.Due, $"After {injected}, {failed} inference(s) failed and published nothing ({flight.FirstMessageOf("INFER_FAILED")}); {evidence}");
        }

        var wrong = answers.Where(answer => !answer.Matches(golden.BySample[answer.Sample])).ToList();
        if (wrong.Count > 0)
        {
            var first = wrong[0];
            var right = golden.BySample[first.Sample];
            string how = first.Class != right.Class ? $"class {first.Class} instead of {right.Class}" : $"score {Score(first.Score)} instead of {Score(right.Score)}, same class";
            return Verdict(TrialOutcome.Sdc, $"After {injected}, {wrong.Count} of {expected} answers differ, first sample {first.Sample} at {Seconds(first.At)}: {how}; {evidence}");
        }

        int resets = flight.Hardware.Resets.Count;
        if (resets == 0 && EscalationEvents.Any(name => flight.CountOf(name) > 0))
        {
            return Verdict(TrialOutcome.Due, $"After {injected}, an uncorrectable word could not be repaired and no reset followed; {evidence}");
        }

        if (resets > 0 || RecoveryEvents.Any(name => flight.CountOf(name) > 0))
        {
            return Verdict(TrialOutcome.DetectedRecovered, $"After {injected}, every answer right; {evidence}");
        }

        if (flight.CorrectedWords > 0)
        {
            return Verdict(TrialOutcome.Corrected, $"After {injected}, every answer right; the ECC corrected {flight.CorrectedWords} word(s).");
        }

        return Verdict(TrialOutcome.Masked, $"After {injected}, every answer right and nothing noticed it.");
    }

    /// <summary>What the ground saw, in one clause: resets, the recovery events, corrections.</summary>
    private static string Evidence(NodeFlight flight)
    {
        var parts = new List<string>();
        foreach (var reset in flight.Hardware.Resets)
        {
            parts.Add($"{reset.Cause} reset at {Seconds(reset.At)}");
        }

        foreach (string name in RecoveryEvents.Concat(EscalationEvents).Append("INFER_FAILED").Append("HEALTH_DISABLED"))
        {
            int count = flight.CountOf(name);
            if (count > 0)
            {
                parts.Add(count == 1 ? name : $"{name} x{count}");
            }
        }

        if (flight.CorrectedWords > 0)
        {
            parts.Add($"{flight.CorrectedWords} ECC-corrected word(s)");
        }

        return parts.Count == 0 ? "nothing was detected" : "seen: " + string.Join(", ", parts);
    }

    private static TrialVerdict Verdict(TrialOutcome outcome, FormattableString detail) => new(outcome, detail.ToString(CultureInfo.InvariantCulture));

    private static string Seconds(TimeSpan time) => string.Create(CultureInfo.InvariantCulture, $"{time.TotalSeconds:0.#} s");

    private static string Score(float score) => score.ToString("R", CultureInfo.InvariantCulture);
}
