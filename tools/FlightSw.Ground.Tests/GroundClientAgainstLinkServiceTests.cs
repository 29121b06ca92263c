using System.Net;
using FlightSw.Core.Commands;
using FlightSw.Core.Events;
using FlightSw.Core.Telemetry;
using FlightSw.Ground.Tests.Fixtures;
using FlightSw.Link.Dictionary;
using FlightSw.Link.Messages;
using FlightSw.Link.Packets;
using FlightSw.Link.Security;
using FlightSw.Link.Service;

namespace FlightSw.Ground.Tests;

/// <summary>The client against the node's own link service (no flight software behind it): the two ends agree on the wire.</summary>
[TestFixture]
[CancelAfter(60_000)]
public class GroundClientAgainstLinkServiceTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private static readonly LinkKey Key = new(2, Enumerable.Repeat((byte)0x5A, 32).ToArray());

    private LinkService _service = null!;
    private TcpLinkServer _server = null!;

    [SetUp]
    public void StartLink()
    {
        _service = new LinkService(new LinkServiceOptions
        {
            NodeName = "scripted-node",
            BoardName = "test-board",
            BoardTime = TimeProvider.System,
            Keys = new KeyRing([Key]),
        });
        _service.SetDictionary(XtceWriter.ToBytes(TestDictionary.Create()));
        _server = new TcpLinkServer(_service, IPAddress.Loopback.ToString(), 0);
        _server.BeginAccepting();
    }

    [TearDown]
    public void StopLink()
    {
        _server.Dispose();
        _service.Dispose();
    }

    [Test]
    public void Connect_LinkService_HelloAndDictionary()
    {
        using var client = Connect();

        Assert.That(client.Status.Node, Is.EqualTo("scripted-node"));
        Assert.That(client.Status.DevelopmentMode, Is.False);
        Assert.That(client.Dictionary, Is.EqualTo(TestDictionary.Create()));
    }

    [Test]
    public void Send_FlightSoftwareCompletesIt_CompletedWithTheKeysSequence()
    {
        using var client = Connect();
        var flight = Task.Run(() =>
        {
            PendingCommand? command = null;
            SpinWait.SpinUntil(() => _service.TryTakeCommand(out command), Patience);
            _service.Complete(command!, new CommandResponse(command!.Request.Command, CommandStatus.Completed, $"set {command.Request.Arguments[0]}"));
        });

        var reply = client.SendDetailed(CommandRequest.Of("PRM_SET", "gain", "2"));
        flight.Wait(Patience);

        Assert.That(reply.Response, Is.EqualTo(new CommandResponse("PRM_SET", CommandStatus.Completed, "set gain")));
        Assert.That(_service.HighestSequences, Does.Contain(new KeyValuePair<ushort, ulong>(2, reply.Sequence)));
    }

    [Test]
    public void Connect_SecondClient_StartsAboveTheFirstClientsSequences()
    {
        ulong first;
        using (var client = Connect())
        {
            first = client.SendRaw(LinkApids.Flight, LinkServices.Test, LinkServices.AreYouAlive, []);
            Assert.That(client.WaitFor(() => client.Status.HighestSequences.Any(p => p.Value == first), Patience), Is.True);
        }

        using var again = Connect();

        Assert.That(again.NextSequence, Is.GreaterThan(first));
    }

    [Test]
    public void SendRaw_UnknownService_RefusedAtAcceptanceWithTheReason()
    {
        using var client = Connect();
        CommandAck? refusal = null;
        client.PacketReceived += tm =>
        {
            if (tm.Secondary is { Service: LinkServices.Verification, Subtype: LinkServices.AcceptFailure })
            {
                refusal = CommandAck.Decode(tm.ApplicationData.Span, tm.Secondary.Subtype);
            }
        };

        ulong sequence = client.SendRaw(LinkApids.Flight, 99, 1, []);

        Assert.That(client.WaitFor(() => refusal is not null, Patience), Is.True);
        Assert.That(refusal!.Sequence, Is.EqualTo(sequence));
        Assert.That((LinkRefusal)refusal.Code, Is.EqualTo(LinkRefusal.UnknownService));
    }

    [Test]
    public void Receive_PublishedEventAndHousekeeping_Decoded()
    {
        using var client = Connect();
        var time = new DateTimeOffset(2030, 3, 4, 5, 6, 7, TimeSpan.Zero);

        _service.PublishEvent(new EventRecord(5, time, 0x0201, "MODE_CHANGED", EventSeverity.WarningLow, "modes", [new("from", "NOMINAL"), new("to", "SAFE")], "Mode NOMINAL -> SAFE"));
        _service.PublishHousekeeping([new TelemetrySample(TestDictionary.Mode, "MODE_CURRENT", 0, time, 4)], id => TestDictionary.Create().FindChannel(id)!.Type);

        Assert.That(client.WaitFor(() => client.Events.Count == 1 && client.Latest("MODE_CURRENT") is not null, Patience), Is.True);
        Assert.That(client.Events[0].Message, Is.EqualTo("Mode NOMINAL -> SAFE"));
        Assert.That(client.Events[0].Time, Is.EqualTo(time));
        Assert.That(client.Latest("MODE_CURRENT")!.Value.Value, Is.EqualTo("SAFE"));
    }

    private GroundClient Connect() =>
        GroundClient.ConnectTcp("127.0.0.1", _server.EndPoint.Port, new GroundClientOptions { Keys = new KeyRing([Key]) });
}
