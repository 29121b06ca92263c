using FlightSw.Core.Events;
using FlightSw.Core.Modes;
using FlightSw.Hal;

namespace FlightSw.Node.Simulation;

/// <summary>
/// The end-of-run summary. Everything in it comes from simulated time and the seed, never the
/// wall clock, so the same seed gives the same summary byte for byte.
/// </summary>
/// <param name="Board">Board name.</param>
/// <param name="Seed">The run's seed.</param>
/// <param name="SimulatedTime">Simulated time run.</param>
/// <param name="Boots">Boots started.</param>
/// <param name="ResetsByCause">Resets, by cause.</param>
/// <param name="WatchdogResets">Resets by the hardware watchdog.</param>
/// <param name="Ticks">Base ticks run over all boots.</param>
/// <param name="Slips">Rate-group slips over all boots.</param>
/// <param name="EventsBySeverity">Events raised, by severity, over all boots.</param>
/// <param name="Mode">Mode at the end; null when the board was not running.</param>
/// <param name="BusVolts">Last supply voltage reported by the software.</param>
/// <param name="CurrentAmps">Last supply current reported by the software.</param>
/// <param name="Celsius">Last board temperature reported by the software.</param>
/// <param name="UpsetsInjected">Radiation upsets the simulated environment injected, over all boots.</param>
/// <param name="EccCorrected">Words the scrubber corrected in the last boot; null without a scrubber.</param>
/// <param name="EccUncorrectable">Uncorrectable words the scrubber found in the last boot; null without a scrubber.</param>
/// <param name="PowerMode">The power manager's mode at the end; null when the board was not running or has no power manager.</param>
/// <param name="LatchUpsDetected">Latch-ups the firmware detected and power-cycled, as its persistent counter says; null when not running.</param>
/// <param name="Environment">What the scenario's environment did; null without a scenario.</param>
/// <param name="SafeBoot">Why the running boot is a SAFE boot (boot-loop protection); null when it is not or nothing runs.</param>
/// <param name="Inference">What the inference job did over all boots; null when no boot had one.</param>
public sealed record NodeSummary(
    string Board,
    int Seed,
    TimeSpan SimulatedTime,
    int Boots,
    IReadOnlyDictionary<ResetCause, int> ResetsByCause,
    int WatchdogResets,
    long Ticks,
    long Slips,
    IReadOnlyDictionary<EventSeverity, long> EventsBySeverity,
    FlightMode? Mode,
    double? BusVolts,
    double? CurrentAmps,
    double? Celsius,
    int UpsetsInjected,
    ulong? EccCorrected,
    ulong? EccUncorrectable,
    string? PowerMode = null,
    uint? LatchUpsDetected = null,
    EnvironmentSummary? Environment = null,
    string? SafeBoot = null,
    InferenceSummary? Inference = null)
{
    internal static NodeSummary From(SimulatedNode node, TimeSpan simulated)
    {
        var app = node.Application;
        double? Latest(string channel) => app?.Telemetry.Find(channel)?.BoxedValue as double?;
        return new NodeSummary(
            node.Hardware.Definition.Name,
            node.Hardware.Seed,
            simulated,
            node.Hardware.Boots,
            node.Hardware.Resets.GroupBy(r => r.Cause).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count()),
            node.Hardware.Watchdog.Expirations,
            node.Statistics.Ticks(app),
            node.Statistics.Slips(app),
            Enum.GetValues<EventSeverity>().ToDictionary(s => s, node.Statistics.EventsOf),
            app?.Modes.Current,
            Latest("BRD_BUS_V"),
            Latest("BRD_CURRENT_A"),
            Latest("BRD_TEMP_C"),
            node.Hardware.Upsets.Records.Count,
            app?.Telemetry.Find("SCRUB_CORRECTED")?.BoxedValue as ulong?,
            app?.Telemetry.Find("SCRUB_UNCORRECTABLE")?.BoxedValue as ulong?,
            app?.Telemetry.Find("POWER_MODE")?.BoxedValue?.ToString(),
            app?.Telemetry.Find("LATCHUP_COUNT")?.BoxedValue as uint?,
            EnvironmentSummary.From(node.Hardware),
            app is { Boot.IsSafeBoot: true } ? app.Boot.SafeBootReason : null,
            node.Statistics.Inference(app));
    }
}
