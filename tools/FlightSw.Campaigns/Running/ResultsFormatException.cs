namespace FlightSw.Campaigns.Running;

/// <summary>A results file that cannot be used: the message names the file, the line and why.</summary>
public sealed class ResultsFormatException : Exception
{
    /// <summary>Creates the refusal.</summary>
    public ResultsFormatException(string path, int line, string reason)
        : base(line > 0 ? $"{path}:{line}: {reason}" : $"{path}: {reason}")
    {
    }
}
