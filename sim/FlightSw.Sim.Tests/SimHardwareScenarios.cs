using FlightSw.Sim.Environment;
using FlightSw.Sim.Environment.Power;
using FlightSw.Sim.Environment.Radiation;
using FlightSw.Sim.Scenarios;

namespace FlightSw.Sim.Tests;

/// <summary>Scenarios built in code for the <see cref="SimHardware"/> scenario tests, and options to fly them.</summary>
internal static class SimHardwareScenarios
{
    /// <summary>The orbit of the scenarios: 500 km, 51.6 degrees, beta 0 (the longest eclipse), starting in sunlight.</summary>
    public static readonly CircularOrbit Orbit = CircularOrbit.Leo500 with { InclinationDegrees = 51.6 };

    /// <summary>No random radiation and no dose: every event is the test's own.</summary>
    public static readonly RadiationSpec NoRadiation = new() { DoseRadPerDay = 0 };

    /// <summary>A default 40 Wh battery that never browns out, and no radiation.</summary>
    public static Scenario Quiet(params ScriptedEvent[] events) => new()
    {
        Name = "quiet",
        Orbit = Orbit,
        Radiation = NoRadiation,
        Events = events,
    };

    /// <summary>A 2 Wh battery at beta 0: the idle board browns out in every eclipse and recovers in sunlight.</summary>
    public static Scenario Undersized(double initialStateOfCharge = 0.9) => Quiet() with
    {
        Name = "undersized",
        Battery = new BatterySpec { CapacityWattHours = 2, InitialStateOfCharge = initialStateOfCharge },
    };

    /// <summary>Options flying <paramref name="scenario"/> (none: the constant environment) with exact readings and boot times.</summary>
    public static SimHardwareOptions Exact(Scenario? scenario = null) => new()
    {
        Scenario = scenario,
        SensorNoise = false,
        BootJitter = TimeSpan.Zero,
    };

    /// <summary>The kinds of <paramref name="hardware"/>'s environment log, in order.</summary>
    public static IEnumerable<EnvironmentRecordKind> Kinds(SimHardware hardware) => hardware.EnvironmentLog.Select(r => r.Kind);
}
