using FlightSw.Sim.Environment;
using FlightSw.Sim.Environment.Power;
using FlightSw.Sim.Environment.Radiation;
using FlightSw.Sim.Environment.Thermal;

namespace FlightSw.Sim.Scenarios;

/// <summary>
/// Everything a simulated board meets in one run: orbit, solar array, battery, loads, thermal
/// behaviour, radiation rates, scripted events and the seed. Read from
/// <c>sim/scenarios/NAME.json</c> by <see cref="ScenarioLoader"/> (by name through
/// <see cref="ScenarioCatalog"/>); defaults are those of each part.
/// </summary>
public sealed record Scenario
{
    /// <summary>The scenario's name (its file name without extension).</summary>
    public required string Name { get; init; }

    /// <summary>One line saying what the scenario is for.</summary>
    public string Description { get; init; } = "";

    /// <summary>Seed of the run; the command line may override it.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>How long the scenario runs when no duration is given; null leaves the caller's default.</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>The orbit; 500 km, 51.6 degrees inclination, beta 0 by default.</summary>
    public CircularOrbit Orbit { get; init; } = CircularOrbit.Leo500 with { InclinationDegrees = 51.6 };

    /// <summary>The solar array.</summary>
    public SolarArray Array { get; init; } = new();

    /// <summary>The battery and undervoltage lockout.</summary>
    public BatterySpec Battery { get; init; } = new();

    /// <summary>The board's loads.</summary>
    public LoadSpec Loads { get; init; } = new();

    /// <summary>The board's thermal behaviour.</summary>
    public ThermalSpec Thermal { get; init; } = new();

    /// <summary>The radiation rates.</summary>
    public RadiationSpec Radiation { get; init; } = new();

    /// <summary>Events at given times, in time order.</summary>
    public IReadOnlyList<ScriptedEvent> Events { get; init; } = [];
}
