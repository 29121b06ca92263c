namespace FlightSw.Sim.Scenarios;

/// <summary>What a scenario's scripted event does.</summary>
public enum ScriptedEventKind
{
    /// <summary>A solar particle event starts (see <see cref="ScriptedEvent.Solar"/>).</summary>
    SolarParticleEvent = 0,

    /// <summary>A latch-up: a supply current step that burns the board out unless it is power-cycled in time.</summary>
    LatchUp = 1,

    /// <summary>A single-event functional interrupt (see <see cref="ScriptedEvent.Interrupt"/>).</summary>
    FunctionalInterrupt = 2,
}
