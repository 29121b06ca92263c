namespace FlightSw.Campaigns.Running;

/// <summary>
/// Keeps a second run off a results file another run is writing (two writers would re-run and
/// interleave trials): an exclusive lock on <c>FILE.lock</c>, held for the run and released by
/// the system if the process dies.
/// </summary>
internal static class ResultsLock
{
    /// <summary>Takes the lock of <paramref name="resultsPath"/>.</summary>
    /// <exception cref="ResultsFormatException">Another run holds it.</exception>
    public static IDisposable Take(string resultsPath)
    {
        string path = Path.GetFullPath(resultsPath) + ".lock";
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (IOException exception) when (File.Exists(path))
        {
            throw new ResultsFormatException(resultsPath, 0, $"another campaign run is writing it (it holds {path}): wait for it, or give another results file ({exception.Message})");
        }
    }
}
