using FlightSw.Edac.Regions;

namespace FlightSw.Edac.Scrubbing;

/// <summary>
/// Where the patrol scrub is: regions in order of importance (highest first, registration order
/// among equals), and the next word within the current one. Each full pass over every region is
/// one full scan.
/// </summary>
public sealed class PatrolCursor
{
    private readonly EccRegion[] _order;
    private int _region;
    private int _word;

    /// <summary>Creates a cursor at the start of the most important region.</summary>
    public PatrolCursor(IEnumerable<EccRegion> regions)
    {
        ArgumentNullException.ThrowIfNull(regions);
        _order = [.. regions.Select((region, index) => (region, index))
            .OrderByDescending(entry => entry.region.Importance)
            .ThenBy(entry => entry.index)
            .Select(entry => entry.region)];
        TotalWords = _order.Sum(region => (long)region.WordCount);
    }

    /// <summary>The regions in patrol order.</summary>
    public IReadOnlyList<EccRegion> Order => _order;

    /// <summary>Words in one full scan.</summary>
    public long TotalWords { get; }

    /// <summary>Full scans completed.</summary>
    public long FullScans { get; private set; }

    /// <summary>
    /// Takes the next run of at most <paramref name="maxWords"/> words, within one region.
    /// Returns false when there are no regions or <paramref name="maxWords"/> is not positive.
    /// </summary>
    public bool TryTake(int maxWords, out ScrubChunk chunk)
    {
        if (_order.Length == 0 || maxWords <= 0)
        {
            chunk = default;
            return false;
        }

        var region = _order[_region];
        int count = Math.Min(maxWords, region.WordCount - _word);
        chunk = new ScrubChunk(region, _word, count, _word + count == region.WordCount);
        _word += count;
        return true;
    }

    /// <summary>
    /// Moves past a region that <see cref="TryTake"/> finished; returns true when that completed
    /// a full scan (the cursor is then back at the first region).
    /// </summary>
    public bool AdvanceIfRegionDone()
    {
        if (_order.Length == 0 || _word < _order[_region].WordCount)
        {
            return false;
        }

        _word = 0;
        _region++;
        if (_region < _order.Length)
        {
            return false;
        }

        _region = 0;
        FullScans++;
        return true;
    }
}
