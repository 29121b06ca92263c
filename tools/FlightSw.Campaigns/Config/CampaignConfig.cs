namespace FlightSw.Campaigns.Config;

/// <summary>A fault-injection campaign: workload, fault model, size and seed. Read with <see cref="CampaignConfigReader"/>.</summary>
public sealed record CampaignConfig
{
    /// <summary>The campaign's name, for reports; default <c>campaign</c>.</summary>
    public string Name { get; init; } = "campaign";

    /// <summary>The seed every trial's fault derives from (with the trial's number); default 1.</summary>
    public long Seed { get; init; } = 1;

    /// <summary>What runs.</summary>
    public required WorkloadConfig Workload { get; init; }

    /// <summary>What faults are injected.</summary>
    public FaultModelConfig Faults { get; init; } = new();

    /// <summary>How many trials each variant runs.</summary>
    public required CampaignSize Size { get; init; }

    /// <summary>
    /// The configuration as canonical JSON (every field, defaults filled in, paths as written):
    /// what results files carry, and what merge compares, so shards of different campaigns are never joined.
    /// </summary>
    public required string CanonicalJson { get; init; }
}
