using System.Globalization;
using System.IO.Ports;
using System.Net.Sockets;
using FlightSw.Core.Commands;
using FlightSw.Core.Events;
using FlightSw.Link.Dictionary;
using FlightSw.Link.Framing;
using FlightSw.Link.Messages;
using FlightSw.Link.Packets;
using FlightSw.Link.Security;

namespace FlightSw.Ground;

/// <summary>
/// A ground station's end of a FlightSw node's space link, over TCP, a serial line or any
/// stream: waits for the node's link status (hello), fetches its dictionary, sends signed
/// telecommands and awaits their acknowledgements, and keeps the latest telemetry and every
/// event received.
/// </summary>
/// <remarks>
/// One background thread receives: packets are applied strictly in arrival order, then
/// <see cref="PacketReceived"/> fires on that thread. Every member may be called from any thread;
/// state read from other threads is a consistent snapshot. Every wait has a limit, and its
/// <see cref="TimeoutException"/> says what was being waited for. The first command is signed
/// with the sequence one above the highest the node reported accepting for the key, so a client
/// started anew never replays; every later link status raises that floor. Grounds connected at
/// the same time should sign with different keys.
/// </remarks>
public sealed class GroundClient : IDisposable
{
    private readonly GroundClientOptions _options;
    private readonly string _name;
    private readonly Stream _stream;
    private readonly IDisposable? _owner;
    private readonly FrameReceiver _receiver;
    private readonly TelecommandSigner _signer;
    private readonly ushort _keyId;
    private readonly ArrivalSignal _arrivals;
    private readonly Lock _sendGate = new();
    private readonly AcknowledgementTracker _acks = new();
    private readonly TelemetryStore _telemetry = new();
    private readonly Lock _eventsGate = new();
    private readonly List<EventRecord> _events = [];
    private LinkStatusReport? _status;
    private LinkDictionary? _dictionary;
    private DictionaryFetcher? _fetch;
    private string? _closeReason;
    private ulong _sequenceFloor;
    private int _disposed;

    private GroundClient(Stream stream, GroundClientOptions options, string name, IDisposable? owner)
    {
        _options = options;
        _name = name;
        _stream = stream;
        _owner = owner;
        var key = SigningKey(options);
        _signer = new TelecommandSigner(key, 1, options.SourceId);
        _keyId = _signer.KeyId;
        _arrivals = new ArrivalSignal(options.Time);
        if (options.Dictionary is { } dictionary)
        {
            Volatile.Write(ref _dictionary, dictionary);
        }

        _receiver = new FrameReceiver(stream, name, OnFrame, Counters.Noise, OnClosed);
    }

    /// <summary>Raised on the receive thread for every event report, after it was added to <see cref="Events"/>.</summary>
    public event Action<EventRecord>? EventReceived;

    /// <summary>Raised on the receive thread for every housekeeping sample, after it became the channel's latest.</summary>
    public event Action<GroundSample>? TelemetryReceived;

    /// <summary>Raised on the receive thread for every telemetry packet, after the client has applied it (so its state is up to date).</summary>
    public event Action<TelemetryPacket>? PacketReceived;

    /// <summary>The node's latest link status: its hello, or its answer to an are-you-alive.</summary>
    public LinkStatusReport Status => Volatile.Read(ref _status) ?? throw new InvalidOperationException("No link status has arrived yet.");

    /// <summary>The node's dictionary: given in the options or fetched at connect.</summary>
    public LinkDictionary Dictionary => Volatile.Read(ref _dictionary) ?? throw new InvalidOperationException("The dictionary has not been fetched yet.");

    /// <summary>Whether the link is open: not disposed, and the node has not closed it.</summary>
    public bool IsConnected => Volatile.Read(ref _closeReason) is null;

    /// <summary>Why the link closed; null while it is open.</summary>
    public string? CloseReason => Volatile.Read(ref _closeReason);

    /// <summary>What has been received: packets, refused frames by reason, noise, decode errors.</summary>
    public GroundCounters Counters { get; } = new();

    /// <summary>Every event report received, in arrival order (a snapshot copy).</summary>
    public IReadOnlyList<EventRecord> Events
    {
        get
        {
            lock (_eventsGate)
            {
                return _events.ToArray();
            }
        }
    }

    /// <summary>The anti-replay sequence the next telecommand will be signed with.</summary>
    public ulong NextSequence
    {
        get
        {
            lock (_sendGate)
            {
                return _signer.NextSequence;
            }
        }
    }

    /// <summary>Connects to the node at <paramref name="host"/>:<paramref name="port"/> and completes the handshake (hello, then the dictionary unless given).</summary>
    /// <exception cref="IOException">The connection cannot be made, or the node closed it during the handshake.</exception>
    /// <exception cref="TimeoutException">The connection, the hello or the dictionary did not come within <see cref="GroundClientOptions.ConnectTimeout"/>.</exception>
    /// <exception cref="TelecommandRefusedException">The node refused the dictionary request (for example the key).</exception>
    /// <exception cref="InvalidDataException">The dictionary received is not a valid XTCE document or does not match the one the hello announced.</exception>
    public static GroundClient ConnectTcp(string host, int port, GroundClientOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(host);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        ArgumentNullException.ThrowIfNull(options);
        SigningKey(options);
        string name = string.Create(CultureInfo.InvariantCulture, $"tcp {host}:{port}");
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            using var limit = new CancellationTokenSource(options.ConnectTimeout, options.Time);
            socket.ConnectAsync(host, port, limit.Token).AsTask().GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            socket.Dispose();
            throw new TimeoutException($"No TCP connection to {host}:{port} within {Seconds(options.ConnectTimeout)}.");
        }
        catch (SocketException ex)
        {
            socket.Dispose();
            throw new IOException($"Cannot connect to {host}:{port}: {ex.Message}", ex);
        }

        return Open(new NetworkStream(socket, ownsSocket: true), options, name, owner: null);
    }

    /// <summary>Opens the serial line <paramref name="portName"/> at <paramref name="baudRate"/> (8N1) and completes the handshake.</summary>
    /// <exception cref="IOException">The port cannot be opened, or the node closed the link during the handshake.</exception>
    /// <exception cref="TimeoutException">The hello or the dictionary did not come within <see cref="GroundClientOptions.ConnectTimeout"/>.</exception>
    /// <exception cref="TelecommandRefusedException">The node refused the dictionary request.</exception>
    /// <exception cref="InvalidDataException">The dictionary received is not valid.</exception>
    public static GroundClient ConnectSerial(string portName, int baudRate, GroundClientOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(portName);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(baudRate);
        ArgumentNullException.ThrowIfNull(options);
        SigningKey(options);
        var port = new SerialPort(portName, baudRate, Parity.None, 8, StopBits.One);
        try
        {
            port.Open();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
        {
            port.Dispose();
            throw new IOException($"Cannot open serial port {portName}: {ex.Message}", ex);
        }

        return Open(port.BaseStream, options, "serial " + portName, owner: port);
    }

    /// <summary>Takes <paramref name="stream"/> (the client owns and disposes it) and completes the handshake over it.</summary>
    /// <exception cref="IOException">The node closed the link during the handshake.</exception>
    /// <exception cref="TimeoutException">The hello or the dictionary did not come within <see cref="GroundClientOptions.ConnectTimeout"/>.</exception>
    /// <exception cref="TelecommandRefusedException">The node refused the dictionary request.</exception>
    /// <exception cref="InvalidDataException">The dictionary received is not valid.</exception>
    public static GroundClient Connect(Stream stream, GroundClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(options);
        return Open(stream, options, "stream", owner: null);
    }

    /// <summary>
    /// Sends <paramref name="command"/> signed (TC 8,1) and waits for its acceptance, then its
    /// completion, each within <see cref="GroundClientOptions.CommandTimeout"/>. A refusal at
    /// acceptance gives status <see cref="CommandStatus.Rejected"/> and the node's reason prefixed
    /// by the refusal's name. A name missing from the dictionary is still sent (the node refuses it).
    /// </summary>
    /// <exception cref="TimeoutException">An acknowledgement did not come in time; the message names the command and the stage.</exception>
    /// <exception cref="IOException">The link closed before the command was answered.</exception>
    /// <exception cref="ArgumentException">The name or an argument cannot be carried (non-ASCII, longer than 255 bytes).</exception>
    public CommandResponse Send(string command, params string[] arguments) => SendDetailed(new CommandRequest(command, arguments)).Response;

    /// <summary>As <see cref="Send"/>, and gives both acknowledgements and the sequence used.</summary>
    /// <exception cref="TimeoutException">An acknowledgement did not come in time; the message names the command and the stage.</exception>
    /// <exception cref="IOException">The link closed before the command was answered.</exception>
    /// <exception cref="ArgumentException">The name or an argument cannot be carried.</exception>
    public CommandReply SendDetailed(CommandRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        byte[] data = FlightCommandCodec.Encode(request);
        var pending = SignAndSend(LinkApids.Flight, LinkServices.FunctionManagement, LinkServices.PerformFunction, data, track: true, out ulong sequence)!;
        try
        {
            string what = $"{request.Command} (sequence {sequence})";
            var timeout = _options.CommandTimeout;
            var acceptance = Await(() => pending.Acceptance, timeout, $"acceptance of {what}", "");
            if (acceptance.IsFailure)
            {
                var refusal = (LinkRefusal)acceptance.Code;
                var refused = new CommandResponse(request.Command, CommandStatus.Rejected, $"{refusal}: {acceptance.Message}");
                return new CommandReply(request, sequence, acceptance, null, refused);
            }

            var completion = Await(() => pending.Completion, timeout, $"completion of {what}", "; it was accepted");
            return new CommandReply(request, sequence, acceptance, completion, new CommandResponse(request.Command, StatusOf(completion), completion.Message));
        }
        finally
        {
            _acks.Forget(pending);
        }
    }

    /// <summary>
    /// Signs and sends any telecommand (for example TC 17,1 are-you-alive, or TC 210,1 run-for on
    /// the simulation-control APID) and returns its anti-replay sequence; its acknowledgements and
    /// replies arrive as packets (<see cref="PacketReceived"/>).
    /// </summary>
    /// <exception cref="IOException">The link is closed.</exception>
    public ulong SendRaw(int apid, byte service, byte subtype, ReadOnlySpan<byte> applicationData)
    {
        SignAndSend(apid, service, subtype, applicationData, track: false, out ulong sequence);
        return sequence;
    }

    /// <summary>The latest sample of <paramref name="channel"/>; null when none has been received.</summary>
    /// <exception cref="KeyNotFoundException">The dictionary has no channel <paramref name="channel"/>.</exception>
    public GroundSample? Latest(string channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var dictionary = Dictionary;
        var entry = dictionary.FindChannel(channel)
            ?? throw new KeyNotFoundException($"The dictionary of {dictionary.NodeName} has no telemetry channel {channel}.");
        return _telemetry.TryGet(entry.Id, out var sample) ? SamplePresenter.Present(dictionary, sample) : null;
    }

    /// <summary>The latest sample of every channel received, by channel id.</summary>
    public IReadOnlyList<GroundSample> LatestAll()
    {
        var dictionary = Volatile.Read(ref _dictionary);
        return _telemetry.All().Select(sample => SamplePresenter.Present(dictionary, sample)).ToArray();
    }

    /// <summary>
    /// Waits until <paramref name="condition"/> holds, looking again whenever a packet arrives
    /// (and at least every 50 ms), for at most <paramref name="limit"/>. False when the limit
    /// passed, or the link closed, with the condition still false.
    /// </summary>
    public bool WaitFor(Func<bool> condition, TimeSpan limit)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return WaitUntil(condition, limit);
    }

    /// <summary>Closes the link and stops the receive thread (waits for it briefly, unless called from it).</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        Interlocked.CompareExchange(ref _closeReason, "the client was disposed", null);
        _receiver.Dispose();
        _owner?.Dispose();
        Signal();
    }

    private static GroundClient Open(Stream stream, GroundClientOptions options, string name, IDisposable? owner)
    {
        GroundClient? client = null;
        try
        {
            client = new GroundClient(stream, options, name, owner);
            client._receiver.Start();
            client.Handshake();
            return client;
        }
        catch
        {
            if (client is null)
            {
                stream.Dispose();
                owner?.Dispose();
            }
            else
            {
                client.Dispose();
            }

            throw;
        }
    }

    /// <summary>The key telecommands are signed with: null for the development key.</summary>
    private static LinkKey? SigningKey(GroundClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options.Keys);
        if (options.KeyId is ushort id)
        {
            if (id == 0)
            {
                return null;
            }

            return options.Keys.Find(id) ?? throw new ArgumentException(
                $"Key {id} is not in the key ring (loaded: {(options.Keys.IsEmpty ? "none" : string.Join(", ", options.Keys.Keys.Select(k => k.Id)))}).",
                nameof(options));
        }

        return options.Keys.Keys.Count > 0 ? options.Keys.Keys[0] : null;
    }

    private static string Seconds(TimeSpan span) => string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.###} s");

    private void Handshake()
    {
        long start = _options.Time.GetTimestamp();
        var limit = _options.ConnectTimeout;
        if (!WaitUntil(() => Volatile.Read(ref _status) is not null, limit))
        {
            ThrowIfClosed("its link status (hello, TM 200,1)");
            throw new TimeoutException($"No link status (hello, TM 200,1) from {_name} within {Seconds(limit)}: is a FlightSw node listening there?");
        }

        lock (_sendGate)
        {
            _signer.NextSequence = Math.Max(1, Interlocked.Read(ref _sequenceFloor));
        }

        if (Volatile.Read(ref _dictionary) is null)
        {
            Volatile.Write(ref _dictionary, FetchDictionary(limit - _options.Time.GetElapsedTime(start)));
        }
    }

    private LinkDictionary FetchDictionary(TimeSpan limit)
    {
        var fetch = new DictionaryFetcher();
        Volatile.Write(ref _fetch, fetch);
        var pending = SignAndSend(LinkApids.Flight, LinkServices.Link, LinkServices.DumpDictionary, [], track: true, out ulong sequence)!;
        try
        {
            // The request is done when the document and the completion report are both in, so
            // no acknowledgement of it is left to arrive after the handshake.
            bool done = WaitUntil(() => (fetch.IsComplete && pending.Completion is not null) || fetch.Problem is not null || pending.Acceptance?.IsFailure == true, limit);
            if (pending.Acceptance is { IsFailure: true } refused)
            {
                var refusal = (LinkRefusal)refused.Code;
                throw new TelecommandRefusedException(refusal, $"{_name} refused the dictionary request (TC 200,1, key {_keyId}, sequence {sequence}): {refusal}: {refused.Message}");
            }

            if (fetch.Problem is { } problem)
            {
                throw new InvalidDataException($"The dictionary from {_name} arrived damaged: {problem}");
            }

            if (!done)
            {
                ThrowIfClosed("its dictionary");
                throw new TimeoutException(fetch.IsComplete
                    ? $"{_name} sent its dictionary but did not complete the request (TM 1,7) within {Seconds(limit)}."
                    : $"The dictionary (TM 200,2) from {_name} did not arrive within {Seconds(limit)}: {fetch.Progress}.");
            }

            return DictionaryFetcher.Parse(fetch.Document, Status.DictionarySha256, _name);
        }
        finally
        {
            Volatile.Write(ref _fetch, null);
            _acks.Forget(pending);
        }
    }

    private PendingAcknowledgement? SignAndSend(int apid, byte service, byte subtype, ReadOnlySpan<byte> data, bool track, out ulong sequence)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        ThrowIfClosed($"to send TC({service},{subtype})");
        int length = data.Length + TelecommandLayout.PacketOverhead;
        if (length > FrameDecoder.DefaultMaxPacketLength)
        {
            // The node refuses such a frame before it can tell who sent it, so it could not even acknowledge it.
            throw new ArgumentException($"TC({service},{subtype}) would be {length} bytes; a node takes telecommands of at most {FrameDecoder.DefaultMaxPacketLength} bytes.", nameof(data));
        }

        PendingAcknowledgement? pending = null;
        lock (_sendGate)
        {
            ulong floor = Interlocked.Read(ref _sequenceFloor);
            if (_signer.NextSequence < floor)
            {
                _signer.NextSequence = floor;
            }

            byte[] packet = _signer.Sign(apid, service, subtype, data, out _, out sequence);
            pending = track ? _acks.Register(_keyId, sequence) : null;
            try
            {
                FrameEncoder.WriteTo(_stream, packet);
                _stream.Flush();
            }
            catch (Exception ex) when (ex is IOException or ObjectDisposedException or NotSupportedException)
            {
                if (pending is not null)
                {
                    _acks.Forget(pending);
                }

                throw new IOException($"Cannot send TC({service},{subtype}) to {_name}: {ex.Message}", ex);
            }
        }

        return pending;
    }

    /// <summary>The outcome a completion report gives: its code for TM(1,8) (Failed when the code is not a failure), Completed for TM(1,7).</summary>
    private static CommandStatus StatusOf(CommandAck completion)
    {
        if (!completion.IsFailure)
        {
            return CommandStatus.Completed;
        }

        var status = (CommandStatus)completion.Code;
        return Enum.IsDefined(status) && status != CommandStatus.Completed ? status : CommandStatus.Failed;
    }

    /// <summary>Waits for <paramref name="stage"/> to give an acknowledgement; throws naming <paramref name="what"/> when it does not.</summary>
    private CommandAck Await(Func<CommandAck?> stage, TimeSpan limit, string what, string remark)
    {
        if (WaitUntil(() => stage() is not null, limit))
        {
            return stage()!;
        }

        ThrowIfClosed($"the {what}");
        throw new TimeoutException($"No {what} from {_name} within {Seconds(limit)}{remark}.");
    }

    private void ThrowIfClosed(string waitingFor)
    {
        if (Volatile.Read(ref _closeReason) is { } reason)
        {
            throw new IOException($"The link to {_name} is closed ({reason}); waiting for {waitingFor}.");
        }
    }

    private bool WaitUntil(Func<bool> condition, TimeSpan limit) => _arrivals.WaitUntil(condition, limit, () => IsConnected);

    private void Signal() => _arrivals.Pulse();

    private void OnClosed(string reason)
    {
        Interlocked.CompareExchange(ref _closeReason, reason, null);
        Signal();
    }

    private void OnFrame(DecodedFrame frame)
    {
        if (frame.Packet is not { } packet)
        {
            Counters.FrameRefused(frame.Refusal ?? PacketRefusal.Truncated);
            return;
        }

        Counters.Packet();
        if (!TelemetryPacket.TryDecode(packet, out var tm, out string reason))
        {
            Counters.DecodeError(reason);
            Signal();
            return;
        }

        var samples = new List<GroundSample>();
        EventRecord? received = null;
        try
        {
            received = Apply(tm, samples);
        }
        catch (LinkFormatException ex)
        {
            Counters.DecodeError($"TM({tm.Secondary.Service},{tm.Secondary.Subtype}): {ex.Message}");
        }

        Signal();
        foreach (var sample in samples)
        {
            Raise(TelemetryReceived, sample);
        }

        if (received is not null)
        {
            Raise(EventReceived, received);
        }

        Raise(PacketReceived, tm);
    }

    /// <summary>Applies <paramref name="tm"/> to the client's state; gives the event it carried, if any, and adds the samples it carried to <paramref name="samples"/>.</summary>
    private EventRecord? Apply(TelemetryPacket tm, List<GroundSample> samples)
    {
        var data = tm.ApplicationData.Span;
        switch (tm.Secondary.Service, tm.Secondary.Subtype)
        {
            case (LinkServices.Verification, LinkServices.AcceptSuccess or LinkServices.AcceptFailure or LinkServices.CompleteSuccess or LinkServices.CompleteFailure):
                if (!_acks.Record(CommandAck.Decode(data, tm.Secondary.Subtype)))
                {
                    Counters.Unmatched();
                }

                return null;
            case (LinkServices.Housekeeping, LinkServices.HousekeepingReport):
                var dictionary = Volatile.Read(ref _dictionary);
                foreach (var sample in HousekeepingCodec.Decode(data))
                {
                    _telemetry.Update(sample);
                    samples.Add(SamplePresenter.Present(dictionary, sample));
                }

                return null;
            case (LinkServices.EventReporting, _):
                var record = EventReportCodec.Decode(data, tm.Secondary.Time);
                lock (_eventsGate)
                {
                    _events.Add(record);
                }

                return record;
            case (LinkServices.Link, LinkServices.LinkStatus):
                var status = LinkStatusReport.Decode(data);
                Volatile.Write(ref _status, status);
                RaiseSequenceFloor(status);
                return null;
            case (LinkServices.Link, LinkServices.DictionarySegment):
                Volatile.Read(ref _fetch)?.Add(tm);
                return null;
            default:
                return null;
        }
    }

    /// <summary>
    /// Keeps the next sequence above what the node reports accepting for this client's key
    /// (another ground may share the key), so a fresh status never leads to a replay refusal.
    /// </summary>
    private void RaiseSequenceFloor(LinkStatusReport status)
    {
        foreach (var (key, highest) in status.HighestSequences)
        {
            if (key != _keyId || highest == ulong.MaxValue)
            {
                continue;
            }

            ulong floor = highest + 1;
            ulong current = Interlocked.Read(ref _sequenceFloor);
            while (floor > current)
            {
                ulong seen = Interlocked.CompareExchange(ref _sequenceFloor, floor, current);
                if (seen == current)
                {
                    break;
                }

                current = seen;
            }
        }
    }

    private void Raise<T>(Action<T>? handler, T argument)
    {
        if (handler is null)
        {
            return;
        }

        try
        {
            handler(argument);
        }
#pragma warning disable CA1031 // A subscriber's fault must not stop the link.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Counters.HandlerError($"{ex.GetType().Name} in a subscriber: {ex.Message}");
        }
    }
}
