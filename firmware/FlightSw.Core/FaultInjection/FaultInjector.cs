using FlightSw.Core.Commands;
using FlightSw.Core.Components;
using FlightSw.Core.Events;

namespace FlightSw.Core.FaultInjection;

/// <summary>
/// Software-implemented fault injection by telecommand, usable on real boards: reliability
/// teams make a component hang (as a single-event functional interrupt would) and watch the
/// node detect and recover from it.
/// </summary>
public sealed class FaultInjector : Component
{
    /// <summary>Id base of the fault injector.</summary>
    public const ushort ComponentIdBase = 0x0F00;

    private readonly EventDefinition _injected;

    /// <summary>Creates the fault injector.</summary>
    public FaultInjector()
        : base("faults", ComponentIdBase)
    {
        _injected = DeclareEvent(0, "FI_INJECTED", EventSeverity.WarningHigh, "Injected {fault} into {component}");

        DeclareCommand(0, "FI_HANG", "Makes a component hang until the next reset", HangCommand,
            CommandArgumentDefinition.String("component", "Component name"));
    }

    private CommandResult HangCommand(CommandArguments arguments)
    {
        string name = arguments.GetString("component");
        if (!Context.Components.TryGetValue(name, out var target))
        {
            return CommandResult.Refused($"no component named '{name}'; known: {string.Join(", ", Context.Components.Keys.Order(StringComparer.Ordinal))}");
        }

        target.InjectHang();
        Emit(_injected, "hang", target.Name);
        return CommandResult.Ok($"{target.Name} hung");
    }
}
