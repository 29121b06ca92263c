using FlightSw.Core.Commands;
using FlightSw.Core.Events;
using FlightSw.Core.Telemetry;
using FlightSw.Link.Dictionary;

namespace FlightSw.Ground.Tests.Fixtures;

/// <summary>A small dictionary for the scripted node: two commands, four channels, one event.</summary>
internal static class TestDictionary
{
    public const ushort BusVolts = 0x0101;
    public const ushort Mode = 0x0102;
    public const ushort Cycles = 0x0103;
    public const ushort Never = 0x0104;

    public static LinkDictionary Create(string node = "scripted-node") => new(
        node,
        [
            new CommandEntry(0x0001, "CMD_NOOP", "cmd", "Does nothing", []),
            new CommandEntry(0x0002, "PRM_SET", "prm", "Sets a parameter", [
                new ArgumentEntry("name", CommandArgumentType.String, "Parameter name", null, null, 64, []),
                new ArgumentEntry("value", CommandArgumentType.Float64, "New value", null, null, null, []),
            ]),
        ],
        [
            new ChannelEntry(BusVolts, "BRD_BUS_V", "board", TelemetryType.Float64, "V", "Bus voltage", []),
            new ChannelEntry(Mode, "MODE_CURRENT", "modes", TelemetryType.Enumeration, "", "Flight mode", [new("SAFE", 0), new("NOMINAL", 1)]),
            new ChannelEntry(Cycles, "SCH_CYCLES", "scheduler", TelemetryType.UInt32, "", "Cycles run", []),
            new ChannelEntry(Never, "NEVER_WRITTEN", "scheduler", TelemetryType.Int32, "", "Never written", []),
        ],
        [
            new EventEntry(0x0201, "MODE_CHANGED", "modes", EventSeverity.ActivityHigh, "Mode {from} -> {to}", ["from", "to"]),
        ]);
}
