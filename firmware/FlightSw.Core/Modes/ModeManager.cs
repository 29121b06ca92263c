using FlightSw.Core.Commands;
using FlightSw.Core.Components;
using FlightSw.Core.Events;
using FlightSw.Core.Telemetry;

namespace FlightSw.Core.Modes;

/// <summary>
/// Holds the operating mode and allows only the transitions in <see cref="IsAllowed"/>:
/// BOOT to NOMINAL or SAFE, NOMINAL to SAFE, SAFE to NOMINAL. Every transition is an event
/// with its reason; a refused one is too.
/// </summary>
public sealed class ModeManager : Component
{
    /// <summary>Id base of the mode manager.</summary>
    public const ushort ComponentIdBase = 0x0300;

    private readonly TelemetryChannel<FlightMode> _mode;
    private readonly TelemetryChannel<uint> _transitions;
    private readonly EventDefinition _changed;
    private readonly EventDefinition _refused;

    /// <summary>Creates the mode manager in <see cref="FlightMode.Boot"/>.</summary>
    public ModeManager()
        : base("modes", ComponentIdBase)
    {
        _mode = DeclareChannel<FlightMode>(0, "MODE", "", "Operating mode");
        _transitions = DeclareChannel<uint>(1, "MODE_TRANSITIONS", "", "Mode transitions since boot");

        _changed = DeclareEvent(0, "MODE_CHANGED", EventSeverity.ActivityHigh, "Mode {from} -> {to}: {reason}");
        _refused = DeclareEvent(1, "MODE_REFUSED", EventSeverity.WarningLow, "Mode {from} -> {to} refused: {reason}");

        DeclareCommand(0, "MODE_SET", "Requests an operating mode", SetCommand,
            CommandArgumentDefinition.Enumeration("mode", "Target mode", FlightMode.Nominal, FlightMode.Safe));
    }

    /// <summary>Raised after every transition, with the old and new mode.</summary>
    public event Action<FlightMode, FlightMode>? Changed;

    /// <summary>The current mode.</summary>
    public FlightMode Current { get; private set; } = FlightMode.Boot;

    /// <summary>Why this boot must stay in SAFE (boot-loop protection); null when it may leave SAFE.</summary>
    public string? SafeHold { get; private set; }

    /// <summary>Enters SAFE and keeps the node there for the rest of the boot, for <paramref name="reason"/>.</summary>
    public void HoldSafe(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        SafeHold = reason;
        TryTransition(FlightMode.Safe, reason);
    }

    /// <summary>Whether the mode may go from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static bool IsAllowed(FlightMode from, FlightMode to) => (from, to) switch
    {
        (FlightMode.Boot, FlightMode.Nominal) => true,
        (FlightMode.Boot, FlightMode.Safe) => true,
        (FlightMode.Nominal, FlightMode.Safe) => true,
        (FlightMode.Safe, FlightMode.Nominal) => true,
        _ => false,
    };

    /// <summary>Moves to <paramref name="to"/> for <paramref name="reason"/>; false (and an event) when not allowed.</summary>
    public bool TryTransition(FlightMode to, string reason)
    {
        var from = Current;
        if (from == to)
        {
            return true;
        }

        if (!IsAllowed(from, to))
        {
            Emit(_refused, from, to, "transition not allowed");
            return false;
        }

        if (SafeHold is { } hold && to != FlightMode.Safe)
        {
            Emit(_refused, from, to, $"{hold}: only essential components run in this boot; send BOOT_LOOP_CLEAR, then NODE_RESET");
            return false;
        }

        Current = to;
        _mode.Write(to);
        _transitions.Write(_transitions.Value + 1);
        Emit(_changed, from, to, reason);
        Changed?.Invoke(from, to);
        return true;
    }

    /// <inheritdoc />
    protected override void OnInitialize() => _mode.Write(Current);

    private CommandResult SetCommand(CommandArguments arguments)
    {
        var to = arguments.GetEnum<FlightMode>("mode");
        return TryTransition(to, "commanded")
            ? CommandResult.Ok($"mode {Current}")
            : CommandResult.Refused($"mode {Current} cannot go to {to}");
    }
}
