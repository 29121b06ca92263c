using FlightSw.Core.Events;
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
}
