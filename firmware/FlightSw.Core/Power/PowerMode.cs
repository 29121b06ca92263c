namespace FlightSw.Core.Power;

/// <summary>
/// The rungs of the power ladder, from the most capable to the most frugal; a higher value is a
/// more conservative mode. <see cref="PowerManager"/> walks them by battery state of charge.
/// </summary>
public enum PowerMode
{
    /// <summary>Battery healthy: every function, heavy compute jobs allowed.</summary>
    Nominal = 0,

    /// <summary>Battery getting low: no heavy jobs; components halve their rates.</summary>
    PowerSave = 1,

    /// <summary>Battery low: no heavy jobs; components run at a tenth of their rates.</summary>
    Safe = 2,

    /// <summary>Battery near cut-off: only what keeps the node alive and reachable.</summary>
    Survival = 3,
}
