using System.Globalization;
using FlightSw.Campaigns.Trials;
using FlightSw.Edac.Recovery;

namespace FlightSw.Campaigns.Workloads.EccRegion;

/// <summary>
/// The outcome of an ECC-region trial. In order: nothing changed is Masked; a word read back
/// wrong without complaint is SDC (a multi-bit upset the code miscorrected or took for clean);
/// a word still uncorrectable when read (recovery escalated or failed) is DUE; uncorrectable
/// words the recovery restored are Detected-Recovered; words the code corrected are Corrected.
/// Details are invariant text built from counts and word numbers only (no paths, times or
/// current-culture numbers), so any run of a trial writes the same line.
/// </summary>
internal static class EccTrialClassifier
{
    public static TrialVerdict Classify(EccTrialObservation seen)
    {
        ArgumentNullException.ThrowIfNull(seen);
        int corrected = seen.ScrubCorrected + seen.ReadCorrected;
        if (seen.FlippedBits == 0)
        {
            return new(TrialOutcome.Masked, "The upset changed no bit (the stuck bit already held its value); scrub and read-back saw nothing.");
        }

        if (seen.Wrong > 0)
        {
            string how = corrected > 0
                ? $"after the code 'corrected' {corrected} word(s) (a miscorrection)"
                : "with no error seen by the code";
            return new(TrialOutcome.Sdc, Invariant($"{seen.FlippedBits} flipped bit(s): {seen.Wrong} word(s) read back wrong {how}, first word {seen.FirstWrongWord}; scrub found {seen.ScrubUncorrectable} uncorrectable."));
        }

        if (seen.Unreadable > 0)
        {
            // The outcome, not the recovery's own sentence: that can name files, and details must read the same on every machine.
            string action = seen.Recovery is { } recovery ? $"recovery {recovery.Outcome.ToString().ToLowerInvariant()}" : "no recovery ran";
            return new(TrialOutcome.Due, Invariant($"Scrub found {seen.ScrubUncorrectable} uncorrectable word(s), {action}; the consumer's read still detects {seen.Unreadable} uncorrectable word(s)."));
        }

        if (seen.Recovery is { Outcome: RecoveryOutcome.Recovered } recovered && seen.ScrubUncorrectable > 0)
        {
            return new(TrialOutcome.DetectedRecovered, Invariant($"Scrub found {seen.ScrubUncorrectable} uncorrectable word(s) and corrected {seen.ScrubCorrected}; recovery restored {recovered.WordsRecovered} word(s) ({recovered.BitsRepaired} bit(s)); every word read back right."));
        }

        if (corrected > 0)
        {
            return new(TrialOutcome.Corrected, Invariant($"{seen.FlippedBits} flipped bit(s): scrub corrected {seen.ScrubCorrected} word(s), read-back {seen.ReadCorrected} more; every word read back right."));
        }

        return new(TrialOutcome.Masked, Invariant($"{seen.FlippedBits} flipped bit(s) went unseen by scrub and read-back, and every word read back right."));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
