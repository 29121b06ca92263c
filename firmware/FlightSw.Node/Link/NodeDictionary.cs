using FlightSw.Hal.Boards;
using FlightSw.Link.Dictionary;
using FlightSw.Link.Service;
using FlightSw.Node.Payload;
using FlightSw.Node.Simulation;

namespace FlightSw.Node.Link;

/// <summary>The flight node's command and telemetry dictionary, from the components' own declarations.</summary>
public static class NodeDictionary
{
    /// <summary>
    /// Boots the flight image (with its link component) on the simulated board and collects
    /// every component's commands, telemetry and events. Throws <see cref="InvalidDataException"/>
    /// when the payload manifests are malformed.
    /// </summary>
    public static LinkDictionary Build()
    {
        var payload = FlightPayload.Load(PayloadImageManifest.DefaultDirectory());

        // A link with no port: only its component's declarations matter here.
        using var link = new LinkService(new LinkServiceOptions { NodeName = "flightsw-node", BoardName = "sim", BoardTime = TimeProvider.System });
        using var node = new SimulatedNode(BoardCatalog.Locate().Load("sim"), seed: 1, options: null, image: board => FlightImage.Compose(board, payload: payload, link: link));
        node.PowerOn();
        if (!node.RunUntil(() => node.Application is { IsRunning: true }, TimeSpan.FromMinutes(1)))
        {
            throw new InvalidOperationException("The flight image did not boot on the simulated board within a simulated minute.");
        }

        return LinkDictionary.From(node.Application!, "flightsw-node");
    }

}
