using FlightSw.Edac.Regions;

namespace FlightSw.Edac.Recovery;

/// <summary>Rewrites each bad word with the value a callback computes for it (tables, derived data).</summary>
public sealed class RecomputeRecovery : RegionRecovery
{
    private readonly Func<int, ulong> _recomputeWord;

    /// <summary>Recovers words with <paramref name="recomputeWord"/>(logical word index).</summary>
    public RecomputeRecovery(Func<int, ulong> recomputeWord)
    {
        ArgumentNullException.ThrowIfNull(recomputeWord);
        _recomputeWord = recomputeWord;
    }

    /// <inheritdoc />
    public override string Description => "recompute";

    internal override RecoveryResult Apply(EccRegion region, IReadOnlyList<int> words)
    {
        // Every value is computed before any is written, so a failing callback changes nothing.
        var values = new ulong[words.Count];
        for (int i = 0; i < words.Count; i++)
        {
            try
            {
                values[i] = _recomputeWord(words[i]);
            }
            catch (Exception exception)
            {
                return new(RecoveryOutcome.Failed, 0, 0, $"Recomputing word {words[i]} of ECC region '{region.Name}' failed: {exception.Message}");
            }
        }

        long bits = 0;
        for (int i = 0; i < words.Count; i++)
        {
            bits += region.Restore(words[i], values[i]);
        }

        return new(RecoveryOutcome.Recovered, words.Count, bits, $"Recomputed {words.Count} word(s) of ECC region '{region.Name}'; {bits} bit(s) repaired.");
    }
}
