using FlightSw.Core.Application;
using FlightSw.Edac.Codec;
using FlightSw.Edac.Recovery;
using EdacRegion = FlightSw.Edac.Regions.EccRegion;

namespace FlightSw.Campaigns.Workloads.Node;

/// <summary>
/// The contents of every ECC region of the golden flight's boot, the oracle a trial's stored data
/// is judged by: the payload images (which the golden flight also checks against their verified
/// golden images with <see cref="EdacRegion.CountGoldenMismatches"/>) and the model's weight
/// replicas (no image on file: each holds the pristine weights, and after a repair must again).
/// Every boot loads the same bytes, so these are the contents any boot starts from. Immutable;
/// shared by every worker of the variant.
/// </summary>
internal sealed class NodeStoredData
{
    private readonly IReadOnlyDictionary<string, ulong[]> _words;

    /// <summary>The golden contents, by region name (the arrays are not copied: do not change them).</summary>
    public NodeStoredData(IReadOnlyDictionary<string, ulong[]> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        _words = words;
    }

    /// <summary>The regions held.</summary>
    public IEnumerable<string> Regions => _words.Keys;

    /// <summary>
    /// Reads every ECC region of <paramref name="app"/>'s memory map. A golden-backed region must
    /// equal its verified golden image word for word (a fault-free flight keeps it so).
    /// </summary>
    /// <exception cref="InvalidOperationException">A region is unreadable or differs from its golden image.</exception>
    /// <exception cref="Edac.Golden.GoldenImageException">A region's golden image file is unreadable or fails its checksum.</exception>
    public static NodeStoredData Snapshot(FlightApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var words = new Dictionary<string, ulong[]>(StringComparer.Ordinal);
        foreach (var region in RegionsOf(app))
        {
            var copy = new ulong[region.WordCount];
            for (int index = 0; index < copy.Length; index++)
            {
                if (region.TryReadWord(index, out copy[index]).Status != CodewordStatus.Ok)
                {
                    throw new InvalidOperationException($"Word {index} of region '{region.Name}' is not clean in the fault-free flight.");
                }
            }

            if (region.Recovery is GoldenImageRecovery && region.CountGoldenMismatches() is var mismatches and > 0)
            {
                throw new InvalidOperationException($"Region '{region.Name}' differs from its golden image in {mismatches} word(s) in the fault-free flight.");
            }

            words.Add(region.Name, copy);
        }

        return new NodeStoredData(words);
    }

    /// <summary>
    /// Compares every ECC region of <paramref name="app"/> with the golden contents, as a consumer
    /// would read it: through the code's correction. A region is compared as stored first, and
    /// through the correction only if that differs, except <paramref name="hitRegion"/>, which is
    /// always read through the correction: an upset confined to check bits leaves the data equal
    /// and can still make the correction return wrong data. (Pass null for a region no upset
    /// reached, or one the boot's own scrub has just checked whole: every word of it is then clean
    /// or was handed to recovery.) Returns the regions that differ.
    /// </summary>
    /// <remarks>The correcting read corrects in place and counts in the region's counters: take every counter before calling this.</remarks>
    /// <exception cref="InvalidOperationException">The boot has a region the golden flight did not have.</exception>
    public IReadOnlyList<RegionDataCheck> Check(FlightApplication app, string? hitRegion)
    {
        ArgumentNullException.ThrowIfNull(app);
        var differing = new List<RegionDataCheck>();
        foreach (var region in RegionsOf(app))
        {
            if (!_words.TryGetValue(region.Name, out var golden) || golden.Length != region.WordCount)
            {
                throw new InvalidOperationException($"Region '{region.Name}' ({region.WordCount} words) is not one the golden flight had; known: {string.Join(", ", _words.Keys)}.");
            }

            if (region.Name != hitRegion && !region.IsInterleaved && region.Raw<ulong>().SequenceEqual(golden))
            {
                continue;
            }

            var (wrong, unreadable) = CompareCorrected(region, golden);
            if (wrong + unreadable > 0)
            {
                differing.Add(new RegionDataCheck(region.Name, wrong, unreadable));
            }
        }

        return differing;
    }

    /// <summary>
    /// The words of <paramref name="region"/> that, read through the correction, are wrong without
    /// complaint, and those that are uncorrectable. One correcting pass with the region's own scrub
    /// (what any correcting read does, word for word, on the vector kernel), then the data compared.
    /// </summary>
    private static (int Wrong, int Unreadable) CompareCorrected(EdacRegion region, ulong[] golden)
    {
        var uncorrectable = region.Scrub(0, region.WordCount).UncorrectableWords;
        if (region.IsInterleaved)
        {
            // No raw view of an interleaved region: read it word by word (now clean or uncorrectable).
            int wrongWords = 0;
            for (int index = 0; index < golden.Length; index++)
            {
                wrongWords += region.TryReadWord(index, out ulong value).Status != CodewordStatus.Uncorrectable && value != golden[index] ? 1 : 0;
            }

            return (wrongWords, uncorrectable.Count);
        }

        var data = region.Raw<ulong>();
        var expected = golden.AsSpan();
        int wrong = 0;
        int next = data.CommonPrefixLength(expected);
        while (next < data.Length)
        {
            wrong += uncorrectable.Contains(next) ? 0 : 1;
            next++;
            next += data[next..].CommonPrefixLength(expected[next..]);
        }

        return (wrong, uncorrectable.Count);
    }

    private static IEnumerable<EdacRegion> RegionsOf(FlightApplication app) => app.Board.Memory.Targets.OfType<EdacRegion>();
}
