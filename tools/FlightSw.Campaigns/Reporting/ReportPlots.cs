using FlightSw.Campaigns.Trials;

namespace FlightSw.Campaigns.Reporting;

/// <summary>The report's three plots.</summary>
internal static class ReportPlots
{
    public const string Outcomes = "outcomes.png";
    public const string SdcByBit = "sdc-by-bit.png";
    public const string SdcByTarget = "sdc-by-target.png";

    /// <summary>Bars the target plot holds at most (targets times variants, at least 12 targets); beyond, the targets with the fewest trials are left out of the plot, not of the tables.</summary>
    public const int MaxTargetBars = 160;

    public static IReadOnlyList<ReportPlot> Render(ReportData data) => [OutcomesPlot(data), BitPlot(data), TargetPlot(data)];

    private static ReportPlot OutcomesPlot(ReportData data)
    {
        var groups = TrialOutcomes.All.Select(TrialOutcomes.Label).ToList();
        var series = data.Variants.Select(v => new RateChart.Series(v.Key, [.. TrialOutcomes.All.Select(o => v.Rate(o))])).ToList();
        const string description = "Outcome rates per variant, with 95 % Wilson intervals";
        return new ReportPlot(Outcomes, description, RateChart.Png(Title(description, data), "outcome", "trials (%)", groups, series));
    }

    private static ReportPlot BitPlot(ReportData data)
    {
        var tallies = data.ByBitClass;
        const string description = "SDC rate by bit class per variant, with 95 % Wilson intervals";
        return new ReportPlot(SdcByBit, description, RateChart.Png(Title(description, data), "bit class (most significant bit the fault touches)", "SDC (% of the class's trials)", tallies.Groups, Sdc(tallies, [.. Enumerable.Range(0, tallies.Groups.Count)])));
    }

    private static ReportPlot TargetPlot(ReportData data)
    {
        var tallies = data.ByTarget;
        var shown = Enumerable.Range(0, tallies.Groups.Count).ToList();
        string description = "SDC rate by layer or region per variant, with 95 % Wilson intervals";
        int most = Math.Max(12, MaxTargetBars / Math.Max(1, tallies.Variants.Count));
        if (shown.Count > most)
        {
            shown = [.. shown.OrderByDescending(tallies.Trials).ThenBy(g => g).Take(most).Order()];
            description += FormattableString.Invariant($" ({most} of {tallies.Groups.Count} targets, those with the most trials)");
        }

        return new ReportPlot(SdcByTarget, description, RateChart.Png(Title(description, data), "target (layer or region)", "SDC (% of the target's trials)", [.. shown.Select(g => tallies.Groups[g])], Sdc(tallies, shown)));
    }

    private static List<RateChart.Series> Sdc(GroupedTallies tallies, IReadOnlyList<int> groups) =>
        [.. Enumerable.Range(0, tallies.Variants.Count).Select(v => new RateChart.Series(tallies.Variants[v], [.. groups.Select(g => tallies.Cell(v, g).Rate(TrialOutcome.Sdc))]))];

    private static string Title(string description, ReportData data) => data.PartialNote is null
        ? description
        : $"{description}\n{data.PartialNote[..data.PartialNote.IndexOf(" (", StringComparison.Ordinal)]}";
}
