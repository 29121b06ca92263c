using FlightSw.Campaigns.Trials;

namespace FlightSw.Campaigns.Statistics;

/// <summary>How many of a set of trials (a variant's, or a variant's in one bit class or target) ended in each outcome.</summary>
public sealed class OutcomeTally
{
    private readonly long[] _counts;

    private OutcomeTally(string key, long[] counts)
    {
        Key = key;
        _counts = counts;
        Trials = counts.Sum();
    }

    /// <summary>What the trials have in common: the variant, bit class or target.</summary>
    public string Key { get; }

    /// <summary>Trials counted.</summary>
    public long Trials { get; }

    /// <summary>Trials that ended in <paramref name="outcome"/>.</summary>
    public long Count(TrialOutcome outcome) => _counts[(int)outcome];

    /// <summary>The rate of <paramref name="outcome"/> over <see cref="Trials"/>, with its Wilson interval.</summary>
    public WilsonInterval Rate(TrialOutcome outcome, double confidence = 0.95) => WilsonInterval.Of(Count(outcome), Trials, confidence);

    /// <summary>Counts <paramref name="outcomes"/> under <paramref name="key"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An outcome is not a defined <see cref="TrialOutcome"/>.</exception>
    public static OutcomeTally Of(string key, IEnumerable<TrialOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(outcomes);
        var counts = new long[TrialOutcomes.All.Count];
        foreach (var outcome in outcomes)
        {
            if ((uint)outcome >= (uint)counts.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(outcomes), outcome, "Not a trial outcome.");
            }

            counts[(int)outcome]++;
        }

        return new OutcomeTally(key, counts);
    }

    /// <summary>
    /// One tally per key of <paramref name="trials"/>: first the keys of <paramref name="order"/> in
    /// that order (with no trials if none have the key), then any other key in ordinal order.
    /// </summary>
    public static IReadOnlyList<OutcomeTally> By(IEnumerable<TrialResult> trials, Func<TrialResult, string> key, IEnumerable<string>? order = null)
    {
        ArgumentNullException.ThrowIfNull(trials);
        ArgumentNullException.ThrowIfNull(key);
        var groups = trials.GroupBy(key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(t => t.Outcome).ToList(), StringComparer.Ordinal);
        var keys = (order ?? []).Distinct(StringComparer.Ordinal).ToList();
        keys.AddRange(groups.Keys.Except(keys, StringComparer.Ordinal).Order(StringComparer.Ordinal));
        return [.. keys.Select(k => Of(k, groups.TryGetValue(k, out var outcomes) ? outcomes : []))];
    }
}
