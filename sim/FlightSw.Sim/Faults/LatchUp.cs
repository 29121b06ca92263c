namespace FlightSw.Sim.Faults;

/// <summary>
/// One single-event latch-up: from <see cref="Onset"/> the board draws <see cref="StepAmps"/>
/// more, until power is removed (a power cycle or a brownout clears it). If that has not
/// happened by <see cref="Deadline"/>, the latched part burns out and the board is dead for the
/// rest of the run.
/// </summary>
public sealed class LatchUp
{
    internal LatchUp(TimeSpan onset, int boot, double stepAmps, TimeSpan deadline, string source)
    {
        Onset = onset;
        Boot = boot;
        StepAmps = stepAmps;
        Deadline = deadline;
        Source = source;
    }

    /// <summary>When the latch-up struck, since the epoch.</summary>
    public TimeSpan Onset { get; }

    /// <summary>The boot it struck in.</summary>
    public int Boot { get; }

    /// <summary>The supply current it adds, in amperes.</summary>
    public double StepAmps { get; }

    /// <summary>When it burns the board out unless power is removed first, since the epoch.</summary>
    public TimeSpan Deadline { get; }

    /// <summary>What caused it: "random" (the radiation rates), "scripted" (a scenario event) or a test's label.</summary>
    public string Source { get; }

    /// <summary>When power was removed and the latch cleared; null while latched or after a burn-out.</summary>
    public TimeSpan? ClearedAt { get; internal set; }

    /// <summary>What removed the power ("power cycle", "brownout"); null while latched or after a burn-out.</summary>
    public string? ClearedBy { get; internal set; }

    /// <summary>Whether it burned the board out.</summary>
    public bool BurnedOut { get; internal set; }

    /// <summary>Whether it is still drawing current.</summary>
    public bool IsActive => ClearedAt is null && !BurnedOut;

    /// <summary>Time from onset to clearing; null while latched or after a burn-out.</summary>
    public TimeSpan? TimeToClear => ClearedAt - Onset;
}
