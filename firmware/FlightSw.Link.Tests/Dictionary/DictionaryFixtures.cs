using FlightSw.Core.Application;
using FlightSw.Core.Commands;
using FlightSw.Core.Events;
using FlightSw.Core.Telemetry;
using FlightSw.Link.Dictionary;

namespace FlightSw.Link.Tests.Dictionary;

/// <summary>Dictionaries for the dictionary tests.</summary>
internal static class DictionaryFixtures
{
    /// <summary>A flight application with the framework's components and a <see cref="ProbeComponent"/>, not started.</summary>
    public static FlightApplication Application()
    {
        var app = new FlightApplication(new TestBoard());
        app.Add(new ProbeComponent());
        return app;
    }

    /// <summary>The dictionary of <see cref="Application"/>.</summary>
    public static LinkDictionary FromApplication() => LinkDictionary.From(Application(), "probe-node");

    /// <summary>
    /// A hand-built dictionary with what no component can declare through Core's factories: a
    /// signed 64-bit argument (bounded on one side only), an unbounded Float64 and an empty enum.
    /// </summary>
    public static LinkDictionary HandBuilt() => new(
        "hand-built",
        [
            new CommandEntry(0x0105, "SET_EPOCH", "clock", "Sets the epoch", [
                new ArgumentEntry("ticks", CommandArgumentType.Int64, "100 ns ticks", 0, null, null, []),
                new ArgumentEntry("scale", CommandArgumentType.Float64, "", null, null, null, []),
                new ArgumentEntry("label", CommandArgumentType.String, "long label", null, null, 300, []),
            ]),
            new CommandEntry(0x0001, "PING", "link", "", []),
        ],
        [
            new ChannelEntry(9, "EMPTY_ENUM", "clock", TelemetryType.Enumeration, "", "", []),
            new ChannelEntry(3, "EPOCH", "clock", TelemetryType.Int64, "s", "Epoch", []),
        ],
        [new EventEntry(7, "EPOCH_SET", "clock", EventSeverity.ActivityHigh, "epoch {ticks}", ["ticks"])]);
}
