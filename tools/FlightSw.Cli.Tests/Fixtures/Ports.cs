using System.Net;
using System.Net.Sockets;

namespace FlightSw.Cli.Tests.Fixtures;

internal static class Ports
{
    /// <summary>A loopback port nothing listens on (free a moment ago).</summary>
    public static string Unreachable()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"127.0.0.1:{port}";
    }
}
