namespace FlightSw.Cli.Tests.Fixtures;

/// <summary>One run of <c>flightsw</c> in this process: its exit code and what it wrote.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    /// <summary>Runs <c>flightsw</c> with <paramref name="args"/>, output redirected, and <paramref name="variables"/> as the only environment.</summary>
    public static CliRun Of(string[] args, IReadOnlyDictionary<string, string>? variables = null)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var env = new CliEnvironment(output, error, name => variables?.GetValueOrDefault(name), Interactive: false);
        int code = FlightswCli.Run(args, env);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    /// <summary>The lines written to standard error.</summary>
    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
