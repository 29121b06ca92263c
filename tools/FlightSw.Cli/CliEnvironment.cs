namespace FlightSw.Cli;

/// <summary>Where a run of <c>flightsw</c> writes and what it reads from its environment; tests give their own.</summary>
/// <param name="Out">Standard output: tables, acknowledgements, reports.</param>
/// <param name="Error">Standard error: warnings and the one-line error of a failed run.</param>
/// <param name="Variable">Reads an environment variable (null when unset).</param>
/// <param name="Interactive">Whether standard output is a terminal (live displays) rather than a file or pipe.</param>
internal sealed record CliEnvironment(TextWriter Out, TextWriter Error, Func<string, string?> Variable, bool Interactive)
{
    /// <summary>The process's console and environment variables.</summary>
    public static CliEnvironment FromProcess() =>
        new(Console.Out, Console.Error, Environment.GetEnvironmentVariable, !Console.IsOutputRedirected);
}
