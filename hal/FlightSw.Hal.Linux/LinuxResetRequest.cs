namespace FlightSw.Hal.Linux;

/// <summary>A reset flight software asked for on a Linux board.</summary>
/// <param name="Cause">What was asked for: <see cref="ResetCause.CommandedWarmReset"/> or <see cref="ResetCause.CommandedPowerCycle"/>.</param>
/// <param name="Reason">Who asked and why.</param>
public sealed record LinuxResetRequest(ResetCause Cause, string Reason)
{
    /// <summary>Whether this request outranks <paramref name="other"/>: a power cycle outranks a warm reset, which is then never carried out.</summary>
    public bool Outranks(LinuxResetRequest? other) =>
        other is null || (Cause == ResetCause.CommandedPowerCycle && other.Cause != ResetCause.CommandedPowerCycle);
}
