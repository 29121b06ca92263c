namespace FlightSw.Cli;

/// <summary>Entry point of <c>flightsw</c>, the ground tool.</summary>
public static class Program
{
    /// <summary>Runs the command line against the process's console and environment.</summary>
    public static int Main(string[] args) => FlightswCli.Run(args, CliEnvironment.FromProcess());
}
