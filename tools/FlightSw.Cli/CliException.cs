namespace FlightSw.Cli;

/// <summary>A run of <c>flightsw</c> that ends with one line on standard error and <see cref="ExitCode"/>.</summary>
internal sealed class CliException : Exception
{
    public CliException(int exitCode, string message)
        : base(message)
    {
        ExitCode = exitCode;
    }

    /// <summary>The process exit code (<see cref="CliExitCodes"/>).</summary>
    public int ExitCode { get; }
}
