using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using FlightSw.Core.Commands;
using FlightSw.Core.Events;
using FlightSw.Core.Telemetry;
using FlightSw.Link.Dictionary;
using FlightSw.Link.Framing;
using FlightSw.Link.Messages;
using FlightSw.Link.Packets;
using FlightSw.Link.Security;

namespace FlightSw.Ground.Tests.Fixtures;

/// <summary>
/// A stand-in node on 127.0.0.1 that speaks the link protocol from a script: greets every
/// connection with a link status, verifies telecommands with the real verifier, serves the
/// dictionary, answers flight commands as <see cref="OnCommand"/> says, and sends telemetry,
/// events or raw bytes when the test asks. One connection at a time.
/// </summary>
internal sealed class ScriptedNode : IDisposable
{
    /// <summary>The board time the scripted node stamps its packets with.</summary>
    public static readonly DateTimeOffset BoardTime = new(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private readonly TcpListener _listener;
    private readonly Thread _thread;
    private readonly TelemetryPacketWriter _writer = new(LinkApids.Flight);
    private readonly TelecommandVerifier _verifier;
    private readonly Lock _gate = new();
    private readonly Lock _sendGate = new();
    private readonly List<Telecommand> _received = [];
    private readonly List<CommandRequest> _commands = [];
    private readonly List<LinkRefusal> _refusals = [];
    private readonly ManualResetEventSlim _connected = new();
    private Socket? _socket;
    private volatile bool _disposed;

    public ScriptedNode(LinkDictionary? dictionary = null, KeyRing? keys = null, bool developmentMode = true, IReadOnlyDictionary<ushort, ulong>? highest = null)
    {
        Dictionary = dictionary ?? TestDictionary.Create();
        Xtce = XtceWriter.ToBytes(Dictionary);
        DevelopmentMode = developmentMode;
        _verifier = new TelecommandVerifier(keys ?? KeyRing.Empty, developmentMode, key => highest?.GetValueOrDefault(key) ?? 0);
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _thread = new Thread(Serve) { IsBackground = true, Name = "scripted-node" };
        _thread.Start();
    }

    public int Port { get; }

    public LinkDictionary Dictionary { get; }

    public bool DevelopmentMode { get; }

    /// <summary>The XTCE document served for TC(200,1).</summary>
    public byte[] Xtce { get; set; }

    /// <summary>The dictionary digest the link status announces; null for that of <see cref="Xtce"/>.</summary>
    public byte[]? AnnouncedSha256 { get; set; }

    /// <summary>Whether a new connection is greeted with the link status.</summary>
    public bool SendsHello { get; set; } = true;

    /// <summary>Whether TC(200,1) is answered with the dictionary.</summary>
    public bool ServesDictionary { get; set; } = true;

    /// <summary>Bytes sent to a new connection before the hello (noise, damaged frames).</summary>
    public byte[] Preamble { get; set; } = [];

    /// <summary>How a flight command is answered.</summary>
    public Func<CommandRequest, NodeAnswer> OnCommand { get; set; } = _ => NodeAnswer.Complete();

    /// <summary>Every telecommand the verifier accepted.</summary>
    public IReadOnlyList<Telecommand> Received
    {
        get
        {
            lock (_gate)
            {
                return _received.ToArray();
            }
        }
    }

    /// <summary>Every flight command decoded.</summary>
    public IReadOnlyList<CommandRequest> Commands
    {
        get
        {
            lock (_gate)
            {
                return _commands.ToArray();
            }
        }
    }

    /// <summary>Every refusal by the verifier.</summary>
    public IReadOnlyList<LinkRefusal> Refusals
    {
        get
        {
            lock (_gate)
            {
                return _refusals.ToArray();
            }
        }
    }

    public bool WaitForConnection(TimeSpan limit) => _connected.Wait(limit);

    /// <summary>The link status the node sends now.</summary>
    public LinkStatusReport Status() =>
        new("scripted-node", "scripted-board", DevelopmentMode, false, _verifier.HighestSequences, XtceSha256());

    /// <summary>Frames and sends <paramref name="packet"/>.</summary>
    public void Send(byte[] packet) => SendBytes(FrameEncoder.Frame(packet));

    /// <summary>Sends <paramref name="bytes"/> as they are.</summary>
    public void SendBytes(ReadOnlySpan<byte> bytes)
    {
        lock (_sendGate)
        {
            var socket = _socket ?? throw new InvalidOperationException("No ground is connected.");
            while (!bytes.IsEmpty)
            {
                bytes = bytes[socket.Send(bytes)..];
            }
        }
    }

    /// <summary>A telemetry packet as the node writes it.</summary>
    public byte[] Packet(byte service, byte subtype, ReadOnlySpan<byte> data, SequenceFlags flags = SequenceFlags.Unsegmented)
    {
        lock (_sendGate)
        {
            return _writer.Write(service, subtype, BoardTime, data, flags);
        }
    }

    public void SendHousekeeping(IEnumerable<TelemetrySample> samples)
    {
        foreach (var chunk in HousekeepingCodec.Encode(samples, id => Dictionary.FindChannel(id)?.Type ?? TelemetryType.Int32))
        {
            Send(Packet(LinkServices.Housekeeping, LinkServices.HousekeepingReport, chunk));
        }
    }

    public void SendEvent(EventRecord record) =>
        Send(Packet(LinkServices.EventReporting, EventReportCodec.SubtypeFor(record.Severity), EventReportCodec.Encode(record)));

    /// <summary>Closes the ground's connection.</summary>
    public void HangUp()
    {
        lock (_sendGate)
        {
            _socket?.Dispose();
        }
    }

    public void Dispose()
    {
        _disposed = true;
        _listener.Stop();
        HangUp();
        _thread.Join(TimeSpan.FromSeconds(5));
        _connected.Dispose();
    }

    private byte[] XtceSha256() => AnnouncedSha256 ?? System.Security.Cryptography.SHA256.HashData(Xtce);

    private void Serve()
    {
        while (!_disposed)
        {
            Socket socket;
            try
            {
                socket = _listener.AcceptSocket();
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            lock (_sendGate)
            {
                _socket = socket;
            }

            try
            {
                if (Preamble.Length > 0)
                {
                    SendBytes(Preamble);
                }

                if (SendsHello)
                {
                    Send(Packet(LinkServices.Link, LinkServices.LinkStatus, Status().Encode()));
                }

                _connected.Set();
                Read(socket);
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException or IOException)
            {
                // The ground went away; wait for the next one.
            }
            finally
            {
                socket.Dispose();
            }
        }
    }

    private void Read(Socket socket)
    {
        var decoder = new FrameDecoder();
        var frames = new List<DecodedFrame>();
        var buffer = new byte[4096];
        while (!_disposed)
        {
            int count = socket.Receive(buffer);
            if (count == 0)
            {
                return;
            }

            decoder.Push(buffer.AsSpan(0, count), frames);
            foreach (var frame in frames)
            {
                if (frame.Packet is { } packet)
                {
                    Handle(packet);
                }
            }

            frames.Clear();
        }
    }

    private void Handle(byte[] packet)
    {
        var refusal = _verifier.Verify(packet, out var command, out string reason);
        if (refusal != LinkRefusal.None)
        {
            lock (_gate)
            {
                _refusals.Add(refusal);
            }

            int security = SpacePacketHeader.Length + TcSecondaryHeader.Length;
            Ack(new CommandAck(
                LinkServices.AcceptFailure,
                BinaryPrimitives.ReadUInt32BigEndian(packet),
                BinaryPrimitives.ReadUInt16BigEndian(packet.AsSpan(security)),
                BinaryPrimitives.ReadUInt64BigEndian(packet.AsSpan(security + 2)),
                (byte)refusal,
                reason));
            return;
        }

        lock (_gate)
        {
            _received.Add(command);
        }

        switch (command.Secondary.Service, command.Secondary.Subtype)
        {
            case (LinkServices.FunctionManagement, LinkServices.PerformFunction):
                FlightCommand(command);
                break;
            case (LinkServices.Link, LinkServices.DumpDictionary) when ServesDictionary:
                Ack(Ack(command, LinkServices.AcceptSuccess, 0, ""));
                foreach (var (flags, data) in DictionarySegmentCodec.Split(Xtce, 1024))
                {
                    Send(Packet(LinkServices.Link, LinkServices.DictionarySegment, data, flags));
                }

                Ack(Ack(command, LinkServices.CompleteSuccess, (byte)CommandStatus.Completed, ""));
                break;
            case (LinkServices.Link, LinkServices.DumpDictionary):
                break;
            case (LinkServices.Test, LinkServices.AreYouAlive):
                Ack(Ack(command, LinkServices.AcceptSuccess, 0, ""));
                Send(Packet(LinkServices.Test, LinkServices.AliveReport, []));
                Send(Packet(LinkServices.Link, LinkServices.LinkStatus, Status().Encode()));
                Ack(Ack(command, LinkServices.CompleteSuccess, (byte)CommandStatus.Completed, ""));
                break;
            default:
                Ack(Ack(command, LinkServices.AcceptFailure, (byte)LinkRefusal.UnknownService, "not served by the scripted node"));
                break;
        }
    }

    private void FlightCommand(Telecommand command)
    {
        if (!FlightCommandCodec.TryDecode(command.ApplicationData.Span, out var request, out string reason))
        {
            Ack(Ack(command, LinkServices.AcceptFailure, (byte)LinkRefusal.MalformedCommand, reason));
            return;
        }

        lock (_gate)
        {
            _commands.Add(request);
        }

        var answer = OnCommand(request);
        if (!answer.Acknowledges)
        {
            return;
        }

        if (answer.Refusal != LinkRefusal.None)
        {
            Ack(Ack(command, LinkServices.AcceptFailure, (byte)answer.Refusal, answer.Message));
            return;
        }

        Ack(Ack(command, LinkServices.AcceptSuccess, 0, ""));
        if (answer.Completes)
        {
            bool completed = answer.Status == CommandStatus.Completed;
            Ack(Ack(command, completed ? LinkServices.CompleteSuccess : LinkServices.CompleteFailure, (byte)answer.Status, answer.Message));
        }
    }

    private static CommandAck Ack(Telecommand command, byte subtype, byte code, string message) =>
        new(subtype, command.RequestId, command.KeyId, command.Sequence, code, message);

    private void Ack(CommandAck ack) => Send(Packet(LinkServices.Verification, ack.Subtype, ack.Encode()));
}
