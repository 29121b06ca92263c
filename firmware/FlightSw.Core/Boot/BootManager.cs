using System.Globalization;
using FlightSw.Core.Commands;
using FlightSw.Core.Components;
using FlightSw.Core.Events;
using FlightSw.Core.Parameters;
using FlightSw.Core.Scheduling;
using FlightSw.Core.Storage;
using FlightSw.Core.Telemetry;
using FlightSw.Hal;

namespace FlightSw.Core.Boot;

/// <summary>
/// Records each boot and guards against boot loops. At initialisation it reads why the board
/// reset (the hardware's view, refined by the reset the software asked for before it went
/// down), appends the boot to the persisted <see cref="ResetHistory"/> and reports both. When
/// <c>BOOT_LOOP_RESETS</c> resets have happened within <c>BOOT_LOOP_WINDOW_S</c>, the boot is a
/// SAFE boot: the application starts only its essential components and stays in SAFE until an
/// operator clears the protection and resets. Every software reset goes through
/// <see cref="RequestReset"/>, which persists the request first.
/// </summary>
public sealed class BootManager : Component
{
    /// <summary>Id base of the boot manager.</summary>
    public const ushort ComponentIdBase = 0x0600;

    /// <summary>The boot manager's component name.</summary>
    public const string ComponentName = "boot";

    /// <summary>Name of the durable record holding the <see cref="ResetHistory"/>.</summary>
    public const string HistoryRecord = "boot.history";

    private readonly TelemetryChannel<uint> _bootCount;
    private readonly TelemetryChannel<ResetCause> _resetCause;
    private readonly TelemetryChannel<double> _uptime;
    private readonly TelemetryChannel<bool> _safeBoot;
    private readonly TelemetryChannel<uint> _loopResets;
    private readonly Dictionary<ResetCause, TelemetryChannel<uint>> _totals = [];
    private readonly EventDefinition _booted;
    private readonly EventDefinition _historyInvalid;
    private readonly EventDefinition _resetRequested;
    private readonly EventDefinition _safe;
    private readonly EventDefinition _loopCleared;
    private readonly EventDefinition _historyEntry;
    private readonly EventDefinition _storeFailed;
    private readonly Parameter<uint> _loopResetLimit;
    private readonly Parameter<uint> _loopWindowSeconds;
    private ResetHistory _history = new();
    private DurableRecordStore? _records;
    private long _bootTimestamp;

    /// <summary>Creates the boot manager.</summary>
    public BootManager()
        : base(ComponentName, ComponentIdBase)
    {
        _bootCount = DeclareChannel<uint>(0, "BOOT_COUNT", "", "Boots since the reset history was first written");
        _resetCause = DeclareChannel<ResetCause>(1, "RESET_CAUSE", "", "Why the current boot started");
        _uptime = DeclareChannel<double>(2, "UPTIME_S", "s", "Time since this boot started");
        _safeBoot = DeclareChannel<bool>(3, "BOOT_SAFE", "", "Whether boot-loop protection made this a SAFE boot (essential components only)");
        _loopResets = DeclareChannel<uint>(4, "BOOT_LOOP_RESETS", "", "Resets counted by boot-loop protection at this boot (within its window)");
        _totals[ResetCause.Watchdog] = DeclareChannel<uint>(5, "RESETS_WATCHDOG", "", "Watchdog resets over the node's life");
        _totals[ResetCause.CommandedWarmReset] = DeclareChannel<uint>(6, "RESETS_WARM", "", "Commanded warm resets (by operators or the health monitor) over the node's life");
        _totals[ResetCause.CommandedPowerCycle] = DeclareChannel<uint>(7, "RESETS_POWER_CYCLE", "", "Commanded power cycles over the node's life");
        _totals[ResetCause.Crash] = DeclareChannel<uint>(8, "RESETS_CRASH", "", "Restarts after the flight software crashed, over the node's life");
        _totals[ResetCause.Brownout] = DeclareChannel<uint>(9, "RESETS_BROWNOUT", "", "Boots after a brownout, over the node's life");
        _totals[ResetCause.LatchUpPowerCycle] = DeclareChannel<uint>(10, "RESETS_LATCHUP", "", "Latch-up power cycles over the node's life");

        _booted = DeclareEvent(0, "BOOT", EventSeverity.ActivityHigh, "Boot {count}, reset cause {cause}: {reason}");
        _historyInvalid = DeclareEvent(1, "BOOT_HISTORY_INVALID", EventSeverity.WarningHigh, "Stored reset history refused ({reason}); counting from {count}");
        _resetRequested = DeclareEvent(2, "BOOT_RESET_REQUESTED", EventSeverity.WarningHigh, "{kind} requested: {reason}");
        _safe = DeclareEvent(3, "BOOT_SAFE", EventSeverity.WarningHigh, "Boot-loop protection: {resets} resets within {windowS} s ({causes}); SAFE boot with essential components only");
        _loopCleared = DeclareEvent(4, "BOOT_LOOP_CLEARED", EventSeverity.ActivityHigh, "Boot-loop protection cleared through boot {boot}; the next reset boots normally");
        _historyEntry = DeclareEvent(5, "BOOT_HISTORY_ENTRY", EventSeverity.ActivityLow, "Boot {boot} at {at}: {cause}, {reason}");
        _storeFailed = DeclareEvent(6, "BOOT_STORE_FAILED", EventSeverity.WarningHigh, "Reset history not stored: {error}");

        _loopResetLimit = DeclareParameter<uint>(0, "BOOT_LOOP_RESETS", 3, 2, ResetHistory.Capacity, "", "Resets within the window that make the next boot a SAFE boot");
        _loopWindowSeconds = DeclareParameter<uint>(1, "BOOT_LOOP_WINDOW_S", 900, 10, 604_800, "s", "Window over which boot-loop protection counts resets");

        DeclareCommand(0, "NODE_RESET", "Warm-resets the node", args => ResetCommand(ResetCause.CommandedWarmReset, args),
            CommandArgumentDefinition.String("reason", "Why, for the reset history"));
        DeclareCommand(1, "NODE_POWER_CYCLE", "Power-cycles the node", args => ResetCommand(ResetCause.CommandedPowerCycle, args),
            CommandArgumentDefinition.String("reason", "Why, for the reset history"));
        DeclareCommand(2, "BOOT_LOOP_CLEAR", "Forgets the resets counted so far by boot-loop protection, so that the next reset boots normally", ClearLoopCommand);
        DeclareCommand(3, "BOOT_HISTORY", "Reports the persisted reset history, one BOOT_HISTORY_ENTRY event per boot", HistoryCommand);
    }

    /// <summary>This boot's number.</summary>
    public uint BootCount => _bootCount.Value;

    /// <summary>Why this boot started.</summary>
    public ResetCause ResetCause => _resetCause.Value;

    /// <summary>Whether boot-loop protection made this a SAFE boot.</summary>
    public bool IsSafeBoot => _safeBoot.Value;

    /// <summary>Why this is a SAFE boot; empty when it is not.</summary>
    public string SafeBootReason { get; private set; } = "";

    /// <summary>The reset history as read and extended at this boot.</summary>
    public ResetHistory History => _history;

    /// <summary>
    /// Resets the node: persists the request (so the next boot reports <paramref name="cause"/>
    /// and <paramref name="reason"/>), raises BOOT_RESET_REQUESTED and asks the board. A failing
    /// store does not stop the reset. A later request in the same boot replaces the persisted one
    /// only when it is a power cycle after a warm reset, as the board carries out the first otherwise.
    /// </summary>
    /// <param name="cause">
    /// <see cref="ResetCause.CommandedWarmReset"/> for a warm reset; <see cref="ResetCause.CommandedPowerCycle"/>
    /// or <see cref="ResetCause.LatchUpPowerCycle"/> for a power cycle.
    /// </param>
    /// <param name="reason">Who asked and why.</param>
    public void RequestReset(ResetCause cause, string reason)
    {
        if (cause is not (ResetCause.CommandedWarmReset or ResetCause.CommandedPowerCycle or ResetCause.LatchUpPowerCycle))
        {
            throw new ArgumentOutOfRangeException(nameof(cause), cause, "Software can ask only for a warm reset or a power cycle.");
        }

        reason ??= "";
        bool warm = cause == ResetCause.CommandedWarmReset;
        Emit(_resetRequested, warm ? "warm reset" : cause == ResetCause.LatchUpPowerCycle ? "latch-up power cycle" : "power cycle", reason);
        if (_history.Pending is null || (!warm && _history.Pending.Cause == ResetCause.CommandedWarmReset))
        {
            // As on the board, the first reset asked for in this boot is the one carried out,
            // unless a power cycle follows a warm reset: only the power cycle removes power.
            _history.Pending = new ResetRequest(cause, reason);
            Store();
        }

        if (warm)
        {
            Context.Board.ResetController.RequestWarmReset(reason);
        }
        else
        {
            Context.Board.ResetController.RequestPowerCycle(reason);
        }
    }

    /// <inheritdoc />
    protected override void OnInitialize()
    {
        var board = Context.Board;
        _bootTimestamp = Context.Time.GetTimestamp();
        _records = new DurableRecordStore(board.PersistentStore);
        _history = ReadHistory();

        var (cause, reason) = Attribute(board.ResetController.LastResetCause, _history.Pending);
        _history.Pending = null;
        var entry = _history.Append(cause, reason, Context.Time.GetUtcNow());
        Store();

        _bootCount.Write(entry.Boot);
        _resetCause.Write(cause);
        _uptime.Write(0);
        foreach (var (counted, channel) in _totals)
        {
            channel.Write(_history.TotalOf(counted));
        }

        Emit(_booted, entry.Boot, cause, reason);

        var window = TimeSpan.FromSeconds(_loopWindowSeconds.Value);
        var resets = _history.CountedResets(entry.StartedAt, window);
        _loopResets.Write((uint)resets.Count);
        _safeBoot.Write(false);
        if (resets.Count >= _loopResetLimit.Value)
        {
            string causes = string.Join(", ", resets.Select(r => r.Cause));
            SafeBootReason = string.Create(CultureInfo.InvariantCulture, $"boot-loop protection: {resets.Count} resets within {window.TotalSeconds:0} s ({causes})");
            _safeBoot.Write(true);
            Emit(_safe, resets.Count, window.TotalSeconds, causes);
        }
    }

    /// <inheritdoc />
    protected override void OnCycle(RateGroupCycle cycle) =>
        _uptime.Write(Context.Time.GetElapsedTime(_bootTimestamp).TotalSeconds);

    /// <summary>
    /// The cause this boot reports: the hardware's, unless the hardware saw only a software
    /// reset and the software had said what it was for (a latch-up power cycle, or who asked).
    /// A watchdog, brownout or power-on outranks a pending request: the request never completed;
    /// and a power cycle the board carried out as a warm reset (a failed reboot) is a warm reset.
    /// </summary>
    private static (ResetCause Cause, string Reason) Attribute(ResetCause hardware, ResetRequest? pending) => hardware switch
    {
        ResetCause.CommandedWarmReset when pending is { Cause: not ResetCause.CommandedWarmReset } =>
            (hardware, $"a {pending.Cause} was requested but carried out as a warm reset, so power was never removed ({pending.Reason})"),
        ResetCause.CommandedWarmReset or ResetCause.CommandedPowerCycle or ResetCause.Unknown when pending is not null => (pending.Cause, pending.Reason),
        ResetCause.Watchdog when pending is not null => (hardware, $"hardware watchdog expired while a {pending.Cause} was pending ({pending.Reason})"),
        ResetCause.Watchdog => (hardware, "hardware watchdog expired"),
        ResetCause.PowerOn => (hardware, "power applied"),
        ResetCause.Brownout => (hardware, "power returned after a brownout"),
        ResetCause.Crash => (hardware, "the flight software crashed and its supervisor restarted it"),
        ResetCause.CommandedWarmReset => (hardware, "warm reset (no request recorded)"),
        ResetCause.CommandedPowerCycle => (hardware, "power cycle (no request recorded)"),
        _ => (hardware, "cause unknown"),
    };

    private ResetHistory ReadHistory()
    {
        var read = _records!.Read(HistoryRecord);
        foreach (string refused in read.Refused)
        {
            Emit(_historyInvalid, refused, read.Found ? "the other copy" : "0");
        }

        if (!read.Found)
        {
            return new ResetHistory();
        }

        if (ResetHistory.TryParse(read.Payload, out var history, out string error))
        {
            return history;
        }

        Emit(_historyInvalid, error, 0);
        return new ResetHistory();
    }

    private void Store()
    {
        try
        {
            _records!.Write(HistoryRecord, _history.Serialize());
        }
        catch (IOException ex)
        {
            Emit(_storeFailed, ex.Message);
        }
    }

    private CommandResult ResetCommand(ResetCause cause, CommandArguments arguments)
    {
        RequestReset(cause, arguments.GetString("reason"));
        return CommandResult.Ok(cause == ResetCause.CommandedWarmReset ? "warm reset pending" : "power cycle pending");
    }

    private CommandResult ClearLoopCommand(CommandArguments arguments)
    {
        _history.ClearedThroughBoot = _history.BootCount;
        Store();
        Emit(_loopCleared, _history.BootCount);
        return CommandResult.Ok($"boot-loop protection cleared through boot {_history.BootCount}");
    }

    private CommandResult HistoryCommand(CommandArguments arguments)
    {
        foreach (var entry in _history.Entries)
        {
            Emit(_historyEntry, entry.Boot, entry.StartedAt.ToString("u", CultureInfo.InvariantCulture), entry.Cause, entry.Reason);
        }

        return CommandResult.Ok($"{_history.Entries.Count} boots reported; {_history.BootCount} in all");
    }
}
