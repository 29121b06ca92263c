using FlightSw.Campaigns.Faults;

namespace FlightSw.Campaigns.Config;

/// <summary>What faults a campaign injects. Defaults: single-bit flips in weights, every bit.</summary>
public sealed record FaultModelConfig
{
    /// <summary>The sites; each trial picks one uniformly, then a target in proportion to its bits. Default weights.</summary>
    public IReadOnlyList<FaultSiteKind> Sites { get; init; } = [FaultSiteKind.Weight];

    /// <summary>What the upset does; default a single bit flip.</summary>
    public FaultKind Kind { get; init; } = FaultKind.SingleBit;

    /// <summary>Bits an adjacent upset spans, 2 to 8; default 2.</summary>
    public int Width { get; init; } = 2;

    /// <summary>The value a stuck-at bit takes, 0 or 1; default 1.</summary>
    public int StuckValue { get; init; } = 1;

    /// <summary>The bits aimed at; default all.</summary>
    public BitSelection Bits { get; init; } = BitSelection.All;
}
