using FlightSw.Core.Commands;
using FlightSw.Core.Components;
using FlightSw.Core.Events;

namespace FlightSw.Link.Tests.Dictionary;

/// <summary>
/// A component declaring one channel of every telemetry type (an enum with a negative member
/// included), one event of every severity and commands with every argument type a component can
/// declare, with awkward texts (markup characters, newlines, non-ASCII) in descriptions.
/// </summary>
internal sealed class ProbeComponent : Component
{
    public ProbeComponent()
        : base("probe", 0x2000)
    {
        DeclareChannel<bool>(0, "PROBE_FLAG", "", "A flag");
        DeclareChannel<int>(1, "PROBE_I32", "degC", "Signed 32-bit");
        DeclareChannel<uint>(2, "PROBE_U32", "", "Unsigned 32-bit");
        DeclareChannel<long>(3, "PROBE_I64", "ns", "Signed 64-bit");
        DeclareChannel<ulong>(4, "PROBE_U64", "B", "Unsigned 64-bit");
        DeclareChannel<float>(5, "PROBE_F32", "V", "Single <precision> & \"quotes\"");
        DeclareChannel<double>(6, "PROBE_F64", "m/s^2", "Double precision,\nsecond line, µ°");
        DeclareChannel<Valve>(7, "PROBE_VALVE", "", "Valve state");

        DeclareEvent(0, "PROBE_DIAG", EventSeverity.Diagnostic, "diagnostic {a}");
        DeclareEvent(1, "PROBE_LOW", EventSeverity.ActivityLow, "low {a} then {b}");
        DeclareEvent(2, "PROBE_HIGH", EventSeverity.ActivityHigh, "no arguments");
        DeclareEvent(3, "PROBE_WARN_LOW", EventSeverity.WarningLow, "warning <{reason}> & more");
        DeclareEvent(4, "PROBE_WARN_HIGH", EventSeverity.WarningHigh, "{x}{y}{z}");
        DeclareEvent(5, "PROBE_FATAL", EventSeverity.Fatal, "fatal: {why}\nline two");

        DeclareCommand(
            0,
            "PROBE_ALL",
            "Takes every argument type",
            Ok,
            CommandArgumentDefinition.Boolean("on", "Switch"),
            CommandArgumentDefinition.Int32("count", "How many", -5, 5),
            CommandArgumentDefinition.UInt32("word", "A word", 1, 4_000_000_000),
            CommandArgumentDefinition.Float64("gain", "Gain", -1.5, 2.25),
            CommandArgumentDefinition.String("text", "Free text", 12),
            CommandArgumentDefinition.Enumeration<Valve>("valve", "Which state"));
        DeclareCommand(1, "PROBE_NOOP", "", Ok);
        DeclareCommand(
            2,
            "PROBE_DEFAULTS",
            "Arguments with the default bounds",
            Ok,
            CommandArgumentDefinition.Int32("a", ""),
            CommandArgumentDefinition.UInt32("b", ""),
            CommandArgumentDefinition.Float64("c", "0.1 is not exact"),
            CommandArgumentDefinition.String("d", "default length"),
            CommandArgumentDefinition.Enumeration("e", "a subset", Valve.Open, Valve.Closed));
    }

    /// <summary>A valve's state; <see cref="Stuck"/> is negative on purpose.</summary>
    public enum Valve
    {
        Stuck = -1,
        Closed = 0,
        Open = 7,
    }

    private static CommandResult Ok(CommandArguments arguments) => CommandResult.Ok();
}
