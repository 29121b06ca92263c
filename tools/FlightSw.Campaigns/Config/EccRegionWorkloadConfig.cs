using FlightSw.Edac.Regions;

namespace FlightSw.Campaigns.Config;

/// <summary>
/// An ECC region of seeded random data under scrubbing: the fault lands in a codeword, a patrol
/// pass (the region's own scrub, over the whole region) sweeps it, the region's recovery handles
/// what the code cannot correct, and the consumer reads every word back. Variants are
/// interleaving depths.
/// </summary>
public sealed record EccRegionWorkloadConfig : WorkloadConfig
{
    /// <inheritdoc />
    public override string Kind => "ecc-region";

    /// <summary>Words (64-bit) in the region; default 4,096 (32 KiB).</summary>
    public int Words { get; init; } = 4096;

    /// <summary>The interleaving depths compared, one variant each; default 1 (none) and 4.</summary>
    public IReadOnlyList<int> InterleaveDepths { get; init; } = [1, 4];

    /// <summary>What the region does with a word the code cannot correct; default reload from a golden image.</summary>
    public EccRecoveryChoice Recovery { get; init; } = EccRecoveryChoice.Golden;

    /// <summary>Seed of the region's data; default 1.</summary>
    public int DataSeed { get; init; } = 1;

    /// <summary>
    /// The importance the region is created with, reported in the workload's description; default
    /// High. It orders nothing here: this workload has one region and scrubs all of it in every
    /// trial with the region's own scrub, not the flight scrubber (whose patrol visits regions by
    /// importance), so it does not change any outcome.
    /// </summary>
    public RegionImportance Importance { get; init; } = RegionImportance.High;
}
