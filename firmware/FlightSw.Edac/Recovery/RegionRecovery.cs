using FlightSw.Edac.Golden;
using FlightSw.Edac.Regions;

namespace FlightSw.Edac.Recovery;

/// <summary>
/// What an ECC region does with words its code cannot correct: reload them from a verified golden
/// image, recompute them, or escalate to the health monitor. The set is closed (the three
/// factories below) because an action must leave the region unchanged whenever it fails.
/// </summary>
public abstract class RegionRecovery
{
    private protected RegionRecovery()
    {
    }

    /// <summary>No repair: the region reports the words and the scrubber escalates to health. The default.</summary>
    public static RegionRecovery Escalate => EscalateRecovery.Instance;

    /// <summary>A phrase for events, for example <c>reload from golden /data/w.bin (sha256)</c>.</summary>
    public abstract string Description { get; }

    /// <summary>Reload words from <paramref name="image"/>, verified in full on every recovery.</summary>
    public static RegionRecovery ReloadFromGolden(GoldenImage image) => new GoldenImageRecovery(image);

    /// <summary>Rewrite words with <paramref name="recomputeWord"/>(logical word index), the word's correct value.</summary>
    public static RegionRecovery Recompute(Func<int, ulong> recomputeWord) => new RecomputeRecovery(recomputeWord);

    /// <inheritdoc />
    public override string ToString() => Description;

    /// <summary>
    /// Repairs <paramref name="words"/> (distinct, in range) of <paramref name="region"/>, all or
    /// nothing, through <see cref="EccRegion.Restore"/>.
    /// </summary>
    internal abstract RecoveryResult Apply(EccRegion region, IReadOnlyList<int> words);
}
