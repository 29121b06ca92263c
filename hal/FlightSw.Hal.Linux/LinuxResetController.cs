using System.Text;

namespace FlightSw.Hal.Linux;

/// <summary>
/// Resets of a Linux board: why this run started, read once when the board opens, and requests
/// carried out by an <see cref="ILinuxHost"/> after they are recorded.
/// </summary>
/// <remarks>
/// <para>The evidence: the watchdog's boot status (WDIOF_CARDRESET), the kernel's boot id
/// (<c>/proc/sys/kernel/random/boot_id</c>, new at every kernel boot) and three records in the
/// persistent store: the boot id last seen (<c>hal.boot_id</c>), a marker set while the flight
/// software runs and cleared by an orderly stop (<c>hal.running</c>), and a reset request
/// written before it is carried out (<c>hal.reset_request</c>).</para>
/// <para>The rules, first match wins:</para>
/// <list type="number">
/// <item>Kernel boot id unreadable: Watchdog if the boot status says so, else Unknown.</item>
/// <item>A new kernel boot (or none recorded) and WDIOF_CARDRESET: <see cref="ResetCause.Watchdog"/>.
/// The bit stays set for the whole kernel boot, so it is not looked at when only the process restarted.</item>
/// <item>A new kernel boot with a power cycle pending: <see cref="ResetCause.CommandedPowerCycle"/>.</item>
/// <item>Any other new kernel boot: <see cref="ResetCause.PowerOn"/> (a power loss, or a watchdog
/// whose driver does not report WDIOF_CARDRESET, looks the same).</item>
/// <item>The same kernel boot with a request pending: <see cref="ResetCause.CommandedWarmReset"/>
/// (a power cycle whose reboot never happened was carried out as a process restart).</item>
/// <item>The same kernel boot after an orderly stop: <see cref="ResetCause.Unknown"/>. Somebody
/// (an operator, a package upgrade) stopped and started the service; no reset happened, and
/// PowerOn would claim a power loss that did not.</item>
/// <item>The same kernel boot without an orderly stop: <see cref="ResetCause.Crash"/>; the
/// process died and systemd started it again.</item>
/// </list>
/// </remarks>
public sealed class LinuxResetController : IResetController
{
    /// <summary>Record holding the kernel boot id of the last run.</summary>
    public const string BootIdRecord = "hal.boot_id";

    /// <summary>Record present while the flight software runs; an orderly stop deletes it.</summary>
    public const string RunningRecord = "hal.running";

    /// <summary>Record of a reset request, written before the request is carried out.</summary>
    public const string RequestRecord = "hal.reset_request";

    /// <summary>Where the kernel boot id is, under the /proc root.</summary>
    public const string BootIdRelativePath = "sys/kernel/random/boot_id";

    private const string WarmResetTag = "warm-reset";
    private const string PowerCycleTag = "power-cycle";

    private readonly IPersistentStore _store;
    private readonly ILinuxHost _host;
    private readonly Lock _gate = new();
    private LinuxResetRequest? _requested;

    /// <summary>Works out why this run started, then records this run (boot id, running marker) and clears the previous request.</summary>
    /// <param name="store">The board's persistent store.</param>
    /// <param name="bootIdFile">The kernel boot id file, normally <c>/proc/sys/kernel/random/boot_id</c>.</param>
    /// <param name="watchdogBootStatus">The watchdog's boot status, or null when the driver does not report one.</param>
    /// <param name="host">What carries out a reset.</param>
    public LinuxResetController(IPersistentStore store, string bootIdFile, WatchdogStatusFlags? watchdogBootStatus, ILinuxHost host)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentException.ThrowIfNullOrEmpty(bootIdFile);
        ArgumentNullException.ThrowIfNull(host);
        _store = store;
        _host = host;

        BootId = ReadBootId(bootIdFile);
        PreviousRequest = ReadRequest(store);
        bool newKernelBoot = !store.TryRead(BootIdRecord, out var lastBootId) || Encoding.UTF8.GetString(lastBootId) != BootId;
        bool stoppedInOrder = !store.TryRead(RunningRecord, out _);
        bool watchdogReset = watchdogBootStatus is { } status && status.HasFlag(WatchdogStatusFlags.CardReset);
        LastResetCause = Decide(BootId is not null, newKernelBoot, watchdogReset, PreviousRequest, stoppedInOrder);

        // A store that cannot be written (a card remounted read-only, a full disk) must not stop
        // the node from flying: the next start then knows less about why it started.
        try
        {
            store.Delete(RequestRecord);
            if (BootId is not null)
            {
                store.Write(BootIdRecord, Encoding.UTF8.GetBytes(BootId));
            }

            store.Write(RunningRecord, [1]);
        }
        catch (IOException ex)
        {
            StoreProblem = ex.Message;
        }
    }

    /// <summary>Why the reset records could not be written at start or at a request; null when they could.</summary>
    public string? StoreProblem { get; private set; }

    /// <inheritdoc />
    public ResetCause LastResetCause { get; }

    /// <summary>The reset the previous run asked for, if it recorded one.</summary>
    public LinuxResetRequest? PreviousRequest { get; }

    /// <summary>This kernel boot's id, or null when it could not be read.</summary>
    public string? BootId { get; }

    /// <summary>Records the request, then asks the host to end the process for its supervisor to restart.</summary>
    public void RequestWarmReset(string reason)
    {
        if (Record(new LinuxResetRequest(ResetCause.CommandedWarmReset, reason ?? "")))
        {
            _host.RestartProcess(reason ?? "");
        }
    }

    /// <summary>Records the request, then asks the host to reboot the board (see <see cref="SystemLinuxHost"/> on true power cycles).</summary>
    /// <exception cref="IOException">The host could not start the reboot.</exception>
    public void RequestPowerCycle(string reason)
    {
        if (Record(new LinuxResetRequest(ResetCause.CommandedPowerCycle, reason ?? "")))
        {
            _host.Reboot(reason ?? "");
        }
    }

    /// <summary>Marks this run as stopped in order; call last in an orderly shutdown.</summary>
    public void RecordOrderlyStop()
    {
        try
        {
            _store.Delete(RunningRecord);
        }
        catch (IOException ex)
        {
            StoreProblem = ex.Message;
        }
    }

    private static ResetCause Decide(bool bootIdKnown, bool newKernelBoot, bool watchdogReset, LinuxResetRequest? request, bool stoppedInOrder)
    {
        if (!bootIdKnown)
        {
            return watchdogReset ? ResetCause.Watchdog : ResetCause.Unknown;
        }

        if (newKernelBoot)
        {
            return watchdogReset ? ResetCause.Watchdog
                : request?.Cause == ResetCause.CommandedPowerCycle ? ResetCause.CommandedPowerCycle
                : ResetCause.PowerOn;
        }

        return request is not null ? ResetCause.CommandedWarmReset
            : stoppedInOrder ? ResetCause.Unknown
            : ResetCause.Crash;
    }

    private static string? ReadBootId(string path)
    {
        try
        {
            string id = File.ReadAllText(path).Trim();
            return id.Length == 0 ? null : id;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static LinuxResetRequest? ReadRequest(IPersistentStore store)
    {
        if (!store.TryRead(RequestRecord, out var bytes))
        {
            return null;
        }

        string[] parts = Encoding.UTF8.GetString(bytes).Split('\n', 2);
        string reason = parts.Length == 2 ? parts[1] : "";
        return parts[0] switch
        {
            WarmResetTag => new LinuxResetRequest(ResetCause.CommandedWarmReset, reason),
            PowerCycleTag => new LinuxResetRequest(ResetCause.CommandedPowerCycle, reason),
            _ => null,
        };
    }

    /// <summary>Stores <paramref name="request"/> unless an equal or higher one is pending; true when the host should act.</summary>
    private bool Record(LinuxResetRequest request)
    {
        lock (_gate)
        {
            if (!request.Outranks(_requested))
            {
                return false;
            }

            string tag = request.Cause == ResetCause.CommandedPowerCycle ? PowerCycleTag : WarmResetTag;
            try
            {
                _store.Write(RequestRecord, Encoding.UTF8.GetBytes(tag + "\n" + request.Reason));
            }
            catch (IOException ex)
            {
                // The reset matters more than the record of why: carry it out anyway.
                StoreProblem = ex.Message;
            }

            _requested = request;
            return true;
        }
    }
}
