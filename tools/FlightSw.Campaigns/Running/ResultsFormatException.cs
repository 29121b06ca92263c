namespace FlightSw.Campaigns.Running;

/// <summary>A results file that cannot be used: the message names the file, the line and why.</summary>
public sealed class ResultsFormatException : Exception
{
    /// <summary>Creates the refusal of <paramref name="path"/> at <paramref name="line"/> (0: the file as a whole).</summary>
    public ResultsFormatException(string path, int line, string reason)
        : base(line > 0 ? $"{path}:{line}: {reason}" : $"{path}: {reason}")
    {
        Path = path;
        Line = line;
    }

    /// <summary>The file.</summary>
    public string Path { get; }

    /// <summary>The line (from 1), or 0 for the file as a whole.</summary>
    public int Line { get; }
}
