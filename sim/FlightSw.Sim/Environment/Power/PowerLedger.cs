namespace FlightSw.Sim.Environment.Power;

/// <summary>
/// Running energy totals since the start of a run, in watt-hours, to check that the power
/// model conserves energy: what the array produced, less what was curtailed, less what the board
/// drew, less the battery's losses, equals the change of the stored energy
/// (<see cref="ImbalanceWattHours"/> stays at rounding level).
/// </summary>
public sealed class PowerLedger
{
    /// <summary>Creates an empty ledger for a battery that holds <paramref name="initialStoredWattHours"/>.</summary>
    /// <param name="initialStoredWattHours">The battery's stored energy at the start, in watt-hours; finite.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="initialStoredWattHours"/> is not finite.</exception>
    public PowerLedger(double initialStoredWattHours)
    {
        if (!double.IsFinite(initialStoredWattHours))
        {
            throw new ArgumentOutOfRangeException(nameof(initialStoredWattHours), initialStoredWattHours, "The initial stored energy must be a finite number of watt-hours.");
        }

        InitialStoredWattHours = initialStoredWattHours;
    }

    /// <summary>The battery's stored energy at the start.</summary>
    public double InitialStoredWattHours { get; }

    /// <summary>Produced by the array while sunlit, curtailed share included.</summary>
    public double SolarWattHours { get; private set; }

    /// <summary>Surplus the array did not deliver because the battery was full.</summary>
    public double CurtailedWattHours { get; private set; }

    /// <summary>Delivered to the board (idle, jobs and extra loads), less any <see cref="ShortfallWattHours"/>.</summary>
    public double LoadWattHours { get; private set; }

    /// <summary>The battery's charge and discharge losses.</summary>
    public double LossWattHours { get; private set; }

    /// <summary>Load demanded but not delivered because the battery was empty (not in <see cref="LoadWattHours"/>).</summary>
    public double ShortfallWattHours { get; private set; }

    /// <summary>
    /// Adds one interval: the array produced <paramref name="solarWattHours"/>, the board
    /// demanded <paramref name="loadWattHours"/>, and the battery did <paramref name="flow"/>.
    /// </summary>
    /// <param name="solarWattHours">Energy the array produced, curtailment included.</param>
    /// <param name="loadWattHours">Energy the board demanded, shortfall included.</param>
    /// <param name="flow">The battery's side of the interval.</param>
    public void Record(double solarWattHours, double loadWattHours, BatteryFlow flow)
    {
        SolarWattHours += solarWattHours;
        CurtailedWattHours += flow.CurtailedWattHours;
        LoadWattHours += loadWattHours - flow.ShortfallWattHours;
        LossWattHours += flow.LossWattHours;
        ShortfallWattHours += flow.ShortfallWattHours;
    }

    /// <summary>
    /// Energy unaccounted for against <paramref name="battery"/>:
    /// (solar - curtailed - load - loss) - (stored now - stored at the start). Zero but for
    /// rounding when every interval of the battery was recorded here.
    /// </summary>
    /// <param name="battery">The battery whose intervals this ledger recorded.</param>
    /// <returns>The imbalance, in watt-hours.</returns>
    public double ImbalanceWattHours(Battery battery)
    {
        ArgumentNullException.ThrowIfNull(battery);
        return (SolarWattHours - CurtailedWattHours - LoadWattHours - LossWattHours) - (battery.StoredWattHours - InitialStoredWattHours);
    }
}
