using FlightSw.Core.Boot;
using FlightSw.Core.Events;
using FlightSw.Core.Health;
using FlightSw.Core.Modes;
using FlightSw.Core.Telemetry;
using FlightSw.Hal;

namespace FlightSw.Core.Components;

/// <summary>What a component gets at initialisation: the board and the framework's shared services.</summary>
/// <param name="Board">The board, for devices.</param>
/// <param name="Events">The node's event log.</param>
/// <param name="Telemetry">The node's telemetry channels.</param>
/// <param name="Modes">The operating mode.</param>
/// <param name="Components">Every component of the node, by name.</param>
public sealed record FlightContext(
    IBoard Board,
    EventLog Events,
    TelemetryDatabase Telemetry,
    ModeManager Modes,
    IReadOnlyDictionary<string, Component> Components)
{
    /// <summary>The board clock: the only time flight code reads.</summary>
    public TimeProvider Time => Board.Time;

    /// <summary>The boot manager, which every application has: resets go through it so the next boot knows why.</summary>
    public BootManager Boot => (BootManager)Components[BootManager.ComponentName];

    /// <summary>The health monitor, which every application has: faults a component cannot repair go to it.</summary>
    public HealthMonitor Health => (HealthMonitor)Components[HealthMonitor.ComponentName];
}
