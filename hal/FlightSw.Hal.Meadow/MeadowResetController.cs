using System.Text;
using Meadow;

namespace FlightSw.Hal.Meadow;

/// <summary>
/// Resets of a Meadow F7: the cause of this boot from Meadow's reliability service, and resets
/// through <c>Device.PlatformOS.Reset()</c>, shortly after the request returns.
/// </summary>
/// <remarks>
/// <para>The F7 Feather cannot switch off its own supply, so <see cref="RequestPowerCycle"/> does a
/// warm reset: a latch-up is <em>not</em> cleared by it. A real power cycle needs a load switch or
/// supervisor on the supply, driven from a GPIO line (not yet in the board file).</para>
/// <para>Meadow keeps a crash report until it is cleared, and would call every later boot a crash.
/// So the report is copied into the record <see cref="CrashReportKey"/> and cleared at boot.</para>
/// </remarks>
public sealed class MeadowResetController : IResetController
{
    /// <summary>Record that keeps the text of Meadow's crash report from the last crash.</summary>
    public const string CrashReportKey = "meadow.crash-report";

    /// <summary>How long after a request the reset happens: the caller returns, and the log and records settle.</summary>
    public static readonly TimeSpan ResetDelay = TimeSpan.FromMilliseconds(500);

    private readonly IPlatformOS _platform;
    private readonly TimeProvider _time;
    private readonly object _gate = new();
    private ITimer? _pendingReset;

    /// <summary>Reads why this boot started (and keeps and clears a crash report).</summary>
    /// <param name="device">The Meadow device.</param>
    /// <param name="store">Where the crash report is kept.</param>
    /// <param name="time">The clock that times the reset after a request.</param>
    public MeadowResetController(IMeadowDevice device, IPersistentStore store, TimeProvider time)
    {
        if (device is null)
        {
            throw new ArgumentNullException(nameof(device));
        }

        _platform = device.PlatformOS;
        _time = time ?? throw new ArgumentNullException(nameof(time));
        LastResetCause = ReadCause(device.ReliabilityService, store ?? throw new ArgumentNullException(nameof(store)));
    }

    /// <inheritdoc />
    public ResetCause LastResetCause { get; }

    /// <inheritdoc />
    public void RequestWarmReset(string reason) => ScheduleReset();

    /// <inheritdoc />
    /// <remarks>A warm reset on this board: see the remarks on the class.</remarks>
    public void RequestPowerCycle(string reason) => ScheduleReset();

    private static ResetCause ReadCause(IReliabilityService? reliability, IPersistentStore store)
    {
        if (reliability is null)
        {
            return ResetCause.Unknown;
        }

        bool crashed = reliability.LastBootWasFromCrash;
        if (crashed)
        {
            try
            {
                store.Write(CrashReportKey, Encoding.UTF8.GetBytes(string.Join("\n", reliability.GetCrashData())));
            }
            catch (IOException)
            {
                // A failing store must not stop the boot; the report is lost, the cause is not.
            }

            reliability.ClearCrashData();
        }

        return MeadowResetCause.From(reliability.LastResetReason, crashed);
    }

    private void ScheduleReset()
    {
        lock (_gate)
        {
            // The first request wins; the board is going down anyway.
            _pendingReset ??= _time.CreateTimer(_ => _platform.Reset(), null, ResetDelay, Timeout.InfiniteTimeSpan);
        }
    }
}
