using FlightSw.Core.Application;
using FlightSw.Hal.Boards;
using FlightSw.Link.Dictionary;
using FlightSw.Link.Security;
using FlightSw.Link.Service;
using NLog;

namespace FlightSw.Node.Link;

/// <summary>
/// The node's space link as the command line and the board file set it up: the
/// <see cref="LinkService"/>, its TCP listeners and serial ports, and the keys. Lives as long as
/// the node process, across boots of the flight software.
/// </summary>
public sealed class NodeLink : IDisposable
{
    private static readonly Logger Log = LogManager.GetLogger("FlightSw.Link");

    /// <summary>Wall time between two attempts to open an endpoint that is down (a serial adapter unplugged, a port taken).</summary>
    public static readonly TimeSpan ReopenInterval = TimeSpan.FromSeconds(5);

    private readonly List<TcpLinkServer> _servers = [];
    private readonly List<(LinkEndpoint Endpoint, SerialLinkPort Port)> _serialPorts = [];
    private readonly List<LinkEndpoint> _down = [];
    private readonly Dictionary<LinkEndpoint, LinkConnection> _serialConnections = [];
    private readonly Lock _gate = new();
    private ITimer? _reopen;
    private int _booted;

    private NodeLink(LinkService service)
    {
        Service = service;
    }

    /// <summary>Endpoints that are down now and retried every <see cref="ReopenInterval"/>.</summary>
    public IReadOnlyList<string> Down
    {
        get
        {
            lock (_gate)
            {
                return _down.Select(e => e.ToString()).ToArray();
            }
        }
    }

    /// <summary>The link service.</summary>
    public LinkService Service { get; }

    /// <summary>Where the node listens, one line each (<c>tcp 127.0.0.1:5170</c>, <c>serial /dev/ttyUSB0</c>).</summary>
    public IReadOnlyList<string> Listening { get; private set; } = [];

    /// <summary>
    /// Opens the link for <paramref name="board"/>. Returns false, with the reason written to
    /// <paramref name="error"/>, for bad input (a malformed endpoint, a key file given on the
    /// command line that is missing or readable by others, a port given on the command line that
    /// cannot be opened). An endpoint or key file from the board file that cannot be used is
    /// reported and left out: the node flies without it rather than not at all.
    /// <paramref name="link"/> is null when no link was asked for (the simulated board without <c>--link</c>).
    /// </summary>
    public static bool TryOpen(BoardDefinition board, NodeLinkOptions options, TimeProvider boardTime, TextWriter error, out NodeLink? link)
    {
        ArgumentNullException.ThrowIfNull(board);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(error);
        link = null;
        var endpoints = new List<LinkEndpoint>();
        foreach (string text in options.Endpoints)
        {
            if (!LinkEndpoint.TryParse(text, out var endpoint, out string problem))
            {
                error.WriteLine($"--link: {problem}");
                return false;
            }

            endpoints.Add(endpoint);
        }

        bool simulated = board.Backend == BoardBackend.Sim;
        if (simulated && endpoints.Count == 0 && !options.GroundClock)
        {
            return true;
        }

        // A real board's configured endpoints are best effort; those asked for are required.
        bool fromBoard = endpoints.Count == 0 && !simulated;
        if (endpoints.Count == 0)
        {
            endpoints.AddRange(FromBoard(board.Link));
        }

        if (options.GroundClock && !simulated)
        {
            error.WriteLine($"--ground-clock: only the simulated board runs on the ground's clock; board '{board.Name}' runs on real time.");
            return false;
        }

        if (!TryLoadKeys(board, options, error, out var keys))
        {
            return false;
        }

        if (options.InsecureDevelopmentLink)
        {
            const string warning = "INSECURE DEVELOPMENT LINK (--insecure-dev-link): telecommands signed with the development key (id 0, no MAC) are accepted. Anyone who reaches the link can command this node. Never fly this.";
            error.WriteLine("WARNING: " + warning);
            Log.Fatal(warning);
        }

        var service = new LinkService(new LinkServiceOptions
        {
            NodeName = "flightsw-node",
            BoardName = board.Name,
            BoardTime = boardTime,
            Keys = keys,
            DevelopmentMode = options.InsecureDevelopmentLink,
            SimulationControl = options.GroundClock,
        });
        var opened = new NodeLink(service);
        var listening = new List<string>();
        foreach (var endpoint in endpoints)
        {
            try
            {
                if (endpoint.Kind == "tcp")
                {
                    var server = new TcpLinkServer(service, endpoint.Address, endpoint.Number);
                    opened._servers.Add(server);
                    listening.Add($"tcp {server.EndPoint}");
                }
                else
                {
                    opened._serialPorts.Add((endpoint, new SerialLinkPort(endpoint.Address, endpoint.Number, service.Options.QuietPeriod)));
                    listening.Add($"serial {endpoint.Address} at {endpoint.Number} baud");
                }
            }
            catch (IOException ex) when (fromBoard)
            {
                // The board's own link configuration: fly on without this endpoint, say so, and
                // keep trying to open it.
                error.WriteLine($"link: {ex.Message} (board file boards/{board.Name}.json, link section); flying without it, retrying every {ReopenInterval.TotalSeconds:0} s.");
                Log.Error("Link endpoint {Endpoint} not opened: {Reason}", endpoint.ToString(), ex.Message);
                opened._down.Add(endpoint);
            }
            catch (IOException ex)
            {
                opened.Dispose();
                error.WriteLine($"--link: {ex.Message}");
                return false;
            }
        }

        opened.Listening = listening;
        foreach (string line in listening)
        {
            // HIL targets read this line to find the port the node was given.
            error.WriteLine($"link: listening on {line}");
            Log.Info("Link listening on {endpoint}", line);
        }

        link = opened;
        return true;
    }

    /// <summary>
    /// After the first boot: publishes the flight software's dictionary (the same every boot) and
    /// starts serving grounds, which until then wait (a TCP ground in the listen backlog), so no
    /// ground is ever handed an empty dictionary. Events of the boot are kept for the first ground.
    /// </summary>
    public void OnBooted(FlightApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (Interlocked.Exchange(ref _booted, 1) != 0)
        {
            return;
        }

        using var document = new MemoryStream();
        XtceWriter.Write(LinkDictionary.From(app, Service.Options.NodeName), document);
        Service.SetDictionary(document.ToArray());
        foreach (var server in _servers)
        {
            server.BeginAccepting();
        }

        lock (_gate)
        {
            foreach (var (endpoint, port) in _serialPorts)
            {
                if (Service.Attach(port) is { } connection)
                {
                    _serialConnections[endpoint] = connection;
                }
            }

            _serialPorts.Clear();
        }

        // A serial line that fails (an adapter unplugged) or an endpoint that never opened is
        // tried again, on wall time: the link's hardware lives in the real world even on the simulator.
        _reopen = TimeProvider.System.CreateTimer(_ => Reopen(), null, ReopenInterval, ReopenInterval);
    }

    /// <summary>Stops listening and closes every connection.</summary>
    public void Dispose()
    {
        _reopen?.Dispose();
        lock (_gate)
        {
            foreach (var server in _servers)
            {
                server.Dispose();
            }

            foreach (var (_, port) in _serialPorts)
            {
                port.Dispose();
            }

            _down.Clear();
        }

        Service.Dispose();
    }

    private void Reopen()
    {
        lock (_gate)
        {
            foreach (var (endpoint, connection) in _serialConnections.Where(pair => !pair.Value.IsOpen).ToArray())
            {
                Log.Warn("Link {Port} closed; reopening", connection.Name);
                _serialConnections.Remove(endpoint);
                _down.Add(endpoint);
            }

            foreach (var endpoint in _down.ToArray())
            {
                try
                {
                    if (endpoint.Kind == "tcp")
                    {
                        var server = new TcpLinkServer(Service, endpoint.Address, endpoint.Number);
                        server.BeginAccepting();
                        _servers.Add(server);
                    }
                    else if (Service.Attach(new SerialLinkPort(endpoint.Address, endpoint.Number, Service.Options.QuietPeriod)) is { } connection)
                    {
                        _serialConnections[endpoint] = connection;
                    }

                    _down.Remove(endpoint);
                    Log.Info("Link endpoint {Endpoint} open again", endpoint.ToString());
                }
                catch (IOException)
                {
                    // Still down; the next attempt follows.
                }
            }
        }
    }

    private static IEnumerable<LinkEndpoint> FromBoard(LinkSettings settings)
    {
        yield return new LinkEndpoint("tcp", settings.TcpBindAddress, settings.TcpPort);
        if (settings.SerialDevice is { } device)
        {
            yield return new LinkEndpoint("serial", device, settings.SerialBaudRate);
        }
    }

    private static bool TryLoadKeys(BoardDefinition board, NodeLinkOptions options, TextWriter error, out KeyRing keys)
    {
        keys = KeyRing.Empty;
        string? explicitFile = options.KeyFile ?? (Environment.GetEnvironmentVariable(NodeLinkOptions.KeyFileVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment : null);
        string? file = explicitFile ?? board.Link.KeyFile;
        if (file is null)
        {
            if (!options.InsecureDevelopmentLink)
            {
                error.WriteLine($"link: no key file (--key-file, ${NodeLinkOptions.KeyFileVariable} or the board's link.keyFile): every telecommand will be refused. Create one with `flightsw keygen FILE`.");
            }

            return true;
        }

        try
        {
            keys = KeyRing.LoadFile(file);
            return true;
        }
        catch (KeyFileException ex) when (explicitFile is null)
        {
            // The board's configured key is unusable: fly, refusing every telecommand, and say so.
            error.WriteLine($"link: {ex.Message} Every telecommand will be refused.");
            Log.Error(ex.Message);
            return true;
        }
        catch (KeyFileException ex)
        {
            error.WriteLine($"--key-file: {ex.Message}");
            return false;
        }
    }
}
