using System.Net.Sockets;
using System.Text;

namespace FlightSw.Hal.Linux.Tests;

/// <summary>Plays systemd: a Unix datagram socket bound in a temporary directory (or the abstract namespace) that receives notifications.</summary>
internal sealed class NotifyListener : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);

    /// <summary>Binds at <paramref name="address"/>: a path, or '@name' for the abstract namespace.</summary>
    public NotifyListener(string address)
    {
        Address = address;
        _socket.Bind(new UnixDomainSocketEndPoint(address.StartsWith('@') ? "\0" + address[1..] : address));

        // Only so that a missing datagram fails the test instead of hanging it; no timing is asserted.
        _socket.ReceiveTimeout = 30_000;
    }

    /// <summary>The value for NOTIFY_SOCKET.</summary>
    public string Address { get; }

    /// <summary>The next datagram, as text.</summary>
    public string Receive()
    {
        var buffer = new byte[4096];
        int length = _socket.Receive(buffer);
        return Encoding.UTF8.GetString(buffer, 0, length);
    }

    /// <summary>Datagrams already waiting, without blocking.</summary>
    public IReadOnlyList<string> Drain()
    {
        var received = new List<string>();
        while (_socket.Available > 0)
        {
            received.Add(Receive());
        }

        return received;
    }

    public void Dispose() => _socket.Dispose();
}
