namespace FlightSw.Sim.Environment.Power;

/// <summary>
/// What the board draws from the bus, in watts: <see cref="IdleWatts"/> while powered, plus
/// <see cref="BusyWatts"/> while at least one job runs, plus <see cref="PerJobWatts"/> for each
/// running job (the software's <see cref="Hal.IWorkload"/>); <see cref="OffWatts"/> while the
/// supply has disconnected it.
/// </summary>
public sealed record LoadSpec
{
    /// <summary>Drawn while disconnected (the supply's own quiescent draw); 0.05 W by default.</summary>
    public double OffWatts { get; init; } = 0.05;

    /// <summary>Drawn while powered with no job running; 4 W by default.</summary>
    public double IdleWatts { get; init; } = 4.0;

    /// <summary>Added while at least one job runs (the CPU at full clock); 3 W by default.</summary>
    public double BusyWatts { get; init; } = 3.0;

    /// <summary>Added for each running job (its accelerator or memory traffic); 2 W by default.</summary>
    public double PerJobWatts { get; init; } = 2.0;

    /// <summary>The load, in watts, of a board that is <paramref name="powered"/> with <paramref name="runningJobs"/> jobs.</summary>
    public double WattsFor(bool powered, int runningJobs)
    {
        if (!powered)
        {
            return OffWatts;
        }

        return runningJobs <= 0 ? IdleWatts : IdleWatts + BusyWatts + (PerJobWatts * runningJobs);
    }

    /// <summary>Throws when a load is not a finite number of watts, zero or more; the message names the field.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A load is out of range.</exception>
    public void Validate()
    {
        Watts(OffWatts, nameof(OffWatts));
        Watts(IdleWatts, nameof(IdleWatts));
        Watts(BusyWatts, nameof(BusyWatts));
        Watts(PerJobWatts, nameof(PerJobWatts));
    }

    private static void Watts(double value, string name)
    {
        if (!double.IsFinite(value) || value < 0)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number of watts, zero or more.");
        }
    }
}
