using System.Globalization;

namespace FlightSw.Campaigns.Config;

/// <summary>
/// How many trials each variant runs: a count, or a margin of error and a confidence turned into
/// a count with Leveugle et al.'s formula (<see cref="SampleSize"/>).
/// </summary>
/// <param name="Trials">A fixed count, or null.</param>
/// <param name="Margin">The margin of error (0.01 for ±1 %), when <paramref name="Trials"/> is null.</param>
/// <param name="Confidence">The confidence (0.95), when <paramref name="Trials"/> is null.</param>
/// <param name="Population">The number of possible faults, or null for a population too large to matter (injection time and input make it unbounded).</param>
public sealed record CampaignSize(int? Trials, double Margin, double Confidence, double? Population)
{
    /// <summary>A fixed count.</summary>
    public static CampaignSize Of(int trials) => new(trials, 0, 0, null);

    /// <summary>Trials per variant.</summary>
    public int TrialsPerVariant => Trials ?? SampleSize.Leveugle(Margin, Confidence, Population);

    /// <summary>How the size was given, for reports.</summary>
    public override string ToString() => Trials is { } trials
        ? string.Create(CultureInfo.InvariantCulture, $"{trials} trials per variant")
        : string.Create(CultureInfo.InvariantCulture, $"±{Margin * 100:0.###} % at {Confidence * 100:0.###} % confidence{(Population is { } n ? string.Create(CultureInfo.InvariantCulture, $" over {n:0} faults") : string.Empty)}: {TrialsPerVariant} trials per variant (Leveugle et al. 2009, p = 0.5)");
}
