using System.Net;
using System.Net.Sockets;
using FlightSw.Core.Commands;
using FlightSw.Link.Framing;
using FlightSw.Link.Messages;
using FlightSw.Link.Packets;
using FlightSw.Link.Security;
using FlightSw.Link.Service;

namespace FlightSw.Link.Tests.Service;

/// <summary>A bare ground for service tests: a loopback socket attached to the service, a signer, and the packets received.</summary>
internal sealed class LoopbackGround : IDisposable
{
    private readonly Socket _socket;
    private readonly Thread _reader;
    private readonly List<TelemetryPacket> _received = [];
    private readonly FrameDecoder _decoder = new(65_542);

    public LoopbackGround(LinkService service, LinkKey? key, ulong firstSequence = 1)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        _socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _socket.Connect((IPEndPoint)listener.LocalEndpoint);
        service.Attach(new TcpLinkPort(listener.AcceptSocket()));
        Signer = new TelecommandSigner(key, firstSequence);
        _reader = new Thread(Read) { IsBackground = true };
        _reader.Start();
    }

    public TelecommandSigner Signer { get; }

    public IReadOnlyList<TelemetryPacket> Received
    {
        get
        {
            lock (_received)
            {
                return _received.ToArray();
            }
        }
    }

    public IEnumerable<CommandAck> Acks => Received
        .Where(p => p.Secondary.Service == LinkServices.Verification)
        .Select(p => CommandAck.Decode(p.ApplicationData.Span, p.Secondary.Subtype));

    public byte[] Command(string name, params string[] arguments) =>
        Signer.Sign(LinkApids.Flight, LinkServices.FunctionManagement, LinkServices.PerformFunction, FlightCommandCodec.Encode(CommandRequest.Of(name, arguments)), out _, out _);

    public void Send(byte[] packet) => _socket.Send(FrameEncoder.Frame(packet));

    public bool WaitFor(Func<bool> condition) => SpinWait.SpinUntil(condition, TimeSpan.FromSeconds(10));

    public void Dispose()
    {
        _socket.Dispose();
        _reader.Join(TimeSpan.FromSeconds(5));
    }

    private void Read()
    {
        var buffer = new byte[4096];
        var frames = new List<DecodedFrame>();
        try
        {
            int read;
            while ((read = _socket.Receive(buffer)) > 0)
            {
                _decoder.Push(buffer.AsSpan(0, read), frames);
                foreach (var frame in frames.Where(f => f.IsAccepted))
                {
                    if (TelemetryPacket.TryDecode(frame.Packet!, out var packet, out _))
                    {
                        lock (_received)
                        {
                            _received.Add(packet);
                        }
                    }
                }

                frames.Clear();
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
        }
    }
}
