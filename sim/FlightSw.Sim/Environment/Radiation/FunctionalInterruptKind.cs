namespace FlightSw.Sim.Environment.Radiation;

/// <summary>What a single-event functional interrupt stops.</summary>
public enum FunctionalInterruptKind
{
    /// <summary>One thread of the software stops: one of the boot's timers never fires again.</summary>
    Thread = 0,

    /// <summary>The whole board stops answering: every timer of the boot stops, until a reset.</summary>
    Board = 1,
}
