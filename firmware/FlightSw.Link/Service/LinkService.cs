using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using FlightSw.Core.Commands;
using FlightSw.Core.Events;
using FlightSw.Core.Telemetry;
using FlightSw.Link.Framing;
using FlightSw.Link.Messages;
using FlightSw.Link.Packets;
using FlightSw.Link.Security;
using NLog;

namespace FlightSw.Link.Service;

/// <summary>
/// The node's end of the space link, alive for as long as the node process: ground connections
/// (TCP, serial), telecommand verification, and the downlink. It outlives each boot of the
/// flight software; the <see cref="LinkComponent"/> of the running boot moves verified flight
/// commands to the dispatcher and telemetry to the downlink.
/// </summary>
/// <remarks>
/// Verification runs on the connection's reader thread, so link housekeeping (link status,
/// dictionary, are-you-alive, simulation control) is answered even while the flight software is
/// rebooting or, on the simulated board, while virtual time stands still. Flight commands wait in
/// a bounded inbox for the flight thread; a full inbox refuses them.
/// </remarks>
public sealed class LinkService : IDisposable
{
    /// <summary>Most XTCE bytes per dictionary segment.</summary>
    public const int DictionarySegmentBytes = 1024;

    /// <summary>Most events kept while no ground is connected (store and forward); older ones are dropped and counted.</summary>
    public const int BacklogCapacity = 1024;

    /// <summary>Most refusals waiting to be reported as events; more are only counted (<see cref="TakeUnreportedRefusals"/>).</summary>
    public const int RefusalNoticeCapacity = 256;

    private static readonly Logger Log = LogManager.GetLogger("FlightSw.Link");

    private readonly LinkServiceOptions _options;
    private readonly Lock _verifierGate = new();
    private readonly Lock _connectionsGate = new();
    // Replaced whole under the gate, read without it: publishing (every event, every report)
    // neither locks nor copies.
    private LinkConnection[] _connections = [];
    private readonly ConcurrentQueue<PendingCommand> _inbox = new();
    private readonly ConcurrentQueue<RefusalNotice> _refusals = new();
    private readonly BlockingCollection<SimControlRequest> _simControl = [];
    private readonly TelemetryPacketWriter _telemetry = new(LinkApids.Flight);
    private readonly TelemetryPacketWriter _simTelemetry = new(LinkApids.SimControl);
    private TelecommandVerifier _verifier;
    private byte[] _dictionary = [];
    private byte[] _dictionarySha256 = SHA256.HashData([]);
    private readonly Queue<(byte[] Packet, DownlinkPriority Priority)> _backlog = new();
    private int _inboxCount;
    private int _connectEvents;
    private int _refusalNotices;
    private long _unreportedRefusals;
    private long _connectionsRefused;

    /// <summary>Creates the link; no port is open until <see cref="Attach"/>.</summary>
    public LinkService(LinkServiceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _verifier = new TelecommandVerifier(options.Keys, options.DevelopmentMode, _ => 0);
    }

    /// <summary>How the link was set up.</summary>
    public LinkServiceOptions Options => _options;

    /// <summary>What the link received, refused and sent.</summary>
    public LinkCounters Counters { get; } = new();

    /// <summary>The open ground connections.</summary>
    public IReadOnlyList<LinkConnection> Connections => Volatile.Read(ref _connections);

    /// <summary>The highest anti-replay sequence accepted per key.</summary>
    public IReadOnlyList<KeyValuePair<ushort, ulong>> HighestSequences
    {
        get
        {
            lock (_verifierGate)
            {
                return _verifier.HighestSequences.ToArray();
            }
        }
    }

    /// <summary>Connections opened since the last call (the link component reports them and sends them a full housekeeping report).</summary>
    public int TakeConnectCount() => Interlocked.Exchange(ref _connectEvents, 0);

    /// <summary>Sets the XTCE document served to the ground (TC 200,1) and announced by its SHA-256 in the link status.</summary>
    public void SetDictionary(byte[] xtce)
    {
        ArgumentNullException.ThrowIfNull(xtce);
        Volatile.Write(ref _dictionarySha256, SHA256.HashData(xtce));
        Volatile.Write(ref _dictionary, xtce);
    }

    /// <summary>
    /// Raises the replay windows to sequences persisted by an earlier run of the node, so that a
    /// restart never accepts a replay of what was accepted before it. Lower values change nothing.
    /// </summary>
    public void RestoreHighestSequences(IReadOnlyList<KeyValuePair<ushort, ulong>> persisted)
    {
        ArgumentNullException.ThrowIfNull(persisted);
        lock (_verifierGate)
        {
            var current = _verifier.HighestSequences.ToDictionary(p => p.Key, p => p.Value);
            if (!persisted.Any(p => p.Value > current.GetValueOrDefault(p.Key)))
            {
                return;
            }

            var merged = current.ToDictionary();
            foreach (var (key, value) in persisted)
            {
                merged[key] = Math.Max(value, merged.GetValueOrDefault(key));
            }

            _verifier = new TelecommandVerifier(_options.Keys, _options.DevelopmentMode, key => merged.GetValueOrDefault(key));
        }
    }

    /// <summary>
    /// Takes a ground connection: sends it the link status and starts serving it. Returns null,
    /// closing <paramref name="port"/>, when <see cref="LinkServiceOptions.MaxConnections"/> are open.
    /// </summary>
    public LinkConnection? Attach(LinkPort port)
    {
        ArgumentNullException.ThrowIfNull(port);
        if (Connections.Count >= _options.MaxConnections)
        {
            Interlocked.Increment(ref _connectionsRefused);
            port.Dispose();
            return null;
        }

        var connection = new LinkConnection(port, this, _options.DownlinkCapacity);
        connection.Queue.Enqueue(StatusPacket(), DownlinkPriority.Control);
        lock (_connectionsGate)
        {
            // Events raised while no ground listened go to the first one that connects.
            while (_backlog.TryDequeue(out var stored))
            {
                connection.Queue.Enqueue(stored.Packet, stored.Priority);
            }

            _connections = [.. _connections, connection];
        }

        Interlocked.Increment(ref _connectEvents);
        connection.Start();
        return connection;
    }

    /// <summary>Sends <paramref name="packet"/> to every ground connection.</summary>
    public void Publish(byte[] packet, DownlinkPriority priority)
    {
        foreach (var connection in Connections)
        {
            connection.Queue.Enqueue(packet, priority);
        }
    }

    /// <summary>
    /// Downlinks <paramref name="record"/> as an event report (TM 5,x); warnings and worse go
    /// before informative events when the link is congested. While no ground is connected the
    /// last <see cref="BacklogCapacity"/> events are kept for the next one.
    /// </summary>
    public void PublishEvent(EventRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var packet = _telemetry.Write(LinkServices.EventReporting, EventReportCodec.SubtypeFor(record.Severity), record.Time, EventReportCodec.Encode(record));
        var priority = record.Severity >= EventSeverity.WarningLow ? DownlinkPriority.Warning : DownlinkPriority.Event;
        lock (_connectionsGate)
        {
            if (_connections.Length == 0)
            {
                if (_backlog.Count == BacklogCapacity)
                {
                    var dropped = _backlog.Dequeue();
                    Counters.Drop(dropped.Priority, 1);
                }

                _backlog.Enqueue((packet, priority));
                return;
            }
        }

        Publish(packet, priority);
    }

    /// <summary>Downlinks <paramref name="samples"/> as housekeeping reports (TM 3,25).</summary>
    public void PublishHousekeeping(IReadOnlyList<TelemetrySample> samples, Func<ushort, TelemetryType> typeOf)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Count == 0 || Connections.Count == 0)
        {
            return;
        }

        var now = _options.BoardTime.GetUtcNow();
        foreach (var chunk in HousekeepingCodec.Encode(samples, typeOf))
        {
            Publish(_telemetry.Write(LinkServices.Housekeeping, LinkServices.HousekeepingReport, now, chunk), DownlinkPriority.Housekeeping);
        }
    }

    /// <summary>Takes the next verified flight command, if any (flight thread).</summary>
    public bool TryTakeCommand(out PendingCommand command)
    {
        if (_inbox.TryDequeue(out var taken))
        {
            Interlocked.Decrement(ref _inboxCount);
            command = taken;
            return true;
        }

        command = null!;
        return false;
    }

    /// <summary>Reports how a flight command ended (TM 1,7 or 1,8).</summary>
    public void Complete(PendingCommand command, CommandResponse response)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(response);
        var ack = new CommandAck(
            response.Succeeded ? LinkServices.CompleteSuccess : LinkServices.CompleteFailure,
            command.Telecommand.RequestId,
            command.Telecommand.KeyId,
            command.Telecommand.Sequence,
            (byte)response.Status,
            response.Message);
        Publish(AckPacket(ack), DownlinkPriority.Acknowledgement);
    }

    /// <summary>Takes the next refused telecommand to report, if any.</summary>
    public bool TryTakeRefusal(out RefusalNotice notice)
    {
        if (_refusals.TryDequeue(out notice!))
        {
            Interlocked.Decrement(ref _refusalNotices);
            return true;
        }

        return false;
    }

    /// <summary>Refusals counted but not kept for an event since the last call, because <see cref="RefusalNoticeCapacity"/> were already waiting.</summary>
    public long TakeUnreportedRefusals() => Interlocked.Exchange(ref _unreportedRefusals, 0);

    /// <summary>Ground connections turned away because <see cref="LinkServiceOptions.MaxConnections"/> were open.</summary>
    public long ConnectionsRefused => Interlocked.Read(ref _connectionsRefused);

    /// <summary>Sends the link status (TM 200,1) to every ground; the link component does so periodically, so a ground that joins a serial line mid-stream can start.</summary>
    public void PublishStatus() => Publish(StatusPacket(), DownlinkPriority.Control);

    /// <summary>Waits up to <paramref name="timeout"/> for a simulation-control telecommand.</summary>
    public bool TryTakeSimControl(TimeSpan timeout, out SimControlRequest request, CancellationToken cancellation = default)
    {
        try
        {
            return _simControl.TryTake(out request!, (int)timeout.TotalMilliseconds, cancellation);
        }
        catch (OperationCanceledException)
        {
            request = null!;
            return false;
        }
    }

    /// <summary>Answers a simulation-control telecommand with <paramref name="subtype"/> and <paramref name="data"/>, then its completion.</summary>
    public void ReplySimControl(SimControlRequest request, byte subtype, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(request);
        var reply = _simTelemetry.Write(LinkServices.SimControl, subtype, _options.BoardTime.GetUtcNow(), data);
        request.Connection.Queue.Enqueue(reply, DownlinkPriority.Control);
        var ack = new CommandAck(LinkServices.CompleteSuccess, request.Telecommand.RequestId, request.Telecommand.KeyId, request.Telecommand.Sequence, (byte)CommandStatus.Completed, "");
        request.Connection.Queue.Enqueue(AckPacket(ack, LinkApids.SimControl), DownlinkPriority.Control);
    }

    /// <summary>Answers a simulation-control telecommand that cannot be carried out with its failure (TM 1,8) and <paramref name="reason"/>.</summary>
    public void RefuseSimControl(SimControlRequest request, string reason)
    {
        ArgumentNullException.ThrowIfNull(request);
        var ack = new CommandAck(LinkServices.CompleteFailure, request.Telecommand.RequestId, request.Telecommand.KeyId, request.Telecommand.Sequence, (byte)CommandStatus.InvalidArguments, reason);
        request.Connection.Queue.Enqueue(AckPacket(ack, LinkApids.SimControl), DownlinkPriority.Control);
    }

    /// <summary>Closes every connection.</summary>
    public void Dispose()
    {
        foreach (var connection in Connections)
        {
            connection.Close();
        }

        _simControl.CompleteAdding();
    }

    internal static void OnConnectionFault(LinkConnection connection, Exception fault)
    {
        // A line that went away is routine; anything else closed a connection unexpectedly.
        if (fault is not (IOException or ObjectDisposedException or System.Net.Sockets.SocketException))
        {
            Log.Error(fault, "Link connection {Port} closed by an unexpected fault", connection.Name);
        }
    }

    internal void OnClosed(LinkConnection connection)
    {
        lock (_connectionsGate)
        {
            _connections = _connections.Where(open => open != connection).ToArray();
        }
    }

    internal void OnFrame(LinkConnection connection, DecodedFrame frame)
    {
        if (frame.Refusal is { } frameRefusal || frame.Packet is null)
        {
            Counters.FrameRefused(frame.Refusal ?? PacketRefusal.Truncated);
            return;
        }

        Counters.FrameAccepted();
        byte[] packet = frame.Packet;
        LinkRefusal refusal;
        Telecommand command;
        string reason;
        lock (_verifierGate)
        {
            refusal = _verifier.Verify(packet, out command, out reason);
        }

        if (refusal != LinkRefusal.None)
        {
            Refuse(connection, packet, refusal, reason);
            return;
        }

        switch (command.Apid, command.Secondary.Service, command.Secondary.Subtype)
        {
            case (LinkApids.Flight, LinkServices.FunctionManagement, LinkServices.PerformFunction):
                AcceptFlightCommand(connection, packet, command);
                break;
            case (LinkApids.Flight, LinkServices.Test, LinkServices.AreYouAlive):
                Accepted(connection, command);
                connection.Queue.Enqueue(_telemetry.Write(LinkServices.Test, LinkServices.AliveReport, _options.BoardTime.GetUtcNow(), []), DownlinkPriority.Control);
                connection.Queue.Enqueue(StatusPacket(), DownlinkPriority.Control);
                Completed(connection, command);
                break;
            case (LinkApids.Flight, LinkServices.Link, LinkServices.DumpDictionary):
                Accepted(connection, command);
                SendDictionary(connection);
                Completed(connection, command);
                break;
            case (LinkApids.SimControl, LinkServices.SimControl, _) when _options.SimulationControl:
                Accepted(connection, command);
                try
                {
                    _simControl.Add(new SimControlRequest(command, connection));
                }
                catch (InvalidOperationException)
                {
                    RefuseSimControl(new SimControlRequest(command, connection), "the node is shutting down");
                }

                break;
            case (LinkApids.SimControl, _, _):
                Refuse(connection, packet, LinkRefusal.UnknownApid, "simulation control is served only by a node on the simulated board run on the ground's clock (--ground-clock)");
                break;
            default:
                Refuse(connection, packet, LinkRefusal.UnknownService, $"service ({command.Secondary.Service},{command.Secondary.Subtype}) on APID 0x{command.Apid:X3} is not served by this node");
                break;
        }
    }

    private void AcceptFlightCommand(LinkConnection connection, byte[] packet, Telecommand command)
    {
        if (!FlightCommandCodec.TryDecode(command.ApplicationData.Span, out var request, out string reason))
        {
            Refuse(connection, packet, LinkRefusal.MalformedCommand, reason);
            return;
        }

        if (Interlocked.Increment(ref _inboxCount) > _options.InboxCapacity)
        {
            Interlocked.Decrement(ref _inboxCount);
            Refuse(connection, packet, LinkRefusal.InboxFull, $"{_options.InboxCapacity} telecommands are already waiting for the flight software");
            return;
        }

        // The acceptance is queued before the flight thread can see the command, so it always
        // reaches the ground ahead of the completion.
        Accepted(connection, command);
        _inbox.Enqueue(new PendingCommand(command, request, connection.Name));
    }

    private void Accepted(LinkConnection connection, Telecommand command)
    {
        Counters.TelecommandAccepted();
        var ack = new CommandAck(LinkServices.AcceptSuccess, command.RequestId, command.KeyId, command.Sequence, 0, "");
        connection.Queue.Enqueue(AckPacket(ack, command.Apid), DownlinkPriority.Acknowledgement);
    }

    private void Completed(LinkConnection connection, Telecommand command)
    {
        var ack = new CommandAck(LinkServices.CompleteSuccess, command.RequestId, command.KeyId, command.Sequence, (byte)CommandStatus.Completed, "");
        connection.Queue.Enqueue(AckPacket(ack), DownlinkPriority.Acknowledgement);
    }

    private void Refuse(LinkConnection connection, byte[] packet, LinkRefusal refusal, string reason)
    {
        Counters.TelecommandRefused(refusal);

        // The request id and security header are read from the raw packet: a refused command
        // may not have parsed far enough to give them, and the ground still needs to know which
        // of its commands was refused.
        uint requestId = packet.Length >= 4 ? BinaryPrimitives.ReadUInt32BigEndian(packet) : 0;
        int security = SpacePacketHeader.Length + TcSecondaryHeader.Length;
        ushort keyId = packet.Length >= security + 2 ? BinaryPrimitives.ReadUInt16BigEndian(packet.AsSpan(security)) : (ushort)0;
        ulong sequence = packet.Length >= security + 10 ? BinaryPrimitives.ReadUInt64BigEndian(packet.AsSpan(security + 2)) : 0;
        if (Interlocked.Increment(ref _refusalNotices) <= RefusalNoticeCapacity)
        {
            _refusals.Enqueue(new RefusalNotice(refusal, connection.Name, keyId, sequence, reason));
        }
        else
        {
            // While the flight software is not cycling nobody drains the notices: count, do not grow.
            Interlocked.Decrement(ref _refusalNotices);
            Interlocked.Increment(ref _unreportedRefusals);
        }

        var ack = new CommandAck(LinkServices.AcceptFailure, requestId, keyId, sequence, (byte)refusal, reason);
        int apid = packet.Length >= 2 ? ((packet[0] & 0x07) << 8) | packet[1] : LinkApids.Flight;
        connection.Queue.Enqueue(AckPacket(ack, apid), DownlinkPriority.Acknowledgement);
    }

    private void SendDictionary(LinkConnection connection)
    {
        var now = _options.BoardTime.GetUtcNow();
        foreach (var (flags, data) in DictionarySegmentCodec.Split(Volatile.Read(ref _dictionary), DictionarySegmentBytes))
        {
            connection.Queue.Enqueue(_telemetry.Write(LinkServices.Link, LinkServices.DictionarySegment, now, data, flags), DownlinkPriority.Control);
        }
    }

    private byte[] StatusPacket()
    {
        var status = new LinkStatusReport(
            _options.NodeName,
            _options.BoardName,
            _options.DevelopmentMode,
            _options.SimulationControl,
            HighestSequences,
            Volatile.Read(ref _dictionarySha256));
        return _telemetry.Write(LinkServices.Link, LinkServices.LinkStatus, _options.BoardTime.GetUtcNow(), status.Encode());
    }

    // An acknowledgement travels on the APID of the telecommand it answers, as PUS does.
    private byte[] AckPacket(CommandAck ack, int apid = LinkApids.Flight) =>
        (apid == LinkApids.SimControl ? _simTelemetry : _telemetry).Write(LinkServices.Verification, ack.Subtype, _options.BoardTime.GetUtcNow(), ack.Encode());
}
