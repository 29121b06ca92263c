namespace FlightSw.Campaigns.Trials;

/// <summary>The outcomes' names in results files and reports.</summary>
public static class TrialOutcomes
{
    /// <summary>Every outcome, in report order.</summary>
    public static IReadOnlyList<TrialOutcome> All { get; } = Enum.GetValues<TrialOutcome>();

    /// <summary>The outcome's name in results files: <c>masked</c>, <c>corrected</c>, <c>detected-recovered</c>, <c>due</c>, <c>sdc</c>, <c>crash</c>, <c>hang</c>.</summary>
    public static string Name(TrialOutcome outcome) => outcome switch
    {
        TrialOutcome.Masked => "masked",
        TrialOutcome.Corrected => "corrected",
        TrialOutcome.DetectedRecovered => "detected-recovered",
        TrialOutcome.Due => "due",
        TrialOutcome.Sdc => "sdc",
        TrialOutcome.Crash => "crash",
        _ => "hang",
    };

    /// <summary>The outcome's label in reports: Masked, Corrected, Detected-Recovered, DUE, SDC, Crash, Hang.</summary>
    public static string Label(TrialOutcome outcome) => outcome switch
    {
        TrialOutcome.DetectedRecovered => "Detected-Recovered",
        TrialOutcome.Due => "DUE",
        TrialOutcome.Sdc => "SDC",
        _ => outcome.ToString(),
    };

    /// <summary>The outcome named <paramref name="name"/> in a results file.</summary>
    public static bool TryParse(string name, out TrialOutcome outcome)
    {
        foreach (var candidate in All)
        {
            if (Name(candidate) == name)
            {
                outcome = candidate;
                return true;
            }
        }

        outcome = default;
        return false;
    }
}
