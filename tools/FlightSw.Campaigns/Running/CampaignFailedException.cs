namespace FlightSw.Campaigns.Running;

/// <summary>The campaign tool failed on a trial (a fault it could not aim, a workload that could not be built): not an outcome of the workload under test.</summary>
public sealed class CampaignFailedException : Exception
{
    /// <summary>Creates the failure for trial <paramref name="trial"/>.</summary>
    public CampaignFailedException(long trial, Exception inner)
        : base($"trial {trial}: {inner?.Message}", inner)
    {
        Trial = trial;
    }

    /// <summary>The trial being run.</summary>
    public long Trial { get; }
}
