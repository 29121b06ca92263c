using FlightSw.Core.Commands;
using FlightSw.Ground;
using FlightSw.Link.Security;

namespace FlightSw.HilTests.Targets;

/// <summary>
/// A node on a real board, reached over TCP at <c>remote:HOST:PORT</c>, on real time. Keys come
/// from <c>$FLIGHTSW_KEY_FILE</c>. A reset of the board drops the connection; the target
/// connects again when asked whether the node runs.
/// </summary>
public sealed class RemoteTarget : LinkTarget
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    private readonly string _host;
    private readonly int _port;
    private readonly GroundClientOptions _options;

    /// <summary>Targets the node at <paramref name="host"/>:<paramref name="port"/>.</summary>
    public RemoteTarget(string host, int port)
    {
        _host = host;
        _port = port;
        _options = new GroundClientOptions
        {
            Keys = Environment.GetEnvironmentVariable("FLIGHTSW_KEY_FILE") is { Length: > 0 } file ? KeyRing.LoadFile(file) : KeyRing.Empty,
        };
    }

    /// <summary>Parses <c>remote:HOST:PORT</c>; throws <see cref="FormatException"/> saying what is expected.</summary>
    public static RemoteTarget Parse(string text)
    {
        var parts = text.Split(':');
        if (parts.Length != 3 || parts[0] != "remote" || parts[1].Length == 0 || !int.TryParse(parts[2], System.Globalization.CultureInfo.InvariantCulture, out int port) || port is < 1 or > 65535)
        {
            throw new FormatException($"{Target.Variable}={text}: expected remote:HOST:PORT, for example remote:192.168.1.20:5170.");
        }

        return new RemoteTarget(parts[1], port);
    }

    /// <inheritdoc />
    public override string Name => $"remote {_host}:{_port}";

    /// <inheritdoc />
    public override (string Host, int Port) LinkEndpoint => (_host, _port);

    /// <inheritdoc />
    public override KeyRing Keys => _options.Keys;

    /// <inheritdoc />
    public override bool IsRunning
    {
        get
        {
            try
            {
                if (!Client.IsConnected)
                {
                    Use(GroundClient.ConnectTcp(_host, _port, _options));
                }

                return Client.Latest("MODE") is not null;
            }
            catch (Exception ex) when (ex is IOException or TimeoutException or System.Net.Sockets.SocketException)
            {
                return false;
            }
        }
    }

    /// <inheritdoc />
    public override void Boot()
    {
        // A real board is already powered; the suite connects and waits for NOMINAL.
        Use(GroundClient.ConnectTcp(_host, _port, _options));
        if (!WaitFor(() => Telemetry("MODE").Value is "Nominal", TimeSpan.FromSeconds(30)))
        {
            throw new TimeoutException($"The node at {_host}:{_port} did not report NOMINAL within 30 s.");
        }
    }

    /// <inheritdoc />
    public override CommandResponse Send(string command, params string[] arguments) => SendOverLink(command, arguments);

    /// <inheritdoc />
    public override void Wait(TimeSpan duration) => Thread.Sleep(duration);

    /// <inheritdoc />
    public override bool WaitFor(Func<bool> condition, TimeSpan limit)
    {
        var deadline = DateTimeOffset.UtcNow + limit;
        while (!condition())
        {
            if (DateTimeOffset.UtcNow >= deadline)
            {
                return false;
            }

            Thread.Sleep(Poll);
        }

        return true;
    }
}
