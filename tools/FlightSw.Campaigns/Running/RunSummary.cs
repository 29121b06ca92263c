namespace FlightSw.Campaigns.Running;

/// <summary>What a run did.</summary>
/// <param name="Results">The slice's results so far, in trial order.</param>
/// <param name="RanThisRun">Trials this run finished.</param>
/// <param name="ResumedFrom">Trials found in the results file when the run started.</param>
/// <param name="Elapsed">Time the run took.</param>
/// <param name="Cancelled">True when the run was stopped before the slice was complete.</param>
public sealed record RunSummary(CampaignResults Results, long RanThisRun, long ResumedFrom, TimeSpan Elapsed, bool Cancelled);
