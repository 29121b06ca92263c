using System.Net;
using System.Net.Sockets;

namespace FlightSw.Link.Service;

/// <summary>
/// Listens for ground stations over TCP and attaches each one to the <see cref="LinkService"/>.
/// Binds 127.0.0.1 unless the board's configuration says otherwise: a node is not reachable
/// from the network by accident.
/// </summary>
public sealed class TcpLinkServer : IDisposable
{
    /// <summary>Default address: the loopback interface only.</summary>
    public const string DefaultBindAddress = "127.0.0.1";

    /// <summary>Default port of the FlightSw link.</summary>
    public const int DefaultPort = 5170;

    private readonly TcpListener _listener;
    private readonly LinkService _service;
    private readonly Thread _acceptor;
    private volatile bool _stopping;

    /// <summary>
    /// Binds and listens on <paramref name="address"/>:<paramref name="port"/> (port 0 picks a
    /// free one; see <see cref="EndPoint"/>), so a taken port is an error now; grounds are served
    /// from <see cref="BeginAccepting"/>. Throws <see cref="IOException"/> naming the address when
    /// it cannot bind.
    /// </summary>
    public TcpLinkServer(LinkService service, string address = DefaultBindAddress, int port = DefaultPort)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, IPEndPoint.MaxPort);
        if (!IPAddress.TryParse(address, out var ip))
        {
            throw new IOException($"Link bind address '{address}' is not an IP address (for example 127.0.0.1, or 0.0.0.0 for every interface).");
        }

        _service = service;
        _listener = new TcpListener(ip, port);
        try
        {
            _listener.Start();
        }
        catch (SocketException ex)
        {
            throw new IOException($"Cannot listen for the ground on {address}:{port}: {ex.Message}", ex);
        }

        EndPoint = (IPEndPoint)_listener.LocalEndpoint;
        _acceptor = new Thread(AcceptLoop) { IsBackground = true, Name = "link-accept" };
    }

    /// <summary>
    /// Starts taking grounds; those that connected since the bind wait in the listen backlog
    /// until now. The node calls it once the flight software has booted and set its dictionary.
    /// </summary>
    public void BeginAccepting()
    {
        if (!_acceptor.IsAlive && !_stopping)
        {
            _acceptor.Start();
        }
    }

    /// <summary>Where the server listens (with the port chosen when 0 was asked).</summary>
    public IPEndPoint EndPoint { get; }

    /// <summary>Stops listening; open connections stay with the service.</summary>
    public void Dispose()
    {
        _stopping = true;
        _listener.Stop();
        if (_acceptor.IsAlive)
        {
            _acceptor.Join(TimeSpan.FromSeconds(2));
        }
    }

    private void AcceptLoop()
    {
        while (!_stopping)
        {
            Socket socket;
            try
            {
                socket = _listener.AcceptSocket();
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException or InvalidOperationException)
            {
                if (_stopping)
                {
                    return;
                }

                continue;
            }

            _service.Attach(new TcpLinkPort(socket, _service.Options.QuietPeriod));
        }
    }
}
