using System.Globalization;
using System.Net;
using System.Net.Sockets;
using FlightSw.Ground;

namespace FlightSw.Cli;

/// <summary>Where the node's link is: a TCP host and port, or a serial device and baud rate.</summary>
/// <param name="Serial">True for a serial line, false for TCP.</param>
/// <param name="Address">Host name or address, or the serial device.</param>
/// <param name="Number">TCP port, or baud rate.</param>
internal sealed record NodeAddress(bool Serial, string Address, int Number)
{
    /// <summary>Default serial line speed: 115,200 baud.</summary>
    public const int DefaultBaudRate = 115_200;

    /// <summary>Reads <c>HOST:PORT</c> (<c>[::1]:PORT</c> for IPv6) or <c>serial:DEVICE[:BAUD]</c>.</summary>
    public static bool TryParse(string? text, out NodeAddress address, out string error)
    {
        address = null!;
        error = "";
        text ??= "";
        if (text.StartsWith("serial:", StringComparison.Ordinal))
        {
            string rest = text["serial:".Length..];
            int colon = rest.LastIndexOf(':');
            if (colon > 0 && int.TryParse(rest[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out int baud) && baud > 0)
            {
                address = new NodeAddress(true, rest[..colon], baud);
                return true;
            }

            if (rest.Length > 0 && colon < 0)
            {
                address = new NodeAddress(true, rest, DefaultBaudRate);
                return true;
            }
        }
        else
        {
            int colon = text.LastIndexOf(':');
            if (colon > 0
                && int.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out int port)
                && port is > 0 and <= IPEndPoint.MaxPort)
            {
                string host = text[..colon];
                bool bracketed = host.Length > 2 && host.StartsWith('[') && host.EndsWith(']');
                if (bracketed)
                {
                    host = host[1..^1];
                }

                // An IPv6 address must be bracketed: in ::1:5170 the port cannot be told from the address.
                bool valid = bracketed
                    ? IPAddress.TryParse(host, out var ip) && ip.AddressFamily == AddressFamily.InterNetworkV6
                    : host.Length > 0 && !host.Contains(':', StringComparison.Ordinal);
                if (valid)
                {
                    address = new NodeAddress(false, host, port);
                    return true;
                }
            }
        }

        error = $"--node: '{text}' is not a node address: use HOST:PORT (e.g. {CommonOptions.DefaultNode}, [::1]:5170) or serial:DEVICE[:BAUD] (e.g. serial:/dev/ttyUSB0:115200)";
        return false;
    }

    /// <summary>Parses <paramref name="text"/>; throws <see cref="CliException"/> (bad input) when it is not an address.</summary>
    public static NodeAddress Parse(string? text) =>
        TryParse(text, out var address, out string error) ? address : throw new CliException(CliExitCodes.BadInput, error);

    /// <summary>Connects a ground client to the node; a refused connection says how to start a node that listens.</summary>
    public GroundClient Connect(GroundClientOptions options)
    {
        try
        {
            return Serial ? GroundClient.ConnectSerial(Address, Number, options) : GroundClient.ConnectTcp(Address, Number, options);
        }
        catch (IOException ex) when (ex.InnerException is SocketException)
        {
            throw new CliException(CliExitCodes.NoAnswer, $"{ex.Message} (is a node serving its link there? e.g. flightsw-node --link tcp:{Number.ToString(CultureInfo.InvariantCulture)})");
        }
    }

    /// <inheritdoc />
    public override string ToString() =>
        Serial ? string.Create(CultureInfo.InvariantCulture, $"serial:{Address}:{Number}")
            : Address.Contains(':', StringComparison.Ordinal) ? string.Create(CultureInfo.InvariantCulture, $"[{Address}]:{Number}")
            : string.Create(CultureInfo.InvariantCulture, $"{Address}:{Number}");
}
