using FlightSw.Campaigns.Trials;

namespace FlightSw.Campaigns.Running;

/// <summary>
/// Joins the results files of a campaign's shards into the results of the whole campaign: the
/// same header an unsharded run writes (shard 1/1) and every trial in order, so the merged file
/// is byte for byte what one machine would have written.
/// </summary>
public static class CampaignMerge
{
    /// <summary>Merges <paramref name="shardFiles"/>.</summary>
    /// <exception cref="ResultsFormatException">A file is malformed, from another campaign or version, a shard is missing, given twice or incomplete.</exception>
    public static CampaignResults Merge(IReadOnlyList<string> shardFiles)
    {
        ArgumentNullException.ThrowIfNull(shardFiles);
        if (shardFiles.Count == 0)
        {
            throw new ArgumentException("Give the results files of every shard.", nameof(shardFiles));
        }

        var shards = new List<(string Path, CampaignResults Results)>();
        foreach (string path in shardFiles)
        {
            var results = ResultsFile.Read(path, out bool partial);
            if (partial || !results.IsComplete)
            {
                long expected = results.Header.Shard.CountOf(results.Header.TotalTrials);
                throw new ResultsFormatException(path, 0, $"shard {results.Header.Shard} is incomplete ({results.Trials.Count} of {expected} trials): run `flightsw campaign run --shard {results.Header.Shard}` on it again to finish it");
            }

            shards.Add((path, results));
        }

        var first = shards[0];
        int count = first.Results.Header.Shard.Count;
        var seen = new Dictionary<int, string>();
        foreach (var (path, results) in shards)
        {
            if (CampaignHeaders.Mismatch(first.Results.Header, results.Header, sameShard: false) is { } why)
            {
                throw new ResultsFormatException(path, 1, $"cannot merge with {first.Path}: {why}");
            }

            if (results.Header.Shard.Count != count)
            {
                throw new ResultsFormatException(path, 1, $"is shard {results.Header.Shard}, but {first.Path} is one of {count}");
            }

            if (!seen.TryAdd(results.Header.Shard.Index, path))
            {
                throw new ResultsFormatException(path, 1, $"shard {results.Header.Shard} is given twice (also {seen[results.Header.Shard.Index]})");
            }
        }

        var missing = Enumerable.Range(1, count).Where(index => !seen.ContainsKey(index)).ToList();
        if (missing.Count > 0)
        {
            throw new ResultsFormatException(first.Path, 0, $"shard(s) {string.Join(", ", missing.Select(m => $"{m}/{count}"))} missing: give all {count}");
        }

        var header = first.Results.Header with { Shard = ShardSpec.Whole };
        List<TrialResult> trials = [.. shards.SelectMany(s => s.Results.Trials).OrderBy(t => t.Trial)];
        return new CampaignResults(header, trials);
    }
}
