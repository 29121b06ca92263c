using System.Net.Sockets;

namespace FlightSw.Link.Service;

/// <summary>A ground connection over TCP.</summary>
public sealed class TcpLinkPort : LinkPort
{
    /// <summary>How long a write may wait for a ground that stopped reading before the connection is closed: 30 s.</summary>
    public static readonly TimeSpan StalledGroundTimeout = TimeSpan.FromSeconds(30);

    private readonly Socket _socket;
    private readonly int _quietMicroseconds;

    /// <summary>Wraps a connected socket, which the port then owns.</summary>
    public TcpLinkPort(Socket socket, TimeSpan? quietPeriod = null)
    {
        ArgumentNullException.ThrowIfNull(socket);
        _socket = socket;
        _socket.NoDelay = true;

        // A ground that stops reading for this long is cut off instead of holding a writer forever.
        _socket.SendTimeout = (int)StalledGroundTimeout.TotalMilliseconds;
        _quietMicroseconds = (int)(quietPeriod ?? DefaultQuietPeriod).TotalMicroseconds;
        Name = $"tcp {socket.RemoteEndPoint}";
    }

    /// <inheritdoc />
    public override string Name { get; }

    /// <inheritdoc />
    public override int Read(byte[] buffer)
    {
        // Poll first: a receive timeout may leave a socket unusable, a poll never does.
        try
        {
            if (!_socket.Poll(_quietMicroseconds, SelectMode.SelectRead))
            {
                return Quiet;
            }

            return _socket.Receive(buffer);
        }
        catch (SocketException)
        {
            return 0;
        }
        catch (ObjectDisposedException)
        {
            return 0;
        }
    }

    /// <inheritdoc />
    public override void Write(ReadOnlySpan<byte> bytes)
    {
        try
        {
            while (!bytes.IsEmpty)
            {
                int sent = _socket.Send(bytes);
                bytes = bytes[sent..];
            }
        }
        catch (SocketException ex)
        {
            throw new IOException($"{Name}: {ex.Message}", ex);
        }
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            try
            {
                _socket.Shutdown(SocketShutdown.Both);
            }
            catch (SocketException)
            {
                // Already gone.
            }

            _socket.Dispose();
        }
    }
}
