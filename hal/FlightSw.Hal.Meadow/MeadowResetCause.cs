using Meadow.Hardware;

namespace FlightSw.Hal.Meadow;

/// <summary>
/// Turns what Meadow reports about the last reset (the STM32's reset flags, as
/// <see cref="ResetReason"/>, and whether Meadow left a crash report) into the HAL's
/// <see cref="ResetCause"/>.
/// </summary>
/// <remarks>
/// Several flags can be set at once, so they are read in order. On the STM32F7 a power-on reset
/// also sets the brownout flag (RM0410, RCC_CSR), so PowerOn is checked before Brownout. A
/// software reset is what a commanded reset does, and also what Meadow does after an unhandled
/// exception, which leaves a crash report. The reset pin (the RST button, a debugger) and
/// LowPower (an illegal stop/standby entry) have no HAL cause and read as Unknown. Check on the
/// board that Meadow's reason really carries the raw RCC flags.
/// </remarks>
public static class MeadowResetCause
{
    /// <summary>The HAL cause of a boot that Meadow reports as <paramref name="reason"/>.</summary>
    /// <param name="reason">Meadow's <c>ReliabilityService.LastResetReason</c>.</param>
    /// <param name="crashReportFound">Meadow's <c>ReliabilityService.LastBootWasFromCrash</c>.</param>
    public static ResetCause From(ResetReason reason, bool crashReportFound)
    {
        if (Has(reason, ResetReason.IndependentWatchdog) || Has(reason, ResetReason.WindowWatchdog))
        {
            return ResetCause.Watchdog;
        }

        if (Has(reason, ResetReason.PowerOnReset))
        {
            return ResetCause.PowerOn;
        }

        if (Has(reason, ResetReason.InsufficientPower))
        {
            return ResetCause.Brownout;
        }

        if (Has(reason, ResetReason.SoftwareReset))
        {
            return crashReportFound ? ResetCause.Crash : ResetCause.CommandedWarmReset;
        }

        return crashReportFound ? ResetCause.Crash : ResetCause.Unknown;
    }

    private static bool Has(ResetReason reason, ResetReason flag) => (reason & flag) == flag;
}
