using FlightSw.Campaigns.Statistics;
using FlightSw.Campaigns.Trials;

namespace FlightSw.Campaigns.Reporting;

/// <summary>Each variant's trials split by a key (bit class, target): one tally per variant and group.</summary>
internal sealed class GroupedTallies
{
    private readonly OutcomeTally[,] _cells;

    private GroupedTallies(IReadOnlyList<string> variants, IReadOnlyList<string> groups, OutcomeTally[,] cells)
    {
        Variants = variants;
        Groups = groups;
        _cells = cells;
    }

    public IReadOnlyList<string> Variants { get; }

    /// <summary>The groups any variant has trials in, in report order.</summary>
    public IReadOnlyList<string> Groups { get; }

    /// <summary>The trials of variant <paramref name="variant"/> in group <paramref name="group"/> (none if it has no trial there).</summary>
    public OutcomeTally Cell(int variant, int group) => _cells[variant, group];

    /// <summary>All variants' trials in group <paramref name="group"/> ended in <paramref name="outcome"/>.</summary>
    public long Total(int group, TrialOutcome outcome) => Enumerable.Range(0, Variants.Count).Sum(v => _cells[v, group].Count(outcome));

    /// <summary>All variants' trials in group <paramref name="group"/>.</summary>
    public long Trials(int group) => Enumerable.Range(0, Variants.Count).Sum(v => _cells[v, group].Trials);

    public static GroupedTallies Of(IReadOnlyList<TrialResult> trials, IReadOnlyList<string> variants, Func<TrialResult, string> key, IComparer<string> groupOrder)
    {
        var groups = trials.Select(key).Distinct(StringComparer.Ordinal).Order(groupOrder).ToList();
        var byVariant = trials.ToLookup(t => t.Variant, StringComparer.Ordinal);
        var cells = new OutcomeTally[variants.Count, groups.Count];
        for (int v = 0; v < variants.Count; v++)
        {
            var tallies = OutcomeTally.By(byVariant[variants[v]], key, groups);
            for (int g = 0; g < groups.Count; g++)
            {
                cells[v, g] = tallies[g];
            }
        }

        return new GroupedTallies(variants, groups, cells);
    }
}
