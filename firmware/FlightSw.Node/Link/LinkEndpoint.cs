using System.Globalization;
using System.Net;
using FlightSw.Link.Service;

namespace FlightSw.Node.Link;

/// <summary>One place the node listens for the ground: a TCP address and port, or a serial device.</summary>
/// <param name="Kind"><c>tcp</c> or <c>serial</c>.</param>
/// <param name="Address">TCP bind address or serial device.</param>
/// <param name="Number">TCP port or serial baud rate.</param>
public sealed record LinkEndpoint(string Kind, string Address, int Number)
{
    /// <summary>Default serial rate: 115,200 baud.</summary>
    public const int DefaultBaudRate = 115_200;

    /// <summary>
    /// Parses <c>tcp</c>, <c>tcp:PORT</c>, <c>tcp:ADDRESS:PORT</c> or <c>serial:DEVICE[:BAUD]</c>;
    /// TCP binds 127.0.0.1 and port 5170 unless told otherwise (port 0 picks a free one).
    /// </summary>
    public static bool TryParse(string text, out LinkEndpoint endpoint, out string error)
    {
        endpoint = null!;
        error = "";
        var parts = (text ?? "").Split(':');
        switch (parts[0])
        {
            case "tcp" when parts.Length == 1:
                endpoint = new("tcp", TcpLinkServer.DefaultBindAddress, TcpLinkServer.DefaultPort);
                return true;
            case "tcp" when parts.Length == 2 && TryPort(parts[1], out int port):
                endpoint = new("tcp", TcpLinkServer.DefaultBindAddress, port);
                return true;
            case "tcp" when parts.Length == 3 && IPAddress.TryParse(parts[1], out _) && TryPort(parts[2], out int port):
                endpoint = new("tcp", parts[1], port);
                return true;
            case "serial" when parts.Length == 2 && parts[1].Length > 0:
                endpoint = new("serial", parts[1], DefaultBaudRate);
                return true;
            case "serial" when parts.Length == 3 && parts[1].Length > 0 && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out int baud) && baud > 0:
                endpoint = new("serial", parts[1], baud);
                return true;
            default:
                error = $"'{text}' is not a link endpoint: use tcp, tcp:PORT, tcp:ADDRESS:PORT (e.g. tcp:127.0.0.1:5170; port 0 picks a free one) or serial:DEVICE[:BAUD] (e.g. serial:/dev/ttyUSB0:115200)";
                return false;
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"{Kind} {Address}:{Number.ToString(CultureInfo.InvariantCulture)}";

    private static bool TryPort(string text, out int port) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port <= IPEndPoint.MaxPort;
}
