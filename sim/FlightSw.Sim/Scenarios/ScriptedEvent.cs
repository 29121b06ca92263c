using FlightSw.Sim.Environment.Radiation;

namespace FlightSw.Sim.Scenarios;

/// <summary>An event a scenario schedules at a given time, on top of the random ones.</summary>
/// <param name="At">When, since the run's epoch.</param>
/// <param name="Kind">What happens.</param>
public sealed record ScriptedEvent(TimeSpan At, ScriptedEventKind Kind)
{
    /// <summary>The solar particle event, for <see cref="ScriptedEventKind.SolarParticleEvent"/> (its onset equals <see cref="At"/>).</summary>
    public SolarParticleEvent? Solar { get; init; }

    /// <summary>The current step in amperes for <see cref="ScriptedEventKind.LatchUp"/>; the scenario's <see cref="RadiationSpec.LatchUpStepAmps"/> when null.</summary>
    public double? StepAmps { get; init; }

    /// <summary>What stops, for <see cref="ScriptedEventKind.FunctionalInterrupt"/>.</summary>
    public FunctionalInterruptKind Interrupt { get; init; } = FunctionalInterruptKind.Board;
}
