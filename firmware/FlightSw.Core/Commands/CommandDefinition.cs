namespace FlightSw.Core.Commands;

/// <summary>A command a component accepts: opcode, name, arguments and the handler that carries it out.</summary>
public sealed class CommandDefinition
{
    /// <summary>Declares a command.</summary>
    public CommandDefinition(ushort opcode, string name, string description, Func<CommandArguments, CommandResult> handler, IReadOnlyList<CommandArgumentDefinition> arguments)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(arguments);
        Opcode = opcode;
        Name = name;
        Description = description ?? "";
        Handler = handler;
        Arguments = arguments;
    }

    /// <summary>Opcode, unique in the node.</summary>
    public ushort Opcode { get; }

    /// <summary>Command name, unique in the node, for example <c>MODE_SET</c>.</summary>
    public string Name { get; }

    /// <summary>What the command does.</summary>
    public string Description { get; }

    /// <summary>The arguments, in order.</summary>
    public IReadOnlyList<CommandArgumentDefinition> Arguments { get; }

    /// <summary>The component that declared the command; set when the component is added to an application.</summary>
    public string Component { get; internal set; } = "";

    internal Func<CommandArguments, CommandResult> Handler { get; }
}
