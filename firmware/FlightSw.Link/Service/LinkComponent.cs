using System.Text;
using FlightSw.Core.Commands;
using FlightSw.Core.Components;
using FlightSw.Core.Events;
using FlightSw.Core.Scheduling;
using FlightSw.Core.Storage;
using FlightSw.Core.Telemetry;
using FlightSw.Link.Packets;
using FlightSw.Link.Security;

namespace FlightSw.Link.Service;

/// <summary>
/// The link inside one boot of the flight software: moves verified flight telecommands from the
/// <see cref="LinkService"/> to the command dispatcher and their acknowledgements back, downlinks
/// every event as it is raised and, once a second, every telemetry channel that changed, reports
/// refused telecommands as events (at most <see cref="RefusalEventsPerCycle"/> a cycle, the rest
/// counted) and publishes the link's counters. It is essential, so a SAFE boot still listens to
/// the ground, and it keeps the replay windows' high-water marks in a durable record.
/// </summary>
public sealed class LinkComponent : Component
{
    /// <summary>Id base of the link component.</summary>
    public const ushort ComponentIdBase = 0x0700;

    /// <summary>The link component's name.</summary>
    public const string ComponentName = "link";

    /// <summary>Most telecommands handed to the dispatcher in one cycle.</summary>
    public const int CommandsPerCycle = 16;

    /// <summary>Most refusal events raised in one cycle; the rest are counted and summarised once a second.</summary>
    public const int RefusalEventsPerCycle = 5;

    /// <summary>Cycles of the 10 Hz group between two housekeeping reports (one second).</summary>
    public const int HousekeepingEveryCycles = 10;

    /// <summary>
    /// Cycles between two full housekeeping reports (ten seconds): every channel, changed or not,
    /// so a ground whose queue dropped a report has the whole state again within ten seconds.
    /// </summary>
    public const int FullReportEveryCycles = 100;

    /// <summary>Cycles between two link status reports (five seconds), so a ground joining a serial line mid-stream can start.</summary>
    public const int StatusEveryCycles = 50;

    private readonly LinkService _service;
    private readonly TelemetryChannel<uint> _connections;
    private readonly TelemetryChannel<ulong> _framesAccepted;
    private readonly TelemetryChannel<ulong> _framesRefused;
    private readonly TelemetryChannel<ulong> _noiseBytes;
    private readonly TelemetryChannel<ulong> _telecommandsAccepted;
    private readonly TelemetryChannel<ulong> _telecommandsRefused;
    private readonly TelemetryChannel<ulong> _packetsSent;
    private readonly TelemetryChannel<ulong> _droppedHousekeeping;
    private readonly TelemetryChannel<ulong> _droppedEvents;
    private readonly TelemetryChannel<ulong> _droppedAcknowledgements;
    private readonly TelemetryChannel<ulong> _highestSequence;
    private readonly TelemetryChannel<bool> _developmentMode;
    private readonly TelemetryChannel<uint> _keys;
    private readonly Dictionary<PacketRefusal, TelemetryChannel<ulong>> _frameRefusals = [];
    private readonly Dictionary<LinkRefusal, TelemetryChannel<ulong>> _telecommandRefusals = [];
    private readonly EventDefinition _developmentModeEvent;
    private readonly EventDefinition _noKeys;
    private readonly EventDefinition _refused;
    private readonly EventDefinition _refusalsSuppressed;
    private readonly EventDefinition _framesRefusedEvent;
    private readonly EventDefinition _connected;
    private readonly EventDefinition _dropped;
    private readonly Dictionary<ushort, long> _sentUpdates = [];
    private DurableRecordStore? _records;
    private IReadOnlyList<KeyValuePair<ushort, ulong>> _persisted = [];
    private long _suppressed;
    private long _framesRefusedReported;
    private long _droppedReported;
    private bool _fullReportDue = true;

    /// <summary>Creates the link component of one boot; it downlinks every event <paramref name="events"/> records from now on.</summary>
    public LinkComponent(LinkService service, EventLog events)
        : base(ComponentName, ComponentIdBase)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(events);
        _service = service;
        IsEssential = true;

        _connections = DeclareChannel<uint>(0, "LINK_CONNECTIONS", "", "Ground connections open");
        _framesAccepted = DeclareChannel<ulong>(1, "LINK_FRAMES_OK", "", "Frames received whose header and CRC were sound, since the node started");
        _framesRefused = DeclareChannel<ulong>(2, "LINK_FRAMES_REFUSED", "", "Frames refused for their header, length or CRC, since the node started");
        _noiseBytes = DeclareChannel<ulong>(3, "LINK_NOISE_BYTES", "B", "Bytes skipped between frames while re-synchronising");
        _telecommandsAccepted = DeclareChannel<ulong>(4, "LINK_TC_ACCEPTED", "", "Telecommands authenticated and accepted");
        _telecommandsRefused = DeclareChannel<ulong>(5, "LINK_TC_REFUSED", "", "Sound frames refused as telecommands (authentication, replay, format)");
        _packetsSent = DeclareChannel<ulong>(6, "LINK_TM_SENT", "", "Packets written to ground connections");
        _droppedHousekeeping = DeclareChannel<ulong>(7, "LINK_TM_DROPPED_HK", "", "Housekeeping packets dropped because a ground could not keep up");
        _droppedEvents = DeclareChannel<ulong>(8, "LINK_TM_DROPPED_EVENTS", "", "Event packets dropped because a ground could not keep up");
        _droppedAcknowledgements = DeclareChannel<ulong>(9, "LINK_TM_DROPPED_ACKS", "", "Acknowledgements and replies dropped because a ground could not keep up");
        _highestSequence = DeclareChannel<ulong>(10, "LINK_TC_SEQ", "", "Highest anti-replay sequence accepted, over all keys");
        _developmentMode = DeclareChannel<bool>(11, "LINK_DEV_MODE", "", "Whether the development key (unauthenticated commanding) is accepted");
        _keys = DeclareChannel<uint>(12, "LINK_KEYS", "", "Telecommand keys loaded");
        byte local = 32;
        foreach (var reason in Enum.GetValues<PacketRefusal>().Where(r => r != PacketRefusal.None))
        {
            _frameRefusals[reason] = DeclareChannel<ulong>(local++, "LINK_RX_" + UpperSnake(reason.ToString()), "", $"Frames refused: {reason}");
        }

        local = 64;
        foreach (var reason in Enum.GetValues<LinkRefusal>().Where(r => r != LinkRefusal.None))
        {
            _telecommandRefusals[reason] = DeclareChannel<ulong>(local++, "LINK_TC_" + UpperSnake(reason.ToString()), "", $"Telecommands refused: {reason}");
        }

        _developmentModeEvent = DeclareEvent(0, "LINK_DEVELOPMENT_MODE", EventSeverity.WarningHigh, "DEVELOPMENT LINK: telecommands with the development key (id 0, no MAC) are accepted from {ports}; never fly this");
        _noKeys = DeclareEvent(1, "LINK_NO_KEYS", EventSeverity.WarningHigh, "No telecommand key is loaded: every telecommand will be refused");
        _refused = DeclareEvent(2, "LINK_TC_REFUSED", EventSeverity.WarningLow, "Telecommand refused ({reason}) from {port}, key {key}, sequence {sequence}: {detail}");
        _refusalsSuppressed = DeclareEvent(3, "LINK_TC_REFUSED_MORE", EventSeverity.WarningLow, "{count} more telecommands refused in the last second, counted but not reported one by one");
        _framesRefusedEvent = DeclareEvent(4, "LINK_FRAMES_REFUSED", EventSeverity.WarningLow, "{count} frames refused in the last second ({total} since start): noise, damage or a wrong sender");
        _connected = DeclareEvent(5, "LINK_CONNECTED", EventSeverity.ActivityLow, "{count} ground connection(s) opened; {open} open");
        _dropped = DeclareEvent(6, "LINK_TM_DROPPED", EventSeverity.WarningLow, "{count} packets dropped in the last second: a ground cannot keep up ({total} since start)");

        events.Emitted += service.PublishEvent;
    }

    /// <summary>
    /// Downlinks every channel whose value changed since it was last sent (all of them after a
    /// new connection, every ten seconds and at the first report of a boot, including channels
    /// this boot has not written yet, so a ground never keeps the last boot's values). Runs once a
    /// second by itself; the simulated board's ground clock calls it at the end of each step so
    /// the ground sees the state it stopped at.
    /// </summary>
    public void PublishTelemetry()
    {
        var changed = new List<TelemetrySample>();
        foreach (var channel in Context.Telemetry.All)
        {
            if (_fullReportDue || _sentUpdates.GetValueOrDefault(channel.Id, -1) != channel.UpdateCount)
            {
                _sentUpdates[channel.Id] = channel.UpdateCount;
                changed.Add(channel.Sample());
            }
        }

        _fullReportDue = false;
        _service.PublishHousekeeping(changed, id => Context.Telemetry.Find(id)?.Type ?? TelemetryType.Int32);
    }

    /// <inheritdoc />
    protected override void OnInitialize()
    {
        _records = new DurableRecordStore(Context.Board.PersistentStore);
        _persisted = ReplayStateRecord.Read(_records);
        _service.RestoreHighestSequences(_persisted);
        _developmentMode.Write(_service.Options.DevelopmentMode);
        _keys.Write((uint)_service.Options.Keys.Keys.Count);
    }

    /// <inheritdoc />
    protected override void OnStart()
    {
        if (_service.Options.DevelopmentMode)
        {
            Emit(_developmentModeEvent, string.Join(", ", _service.Connections.Select(c => c.Name).DefaultIfEmpty("any ground")));
        }
        else if (_service.Options.Keys.IsEmpty)
        {
            Emit(_noKeys);
        }
    }

    /// <inheritdoc />
    protected override void OnCycle(RateGroupCycle cycle)
    {
        int opened = _service.TakeConnectCount();
        if (opened > 0)
        {
            _fullReportDue = true;
            Emit(_connected, opened, _service.Connections.Count);
        }

        DispatchCommands();
        PersistSequences();
        ReportRefusals();
        if (cycle.Index % StatusEveryCycles == 0)
        {
            _service.PublishStatus();
        }

        if (cycle.Index % FullReportEveryCycles == 0)
        {
            _fullReportDue = true;
        }

        if (cycle.Index % HousekeepingEveryCycles == 0)
        {
            SummariseSecond();
            UpdateCounters();
            PublishTelemetry();
        }
    }

    private void DispatchCommands()
    {
        var dispatcher = (CommandDispatcher)Context.Components[CommandDispatcherName];
        for (int i = 0; i < CommandsPerCycle && _service.TryTakeCommand(out var command); i++)
        {
            dispatcher.Submit(command.Request, response => _service.Complete(command, response));
        }
    }

    // Once a cycle, after the commands were handed over and before the dispatcher runs them (next
    // cycle): every accepted sequence (commands, link requests, simulation control) is durable
    // before a command it carried is carried out, with one write a cycle at most.
    private void PersistSequences()
    {
        var highest = _service.HighestSequences;
        if (highest.SequenceEqual(_persisted))
        {
            return;
        }

        ReplayStateRecord.Write(_records!, highest);
        _persisted = highest;
    }

    private void ReportRefusals()
    {
        int reported = 0;
        while (_service.TryTakeRefusal(out var notice))
        {
            if (reported++ < RefusalEventsPerCycle)
            {
                Emit(_refused, notice.Reason.ToString(), notice.Port, notice.KeyId, notice.Sequence, notice.Detail);
            }
            else
            {
                _suppressed++;
            }
        }
    }

    private void SummariseSecond()
    {
        _suppressed += _service.TakeUnreportedRefusals();
        if (_suppressed > 0)
        {
            Emit(_refusalsSuppressed, _suppressed);
            _suppressed = 0;
        }

        var counters = _service.Counters;
        long framesRefused = counters.FramesRefusedTotal;
        if (framesRefused > _framesRefusedReported)
        {
            Emit(_framesRefusedEvent, framesRefused - _framesRefusedReported, framesRefused);
            _framesRefusedReported = framesRefused;
        }

        long dropped = Enum.GetValues<DownlinkPriority>().Sum(counters.Dropped);
        if (dropped > _droppedReported)
        {
            Emit(_dropped, dropped - _droppedReported, dropped);
            _droppedReported = dropped;
        }
    }

    private void UpdateCounters()
    {
        var counters = _service.Counters;
        _connections.Write((uint)_service.Connections.Count);
        _framesAccepted.Write((ulong)counters.FramesAccepted);
        _framesRefused.Write((ulong)counters.FramesRefusedTotal);
        _noiseBytes.Write((ulong)counters.NoiseBytes);
        _telecommandsAccepted.Write((ulong)counters.TelecommandsAccepted);
        _telecommandsRefused.Write((ulong)counters.TelecommandsRefusedTotal);
        _packetsSent.Write((ulong)counters.PacketsSent);
        _droppedHousekeeping.Write((ulong)counters.Dropped(DownlinkPriority.Housekeeping));
        _droppedEvents.Write((ulong)(counters.Dropped(DownlinkPriority.Event) + counters.Dropped(DownlinkPriority.Warning)));
        _droppedAcknowledgements.Write((ulong)(counters.Dropped(DownlinkPriority.Acknowledgement) + counters.Dropped(DownlinkPriority.Control)));
        _highestSequence.Write(_service.HighestSequences.Select(p => p.Value).DefaultIfEmpty(0UL).Max());
        foreach (var (reason, channel) in _frameRefusals)
        {
            channel.Write((ulong)counters.FramesRefused(reason));
        }

        foreach (var (reason, channel) in _telecommandRefusals)
        {
            channel.Write((ulong)counters.TelecommandsRefused(reason));
        }
    }

    private const string CommandDispatcherName = "commands";

    // BadCrc -> BAD_CRC
    private static string UpperSnake(string pascal)
    {
        var text = new StringBuilder(pascal.Length + 4);
        for (int i = 0; i < pascal.Length; i++)
        {
            if (i > 0 && char.IsUpper(pascal[i]))
            {
                text.Append('_');
            }

            text.Append(char.ToUpperInvariant(pascal[i]));
        }

        return text.ToString();
    }
}
