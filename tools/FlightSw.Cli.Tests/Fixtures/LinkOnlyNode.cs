using FlightSw.Core.Commands;
using FlightSw.Core.Telemetry;
using FlightSw.Link.Dictionary;
using FlightSw.Link.Security;
using FlightSw.Link.Service;

namespace FlightSw.Cli.Tests.Fixtures;

/// <summary>
/// The node's real link service on 127.0.0.1 (a free port), with no flight software behind it:
/// flight commands are answered by <see cref="OnCommand"/>, telemetry is published by the test.
/// </summary>
internal sealed class LinkOnlyNode : IDisposable
{
    private readonly TcpLinkServer _server;
    private readonly Thread _flight;
    private volatile bool _disposed;

    public LinkOnlyNode(LinkDictionary dictionary, KeyRing? keys = null, bool developmentMode = true)
    {
        Dictionary = dictionary;
        Service = new LinkService(new LinkServiceOptions
        {
            NodeName = dictionary.NodeName,
            BoardName = "test-board",
            BoardTime = TimeProvider.System,
            Keys = keys ?? KeyRing.Empty,
            DevelopmentMode = developmentMode,
        });
        Service.SetDictionary(XtceWriter.ToBytes(dictionary));
        _server = new TcpLinkServer(Service, "127.0.0.1", 0);
        _server.BeginAccepting();
        _flight = new Thread(Fly) { IsBackground = true, Name = "link-only-node" };
        _flight.Start();
    }

    public LinkService Service { get; }

    public LinkDictionary Dictionary { get; }

    public string Address => $"127.0.0.1:{_server.EndPoint.Port}";

    /// <summary>How a flight command is answered (on the node's flight thread).</summary>
    public Func<CommandRequest, CommandResponse> OnCommand { get; set; } = request => new CommandResponse(request.Command, CommandStatus.Completed, "done");

    /// <summary>Publishes <paramref name="samples"/> to every connected ground once one is connected.</summary>
    public bool PublishWhenConnected(IReadOnlyList<TelemetrySample> samples, TimeSpan limit)
    {
        if (!SpinWait.SpinUntil(() => Service.Connections.Count > 0, limit))
        {
            return false;
        }

        Service.PublishHousekeeping(samples, id => Dictionary.FindChannel(id)?.Type ?? TelemetryType.Int32);
        return true;
    }

    public void Dispose()
    {
        _disposed = true;
        _server.Dispose();
        Service.Dispose();
        _flight.Join(TimeSpan.FromSeconds(5));
    }

    private void Fly()
    {
        while (!_disposed)
        {
            if (Service.TryTakeCommand(out var command))
            {
                Service.Complete(command, OnCommand(command.Request));
            }
            else
            {
                Thread.Sleep(5);
            }
        }
    }
}
