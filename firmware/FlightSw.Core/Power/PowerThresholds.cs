using System.Globalization;

namespace FlightSw.Core.Power;

/// <summary>
/// The state-of-charge thresholds of the power ladder, with hysteresis: each rung below
/// <see cref="PowerMode.Nominal"/> is entered when the charge falls below its enter threshold and
/// left when it rises above its (higher) leave threshold, so a charge that wanders around one
/// threshold does not make the mode chatter. Defaults live here (0.50/0.60, 0.30/0.40, 0.15/0.25).
/// </summary>
public sealed record PowerThresholds
{
    /// <summary>Default charge below which the ladder enters <see cref="PowerMode.PowerSave"/>: 0.50.</summary>
    public const double DefaultPowerSaveEnter = 0.50;

    /// <summary>Default charge above which the ladder leaves <see cref="PowerMode.PowerSave"/>: 0.60.</summary>
    public const double DefaultPowerSaveLeave = 0.60;

    /// <summary>Default charge below which the ladder enters <see cref="PowerMode.Safe"/>: 0.30.</summary>
    public const double DefaultSafeEnter = 0.30;

    /// <summary>Default charge above which the ladder leaves <see cref="PowerMode.Safe"/>: 0.40.</summary>
    public const double DefaultSafeLeave = 0.40;

    /// <summary>Default charge below which the ladder enters <see cref="PowerMode.Survival"/>: 0.15.</summary>
    public const double DefaultSurvivalEnter = 0.15;

    /// <summary>Default charge above which the ladder leaves <see cref="PowerMode.Survival"/>: 0.25.</summary>
    public const double DefaultSurvivalLeave = 0.25;

    /// <summary>Charge (0..1) below which the ladder enters <see cref="PowerMode.PowerSave"/>; default <see cref="DefaultPowerSaveEnter"/>.</summary>
    public double PowerSaveEnter { get; init; } = DefaultPowerSaveEnter;

    /// <summary>Charge (0..1) above which the ladder leaves <see cref="PowerMode.PowerSave"/>; default <see cref="DefaultPowerSaveLeave"/>.</summary>
    public double PowerSaveLeave { get; init; } = DefaultPowerSaveLeave;

    /// <summary>Charge (0..1) below which the ladder enters <see cref="PowerMode.Safe"/>; default <see cref="DefaultSafeEnter"/>.</summary>
    public double SafeEnter { get; init; } = DefaultSafeEnter;

    /// <summary>Charge (0..1) above which the ladder leaves <see cref="PowerMode.Safe"/>; default <see cref="DefaultSafeLeave"/>.</summary>
    public double SafeLeave { get; init; } = DefaultSafeLeave;

    /// <summary>Charge (0..1) below which the ladder enters <see cref="PowerMode.Survival"/>; default <see cref="DefaultSurvivalEnter"/>.</summary>
    public double SurvivalEnter { get; init; } = DefaultSurvivalEnter;

    /// <summary>Charge (0..1) above which the ladder leaves <see cref="PowerMode.Survival"/>; default <see cref="DefaultSurvivalLeave"/>.</summary>
    public double SurvivalLeave { get; init; } = DefaultSurvivalLeave;

    /// <summary>The charge below which the ladder steps down into <paramref name="rung"/> (not <see cref="PowerMode.Nominal"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rung"/> is <see cref="PowerMode.Nominal"/> or not a mode.</exception>
    public double EnterOf(PowerMode rung) => rung switch
    {
        PowerMode.PowerSave => PowerSaveEnter,
        PowerMode.Safe => SafeEnter,
        PowerMode.Survival => SurvivalEnter,
        _ => throw new ArgumentOutOfRangeException(nameof(rung), rung, "Only the rungs below Nominal are entered by charge."),
    };

    /// <summary>The charge above which the ladder steps up out of <paramref name="rung"/> (not <see cref="PowerMode.Nominal"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rung"/> is <see cref="PowerMode.Nominal"/> or not a mode.</exception>
    public double LeaveOf(PowerMode rung) => rung switch
    {
        PowerMode.PowerSave => PowerSaveLeave,
        PowerMode.Safe => SafeLeave,
        PowerMode.Survival => SurvivalLeave,
        _ => throw new ArgumentOutOfRangeException(nameof(rung), rung, "Only the rungs below Nominal are left by charge."),
    };

    /// <summary>
    /// Whether the set is usable: every threshold in 0..1, each rung's enter threshold below its
    /// leave threshold, and both columns falling strictly from PowerSave to Survival. False with
    /// the first problem found otherwise.
    /// </summary>
    public bool IsValid(out string error)
    {
        PowerMode[] rungs = [PowerMode.PowerSave, PowerMode.Safe, PowerMode.Survival];
        foreach (var rung in rungs)
        {
            double enter = EnterOf(rung);
            double leave = LeaveOf(rung);
            if (!(enter >= 0 && enter <= 1 && leave >= 0 && leave <= 1))
            {
                error = string.Create(CultureInfo.InvariantCulture, $"{rung} thresholds {enter} and {leave} must lie in [0, 1]");
                return false;
            }

            if (!(enter < leave))
            {
                error = string.Create(CultureInfo.InvariantCulture, $"{rung} enter threshold {enter} must lie below its leave threshold {leave}");
                return false;
            }
        }

        for (int i = 1; i < rungs.Length; i++)
        {
            if (!(EnterOf(rungs[i]) < EnterOf(rungs[i - 1])) || !(LeaveOf(rungs[i]) < LeaveOf(rungs[i - 1])))
            {
                error = string.Create(CultureInfo.InvariantCulture, $"{rungs[i]} thresholds ({EnterOf(rungs[i])}, {LeaveOf(rungs[i])}) must lie below those of {rungs[i - 1]} ({EnterOf(rungs[i - 1])}, {LeaveOf(rungs[i - 1])})");
                return false;
            }
        }

        error = "";
        return true;
    }

    /// <summary>
    /// The rung the ladder goes to from <paramref name="current"/> at charge
    /// <paramref name="stateOfCharge"/>, straight to it however many rungs away: down while the
    /// charge is below the next rung's enter threshold, otherwise up while it is above the current
    /// rung's leave threshold. A charge exactly at a threshold moves nothing; NaN moves nothing.
    /// The set must be valid (<see cref="IsValid"/>).
    /// </summary>
    public PowerMode Next(PowerMode current, double stateOfCharge)
    {
        if (double.IsNaN(stateOfCharge))
        {
            return current;
        }

        var rung = current;
        while (rung < PowerMode.Survival && stateOfCharge < EnterOf(rung + 1))
        {
            rung++;
        }

        if (rung != current)
        {
            return rung;
        }

        while (rung > PowerMode.Nominal && stateOfCharge > LeaveOf(rung))
        {
            rung--;
        }

        return rung;
    }
}
