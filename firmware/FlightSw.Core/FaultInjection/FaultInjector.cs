using FlightSw.Core.Commands;
using FlightSw.Core.Components;
using FlightSw.Core.Events;
using FlightSw.Hal.Memory;

namespace FlightSw.Core.FaultInjection;

/// <summary>
/// Software-implemented fault injection by telecommand, usable on real boards: reliability
/// teams make a component hang (as a single-event functional interrupt would) or flip a bit of a
/// protected memory region (as a single-event upset would) and watch the node detect and recover.
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
        DeclareCommand(1, "FI_FLIP_BIT", "Flips one bit of one codeword of a protected memory region, as a single-event upset would", FlipBitCommand,
            CommandArgumentDefinition.String("region", "Memory region name (see the board's memory map)"),
            CommandArgumentDefinition.UInt32("word", "Codeword (64-bit word) index in the region"),
            CommandArgumentDefinition.UInt32("bit", "Bit in the codeword: 0 to 63 data, 64 to 71 check", 0, 71));
    }

    private CommandResult FlipBitCommand(CommandArguments arguments)
    {
        string name = arguments.GetString("region");
        var memory = Context.Board.Memory;
        if (!memory.TryFind(name, out var target))
        {
            var known = memory.Targets.Select(t => t.Name).ToList();
            return CommandResult.Refused(known.Count == 0
                ? $"no memory region named '{name}'; this boot has no protected memory registered"
                : $"no memory region named '{name}'; known: {string.Join(", ", known)}");
        }

        var location = new CodewordBit(arguments.GetUInt32("word"), (int)arguments.GetUInt32("bit"));
        long physical;
        try
        {
            physical = target.PhysicalBitOf(location);
        }
        catch (ArgumentOutOfRangeException)
        {
            return CommandResult.Refused($"region {name} has no bit {location.Bit} of word {location.Codeword} (it holds {target.BitCount} bits)");
        }

        target.FlipBit(physical);
        Emit(_injected, $"bit flip (word {location.Codeword}, bit {location.Bit})", name);
        return CommandResult.Ok($"flipped bit {location.Bit} of word {location.Codeword} in {name}");
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
