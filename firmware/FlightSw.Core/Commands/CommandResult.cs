namespace FlightSw.Core.Commands;

/// <summary>What a command handler answers: done, or refused with a reason.</summary>
/// <param name="Succeeded">Whether the command did what it was asked.</param>
/// <param name="Message">Outcome for the operator; the reason when it did not succeed.</param>
public readonly record struct CommandResult(bool Succeeded, string Message)
{
    /// <summary>The command completed.</summary>
    public static CommandResult Ok(string message = "") => new(true, message);

    /// <summary>The command was refused or could not be carried out, for <paramref name="reason"/>.</summary>
    public static CommandResult Refused(string reason) => new(false, reason);
}
