namespace FlightSw.Campaigns.Running;

/// <summary>Where a run stands.</summary>
/// <param name="Done">Trials of the slice finished, including those of earlier runs.</param>
/// <param name="Total">Trials in the slice.</param>
/// <param name="DoneThisRun">Trials this run finished.</param>
/// <param name="Elapsed">Time this run has taken.</param>
public sealed record CampaignProgress(long Done, long Total, long DoneThisRun, TimeSpan Elapsed)
{
    /// <summary>Trials per second this run.</summary>
    public double Rate => Elapsed > TimeSpan.Zero ? DoneThisRun / Elapsed.TotalSeconds : 0;

    /// <summary>Time left at this run's rate, or null before the first trial.</summary>
    public TimeSpan? Eta => Rate > 0 ? TimeSpan.FromSeconds((Total - Done) / Rate) : null;
}
