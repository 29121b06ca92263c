using System.Buffers.Binary;
using FlightSw.Core.Commands;
using FlightSw.Core.Components;
using FlightSw.Core.Events;
using FlightSw.Core.Scheduling;
using FlightSw.Core.Storage;
using FlightSw.Core.Telemetry;
using FlightSw.Hal;

namespace FlightSw.Core.Boot;

/// <summary>
/// Records each boot: reads why the board reset, counts boots in the persistent store and
/// reports both; reports uptime; and carries out commanded resets through the reset controller.
/// </summary>
public sealed class BootManager : Component
{
    /// <summary>Id base of the boot manager.</summary>
    public const ushort ComponentIdBase = 0x0600;

    /// <summary>Name of the stored boot counter record.</summary>
    public const string BootCountRecord = "boot.count";

    private readonly TelemetryChannel<uint> _bootCount;
    private readonly TelemetryChannel<ResetCause> _resetCause;
    private readonly TelemetryChannel<double> _uptime;
    private readonly EventDefinition _booted;
    private readonly EventDefinition _counterInvalid;
    private readonly EventDefinition _resetRequested;
    private long _bootTimestamp;

    /// <summary>Creates the boot manager.</summary>
    public BootManager()
        : base("boot", ComponentIdBase)
    {
        _bootCount = DeclareChannel<uint>(0, "BOOT_COUNT", "", "Boots since the store was first written");
        _resetCause = DeclareChannel<ResetCause>(1, "RESET_CAUSE", "", "Why the current boot started");
        _uptime = DeclareChannel<double>(2, "UPTIME_S", "s", "Time since this boot started");

        _booted = DeclareEvent(0, "BOOT", EventSeverity.ActivityHigh, "Boot {count}, reset cause {cause}");
        _counterInvalid = DeclareEvent(1, "BOOT_COUNTER_INVALID", EventSeverity.WarningHigh, "Stored boot counter refused ({reason}); counting from {count}");
        _resetRequested = DeclareEvent(2, "BOOT_RESET_REQUESTED", EventSeverity.WarningHigh, "{kind} requested: {reason}");

        DeclareCommand(0, "NODE_RESET", "Warm-resets the node", args => Reset(warm: true, args),
            CommandArgumentDefinition.String("reason", "Why, for the reset history"));
        DeclareCommand(1, "NODE_POWER_CYCLE", "Power-cycles the node", args => Reset(warm: false, args),
            CommandArgumentDefinition.String("reason", "Why, for the reset history"));
    }

    /// <summary>This boot's number.</summary>
    public uint BootCount => _bootCount.Value;

    /// <summary>Why this boot started.</summary>
    public ResetCause ResetCause => _resetCause.Value;

    /// <inheritdoc />
    protected override void OnInitialize()
    {
        var board = Context.Board;
        _bootTimestamp = Context.Time.GetTimestamp();
        uint previous = ReadStoredCount(board.PersistentStore);
        uint count = checked(previous + 1);
        var payload = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(payload, count);
        board.PersistentStore.Write(BootCountRecord, CheckedRecord.Wrap(payload));

        _bootCount.Write(count);
        _resetCause.Write(board.ResetController.LastResetCause);
        _uptime.Write(0);
        Emit(_booted, count, board.ResetController.LastResetCause);
    }

    /// <inheritdoc />
    protected override void OnCycle(RateGroupCycle cycle) =>
        _uptime.Write(Context.Time.GetElapsedTime(_bootTimestamp).TotalSeconds);

    private uint ReadStoredCount(IPersistentStore store)
    {
        if (!store.TryRead(BootCountRecord, out var record))
        {
            return 0;
        }

        if (CheckedRecord.TryUnwrap(record, out var payload, out string error) && payload.Length == 4)
        {
            uint stored = BinaryPrimitives.ReadUInt32LittleEndian(payload);
            if (stored < uint.MaxValue)
            {
                return stored;
            }

            // Counting on from here would overflow and stop every boot.
            error = $"counter {stored} is at its maximum";
        }

        Emit(_counterInvalid, payload.Length == 4 || error.Length > 0 ? error : $"payload is {payload.Length} bytes", 0);
        return 0;
    }

    private CommandResult Reset(bool warm, CommandArguments arguments)
    {
        string reason = arguments.GetString("reason");
        Emit(_resetRequested, warm ? "warm reset" : "power cycle", reason);
        if (warm)
        {
            Context.Board.ResetController.RequestWarmReset(reason);
        }
        else
        {
            Context.Board.ResetController.RequestPowerCycle(reason);
        }

        return CommandResult.Ok(warm ? "warm reset pending" : "power cycle pending");
    }
}
