namespace FlightSw.Cli;

/// <summary>Process exit codes of <c>flightsw</c>.</summary>
internal static class CliExitCodes
{
    /// <summary>Done; for <c>cmd</c>, the command completed.</summary>
    public const int Ok = 0;

    /// <summary>The node refused or failed the command (or refused the tool's request).</summary>
    public const int Failed = 1;

    /// <summary>Bad input: an unknown option, a malformed address, an unreadable key file, an unknown command name.</summary>
    public const int BadInput = 2;

    /// <summary>No answer: the node cannot be reached, or did not answer in time, or the link closed.</summary>
    public const int NoAnswer = 3;

    /// <summary>Stopped by the operator (Ctrl+C).</summary>
    public const int Interrupted = 130;
}
