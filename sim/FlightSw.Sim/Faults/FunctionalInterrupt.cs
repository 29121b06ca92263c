using FlightSw.Sim.Environment.Radiation;

namespace FlightSw.Sim.Faults;

/// <summary>
/// One single-event functional interrupt: at <see cref="Time"/> a thread of the software, or the
/// whole board, stopped; it lasts until the next reset ends the boot (<see cref="EndedAt"/>).
/// </summary>
public sealed class FunctionalInterrupt
{
    internal FunctionalInterrupt(TimeSpan time, int boot, FunctionalInterruptKind kind, string source)
    {
        Time = time;
        Boot = boot;
        Kind = kind;
        Source = source;
    }

    /// <summary>When it struck, since the epoch.</summary>
    public TimeSpan Time { get; }

    /// <summary>The boot it stopped.</summary>
    public int Boot { get; }

    /// <summary>What it stopped.</summary>
    public FunctionalInterruptKind Kind { get; }

    /// <summary>What caused it: "random", "scripted" or a test's label.</summary>
    public string Source { get; }

    /// <summary>When the boot it stopped ended (a reset or power loss); null while it lasts.</summary>
    public TimeSpan? EndedAt { get; internal set; }

    /// <summary>How the boot ended ("Watchdog", "Brownout" ...); null while it lasts.</summary>
    public string? EndedBy { get; internal set; }
}
