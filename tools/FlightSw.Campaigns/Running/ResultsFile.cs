using System.Text;
using FlightSw.Campaigns.Trials;

namespace FlightSw.Campaigns.Running;

/// <summary>
/// A results file: the header line, then one JSON line per trial, appended as trials finish
/// (in any order) and rewritten in trial order when the slice is complete. A line cut short by a
/// stopped run is dropped when read; every other defect is refused naming the file and line.
/// </summary>
public static class ResultsFile
{
    /// <summary>Reads <paramref name="path"/>: the header and its trials in trial order.</summary>
    /// <param name="path">The file.</param>
    /// <param name="droppedPartialLine">True when a last line cut short by a stopped run was ignored.</param>
    /// <exception cref="ResultsFormatException">The file is missing, empty, from another campaign format, or a line is malformed or contradicts another.</exception>
    public static CampaignResults Read(string path, out bool droppedPartialLine)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new ResultsFormatException(path, 0, $"cannot be read: {exception.Message}");
        }

        var lines = text.Split('\n');

        // Every complete line ends with a newline: a last piece without one was being written when the run stopped.
        droppedPartialLine = lines[^1].Length > 0;
        int complete = lines.Length - 1;
        if (complete < 1)
        {
            throw new ResultsFormatException(path, 0, "has no header line: not a campaign results file, or empty");
        }

        var header = ResultLines.ParseHeader(lines[0], path);
        var trials = new SortedDictionary<long, TrialResult>();
        for (int i = 1; i < complete; i++)
        {
            if (lines[i].Length == 0)
            {
                continue;
            }

            var trial = ResultLines.ParseTrial(lines[i], path, i + 1);
            if (trial.Trial < 0 || trial.Trial >= header.TotalTrials || !header.Shard.Holds(trial.Trial))
            {
                throw new ResultsFormatException(path, i + 1, $"trial {trial.Trial} is not in shard {header.Shard} of this campaign's {header.TotalTrials} trials");
            }

            if (trials.TryGetValue(trial.Trial, out var earlier) && ResultLines.Trial(earlier) != ResultLines.Trial(trial))
            {
                throw new ResultsFormatException(path, i + 1, $"trial {trial.Trial} appears twice with different results");
            }

            trials[trial.Trial] = trial;
        }

        return new CampaignResults(header, [.. trials.Values]);
    }

    /// <summary>Writes <paramref name="results"/> in trial order to <paramref name="path"/>, atomically (a temporary file renamed over it).</summary>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public static void Write(string path, CampaignResults results)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(results);
        string full = Path.GetFullPath(path);
        string temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        using (var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\n" })
        {
            writer.WriteLine(ResultLines.Header(results.Header));
            foreach (var trial in results.Trials.OrderBy(t => t.Trial))
            {
                writer.WriteLine(ResultLines.Trial(trial));
            }

            writer.Flush();
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, full, overwrite: true);
    }
}
