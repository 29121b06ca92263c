namespace FlightSw.Core.Commands;

/// <summary>How a command ended, as acknowledged to the ground (in the spirit of PUS service 1).</summary>
public enum CommandStatus
{
    /// <summary>Accepted and carried out.</summary>
    Completed,

    /// <summary>No command has that name or opcode.</summary>
    UnknownCommand,

    /// <summary>Wrong number of arguments, or an argument failed validation.</summary>
    InvalidArguments,

    /// <summary>The handler refused it (for example not allowed in the current mode).</summary>
    Rejected,

    /// <summary>The handler failed while carrying it out.</summary>
    Failed,

    /// <summary>The command queue was full; nothing was done.</summary>
    QueueFull,
}
