using FlightSw.Campaigns.Running;
using FlightSw.Campaigns.Statistics;
using FlightSw.Campaigns.Trials;

namespace FlightSw.Campaigns.Reporting;

/// <summary>Everything a report shows, computed once from the results so the page, the summary and the plots agree.</summary>
internal sealed class ReportData
{
    /// <summary>Rows of the most-frequent-SDC-targets table.</summary>
    public const int TopTargetCount = 20;

    /// <summary>SDC trials listed as examples, per variant.</summary>
    public const int ExampleCount = 10;

    private ReportData(CampaignResults results)
    {
        Header = results.Header;
        Trials = results.Trials;
        Variants = OutcomeTally.By(results.Trials, t => t.Variant, results.Header.Variants);
        var variantNames = Variants.Select(v => v.Key).ToList();
        ByBitClass = GroupedTallies.Of(results.Trials, variantNames, t => t.Fault.BitClass, BitClassOrder.Instance);
        ByTarget = GroupedTallies.Of(results.Trials, variantNames, t => t.Fault.Target, NaturalOrder.Instance);
        TopSdcTargets = [.. Enumerable.Range(0, ByTarget.Groups.Count)
            .Where(g => ByTarget.Total(g, TrialOutcome.Sdc) > 0)
            .OrderByDescending(g => ByTarget.Total(g, TrialOutcome.Sdc))
            .ThenBy(g => g)
            .Take(TopTargetCount)];
        PartialNote = Partial(results);
    }

    public CampaignHeader Header { get; }

    public IReadOnlyList<TrialResult> Trials { get; }

    /// <summary>One tally per variant: the header's variants in order, then any other the trials name.</summary>
    public IReadOnlyList<OutcomeTally> Variants { get; }

    public GroupedTallies ByBitClass { get; }

    /// <summary>By target: a layer (its replicas pooled) or a region.</summary>
    public GroupedTallies ByTarget { get; }

    /// <summary>Indexes into <see cref="ByTarget"/>'s groups of the targets with the most SDCs (all variants), most first.</summary>
    public IReadOnlyList<int> TopSdcTargets { get; }

    /// <summary>"partial: X of Y trials (why)" when the results are not the whole campaign; else null.</summary>
    public string? PartialNote { get; }

    public static ReportData Of(CampaignResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        return new ReportData(results);
    }

    private static string? Partial(CampaignResults results)
    {
        var header = results.Header;
        var shard = header.Shard;
        if (results.IsComplete && shard.IsWhole)
        {
            return null;
        }

        string note = FormattableString.Invariant($"partial: {results.Trials.Count} of {header.TotalTrials} trials");
        string why = shard.IsWhole
            ? "the run stopped early or is still running"
            : results.IsComplete
                ? FormattableString.Invariant($"shard {shard} of the campaign")
                : FormattableString.Invariant($"shard {shard}, which holds {shard.CountOf(header.TotalTrials)}: the run stopped early or is still running");
        return $"{note} ({why}); rates are over the trials present";
    }
}
