namespace FlightSw.Cli.Deploy;

/// <summary>How a child process ended.</summary>
/// <param name="ExitCode">Its exit code (-1 when it was killed for taking too long).</param>
/// <param name="Out">Its standard output.</param>
/// <param name="Error">Its standard error.</param>
/// <param name="TimedOut">Whether it was killed for taking too long.</param>
internal sealed record ProcessOutcome(int ExitCode, string Out, string Error, bool TimedOut)
{
    /// <summary>Whether it exited with 0.</summary>
    public bool Succeeded => ExitCode == 0 && !TimedOut;

    /// <summary>
    /// Its standard error for a one-line message: the lines joined with "; ", without ssh's
    /// "Warning: Permanently added ..." notes; else its output; else the exit code.
    /// </summary>
    public string Message
    {
        get
        {
            string text = Join(Error);
            if (text.Length == 0)
            {
                text = Join(Out);
            }

            if (TimedOut)
            {
                return text.Length == 0 ? "it did not finish in time" : $"it did not finish in time ({text})";
            }

            return text.Length == 0 ? $"exit code {ExitCode}" : text;
        }
    }

    private static string Join(string text) => string.Join(
        "; ",
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => !line.StartsWith("Warning: Permanently added", StringComparison.Ordinal)));
}
