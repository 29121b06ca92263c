using FlightSw.Campaigns.Trials;

namespace FlightSw.Campaigns.Running;

/// <summary>A results file as read: its header and its trials in trial order.</summary>
/// <param name="Header">Which campaign and slice.</param>
/// <param name="Trials">The trials, ordered by <see cref="TrialResult.Trial"/>, each once.</param>
public sealed record CampaignResults(CampaignHeader Header, IReadOnlyList<TrialResult> Trials)
{
    /// <summary>True when every trial of the header's slice is present.</summary>
    public bool IsComplete => Trials.Count == Header.Shard.CountOf(Header.TotalTrials);
}
