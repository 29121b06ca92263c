using FlightSw.Sim;

namespace FlightSw.Campaigns.Workloads.Node;

/// <summary>
/// What the ground saw of one node trial, taken when the trial's flight ends (before the stored
/// data is read back, whose correcting reads count): everything <see cref="NodeTrialClassifier"/> judges.
/// </summary>
/// <param name="Injected">What was injected and when, for the detail (invariant text).</param>
/// <param name="End">Virtual time since power-on at which the flight ended.</param>
/// <param name="Limit">The hang limit: ten times the golden time.</param>
/// <param name="Answers">Every inference of the flight, in order, across boots.</param>
/// <param name="Resets">Every reset of the flight.</param>
/// <param name="Events">Every event raised, by name.</param>
/// <param name="Disabled">Components the health monitor disabled (HEALTH_DISABLED), in order.</param>
/// <param name="CorrectedWords">Words the ECC corrected over every boot.</param>
/// <param name="UncorrectableWords">Uncorrectable words detected over every boot.</param>
/// <param name="Escaped">The type and message of an exception that escaped the flight software; null when none.</param>
/// <param name="StoredData">The regions of the last boot whose corrected contents differ from the golden flight's; empty when none (or no boot ran at the end).</param>
internal sealed record NodeTrialObservation(
    string Injected,
    TimeSpan End,
    TimeSpan Limit,
    IReadOnlyList<NodeAnswer> Answers,
    IReadOnlyList<ResetRecord> Resets,
    IReadOnlyDictionary<string, NodeEventSeen> Events,
    IReadOnlyList<string> Disabled,
    long CorrectedWords,
    long UncorrectableWords,
    string? Escaped,
    IReadOnlyList<RegionDataCheck> StoredData)
{
    /// <summary>How many times event <paramref name="name"/> was raised.</summary>
    public int CountOf(string name) => Events.TryGetValue(name, out var seen) ? seen.Count : 0;

    /// <summary>What <paramref name="flight"/> saw so far; then, if a boot runs, its regions compared with <paramref name="storedData"/>.</summary>
    public static NodeTrialObservation Of(NodeFlight flight, string injected, TimeSpan limit, NodeStoredData storedData, string? hitRegion)
    {
        ArgumentNullException.ThrowIfNull(flight);
        ArgumentNullException.ThrowIfNull(storedData);
        // Counters first: the read-back below corrects, and counts, as any read does.
        var answers = flight.Answers.ToList();
        var resets = flight.Hardware.Resets.ToList();
        var events = new Dictionary<string, NodeEventSeen>(flight.Events, StringComparer.Ordinal);
        var disabled = flight.DisabledComponents.ToList();
        long corrected = flight.CorrectedWords;
        long uncorrectable = flight.UncorrectableWords;
        string? escaped = flight.Escaped is { } exception ? $"{exception.GetType().Name}: {exception.Message}" : null;
        var differing = flight.Application is { } app ? storedData.Check(app, hitRegion) : [];
        return new NodeTrialObservation(injected, flight.Now, limit, answers, resets, events, disabled, corrected, uncorrectable, escaped, differing);
    }
}
