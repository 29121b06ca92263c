namespace FlightSw.Cli.Campaign;

/// <summary>Command-line options of <c>flightsw campaign run</c> that set or override campaign-file fields (null: not given).</summary>
internal sealed record CampaignOverrides
{
    public string? Name { get; init; }

    public long? Seed { get; init; }

    public string? Workload { get; init; }

    public string? Model { get; init; }

    public IReadOnlyList<string>? Protection { get; init; }

    public IReadOnlyList<string>? Sites { get; init; }

    public string? Kind { get; init; }

    public string? Bits { get; init; }

    public int? Trials { get; init; }

    public double? Margin { get; init; }

    public double? Confidence { get; init; }
}
