using System.Buffers.Binary;
using System.Text;
using FlightSw.Core.Commands;
using FlightSw.Core.Components;
using FlightSw.Core.Events;
using FlightSw.Core.Storage;
using FlightSw.Hal.Memory;

namespace FlightSw.Core.FaultInjection;

/// <summary>
/// Software-implemented fault injection by telecommand, usable on real boards: reliability
/// teams make a component hang (as a single-event functional interrupt would) or flip a bit of a
/// protected memory region (as a single-event upset would) and watch the node detect and recover.
/// A crash at boot is armed in the persistent store for a number of boots, so that boot-loop
/// protection can be exercised: it is essential, so it arms the crash in a SAFE boot too, where
/// the target does not start if it is not essential itself.
/// </summary>
public sealed class FaultInjector : Component
{
    /// <summary>Id base of the fault injector.</summary>
    public const ushort ComponentIdBase = 0x0F00;

    /// <summary>Name of the durable record arming a crash at boot: remaining boots (uint32) and the component's name.</summary>
    public const string BootCrashRecord = "fi.bootcrash";

    private readonly EventDefinition _injected;
    private readonly EventDefinition _bootCrashArmed;

    /// <summary>Creates the fault injector.</summary>
    public FaultInjector()
        : base("faults", ComponentIdBase)
    {
        IsEssential = true;
        _injected = DeclareEvent(0, "FI_INJECTED", EventSeverity.WarningHigh, "Injected {fault} into {component}");
        _bootCrashArmed = DeclareEvent(1, "FI_BOOT_CRASH_ARMED", EventSeverity.WarningHigh, "Component {component} will crash at start for the next {boots} boots");

        DeclareCommand(0, "FI_HANG", "Makes a component hang until the next reset", HangCommand,
            CommandArgumentDefinition.String("component", "Component name"));
        DeclareCommand(1, "FI_FLIP_BIT", "Flips one bit of one codeword of a protected memory region, as a single-event upset would", FlipBitCommand,
            CommandArgumentDefinition.String("region", "Memory region name (see the board's memory map)"),
            CommandArgumentDefinition.UInt32("word", "Codeword (64-bit word) index in the region"),
            CommandArgumentDefinition.UInt32("bit", "Bit in the codeword: 0 to 63 data, 64 to 71 check", 0, 71));
        DeclareCommand(2, "FI_CRASH_AT_BOOT", "Makes a component crash at start for the next N boots (0 disarms), as a bad upload would", CrashAtBootCommand,
            CommandArgumentDefinition.String("component", "Component name"),
            CommandArgumentDefinition.UInt32("boots", "How many boots crash", 0, 1000));
    }

    /// <inheritdoc />
    protected override void OnInitialize()
    {
        var records = new DurableRecordStore(Context.Board.PersistentStore);
        if (!records.TryRead(BootCrashRecord, out var payload) || payload.Length < 4)
        {
            return;
        }

        uint remaining = BinaryPrimitives.ReadUInt32LittleEndian(payload);
        string name = Encoding.UTF8.GetString(payload.AsSpan(4));
        if (remaining == 0 || !Context.Components.TryGetValue(name, out var target))
        {
            return;
        }

        if (Context.Boot.IsSafeBoot && !target.IsEssential)
        {
            return; // a SAFE boot does not start the target: nothing to crash, and no armed boot used up
        }

        // Count this boot off before it crashes, as the crash ends it.
        records.Write(BootCrashRecord, Encode(remaining - 1, name));
        target.InjectCrashAtStart();
        Emit(_injected, $"crash at start ({remaining - 1} more boots armed)", target.Name);
    }

    private static byte[] Encode(uint boots, string component)
    {
        var name = Encoding.UTF8.GetBytes(component);
        var payload = new byte[4 + name.Length];
        BinaryPrimitives.WriteUInt32LittleEndian(payload, boots);
        name.CopyTo(payload, 4);
        return payload;
    }

    private CommandResult CrashAtBootCommand(CommandArguments arguments)
    {
        string name = arguments.GetString("component");
        uint boots = arguments.GetUInt32("boots");
        if (!Context.Components.TryGetValue(name, out var target))
        {
            return CommandResult.Refused($"no component named '{name}'; known: {string.Join(", ", Context.Components.Keys.Order(StringComparer.Ordinal))}");
        }

        new DurableRecordStore(Context.Board.PersistentStore).Write(BootCrashRecord, Encode(boots, target.Name));
        Emit(_bootCrashArmed, target.Name, boots);
        return CommandResult.Ok(boots == 0 ? "crash at boot disarmed" : $"{target.Name} crashes at start for the next {boots} boots");
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
