namespace FlightSw.Core.Commands;

/// <summary>The acknowledgement of one command.</summary>
/// <param name="Command">The command name as sent.</param>
/// <param name="Status">How it ended.</param>
/// <param name="Message">Details for the operator: the handler's message or the reason for refusal.</param>
public sealed record CommandResponse(string Command, CommandStatus Status, string Message)
{
    /// <summary>Whether the command completed.</summary>
    public bool Succeeded => Status == CommandStatus.Completed;
}
