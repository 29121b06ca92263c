using FlightSw.Core.Commands;
using FlightSw.Core.Events;
using FlightSw.Link.Messages;
using FlightSw.Link.Packets;
using FlightSw.Link.Security;
using FlightSw.Link.Service;

namespace FlightSw.Link.Tests.Service;

public class LinkServiceTests
{
    private static readonly LinkKey Key = new(1, Enumerable.Range(0, 32).Select(i => (byte)i).ToArray());

    [Test]
    public void Attach_NewGround_GetsTheLinkStatusFirst()
    {
        using var service = Service();
        service.SetDictionary("<SpaceSystem/>"u8.ToArray());
        using var ground = new LoopbackGround(service, Key);

        Assert.That(ground.WaitFor(() => ground.Received.Count > 0));
        var first = ground.Received[0];
        var status = LinkStatusReport.Decode(first.ApplicationData.Span);
        Assert.Multiple(() =>
        {
            Assert.That((first.Secondary.Service, first.Secondary.Subtype), Is.EqualTo((LinkServices.Link, LinkServices.LinkStatus)));
            Assert.That(status.Node, Is.EqualTo("node-under-test"));
            Assert.That(status.DevelopmentMode, Is.False);
            Assert.That(status.DictionarySha256, Is.EqualTo(System.Security.Cryptography.SHA256.HashData("<SpaceSystem/>"u8)));
        });
    }

    [Test]
    public void OnFrame_SignedFlightCommand_QueuedForTheFlightThreadAndAccepted()
    {
        using var service = Service();
        using var ground = new LoopbackGround(service, Key);

        ground.Send(ground.Command("PRM_SET", "X", "1.5"));

        Assert.That(ground.WaitFor(() => ground.Acks.Any()), "no acceptance");
        Assert.Multiple(() =>
        {
            Assert.That(service.TryTakeCommand(out var command), Is.True);
            Assert.That(command.Request.Command, Is.EqualTo("PRM_SET"));
            Assert.That(command.Request.Arguments, Is.EqualTo(new[] { "X", "1.5" }));
            Assert.That(ground.Acks.Single().Subtype, Is.EqualTo(LinkServices.AcceptSuccess));
            Assert.That(service.Counters.TelecommandsAccepted, Is.EqualTo(1));
        });
    }

    [Test]
    public void Complete_CommandRan_CompletionAcknowledgedWithTheSameRequest()
    {
        using var service = Service();
        using var ground = new LoopbackGround(service, Key);
        ground.Send(ground.Command("CMD_NOOP"));
        Assert.That(ground.WaitFor(() => ground.Acks.Any()));
        service.TryTakeCommand(out var command);

        service.Complete(command, new CommandResponse("CMD_NOOP", CommandStatus.Failed, "it broke"));

        Assert.That(ground.WaitFor(() => ground.Acks.Count() == 2));
        var completion = ground.Acks.Last();
        Assert.Multiple(() =>
        {
            Assert.That(completion.Subtype, Is.EqualTo(LinkServices.CompleteFailure));
            Assert.That(completion.Code, Is.EqualTo((byte)CommandStatus.Failed));
            Assert.That(completion.Message, Is.EqualTo("it broke"));
            Assert.That(completion.RequestId, Is.EqualTo(ground.Acks.First().RequestId));
            Assert.That(completion.Sequence, Is.EqualTo(ground.Acks.First().Sequence));
        });
    }

    [TestCase(LinkRefusal.BadMac)]
    [TestCase(LinkRefusal.Replayed)]
    [TestCase(LinkRefusal.DevelopmentKeyRefused)]
    [TestCase(LinkRefusal.UnknownKey)]
    public void OnFrame_BadTelecommand_RefusedWithAReasonNoticeAndNotQueued(LinkRefusal expected)
    {
        using var service = Service();
        var key = expected switch
        {
            LinkRefusal.BadMac => new LinkKey(1, new byte[32]),
            LinkRefusal.DevelopmentKeyRefused => null,
            LinkRefusal.UnknownKey => new LinkKey(9, Key.Secret),
            _ => Key,
        };
        using var ground = new LoopbackGround(service, key);
        byte[] packet = ground.Command("CMD_NOOP");
        if (expected == LinkRefusal.Replayed)
        {
            ground.Send(packet);
            Assert.That(ground.WaitFor(() => ground.Acks.Any()));
            service.TryTakeCommand(out _);
        }

        ground.Send(packet);

        Assert.That(ground.WaitFor(() => ground.Acks.Any(a => a.IsFailure)), "no refusal");
        var refusal = ground.Acks.Single(a => a.IsFailure);
        Assert.Multiple(() =>
        {
            Assert.That(refusal.Subtype, Is.EqualTo(LinkServices.AcceptFailure));
            Assert.That((LinkRefusal)refusal.Code, Is.EqualTo(expected));
            Assert.That(refusal.Message, Is.Not.Empty);
            Assert.That(service.TryTakeCommand(out _), Is.False);
            Assert.That(service.TryTakeRefusal(out var notice), Is.True);
            Assert.That(notice.Reason, Is.EqualTo(expected));
            Assert.That(service.Counters.TelecommandsRefused(expected), Is.EqualTo(1));
        });
    }

    [Test]
    public void OnFrame_InboxFull_RefusedAsInboxFull()
    {
        using var service = new LinkService(Options() with { InboxCapacity = 2 });
        using var ground = new LoopbackGround(service, Key);

        for (int i = 0; i < 3; i++)
        {
            ground.Send(ground.Command("CMD_NOOP"));
        }

        Assert.That(ground.WaitFor(() => ground.Acks.Count() == 3));
        Assert.That(ground.Acks.Select(a => (LinkRefusal)a.Code), Is.EqualTo(new[] { LinkRefusal.None, LinkRefusal.None, LinkRefusal.InboxFull }));
    }

    [Test]
    public void OnFrame_RefusalsWhileNobodyReportsThem_KeptUpToTheCapacityAndTheRestCounted()
    {
        using var service = Service();
        using var ground = new LoopbackGround(service, new LinkKey(1, new byte[32]));
        int sent = LinkService.RefusalNoticeCapacity + 44;

        for (int i = 0; i < sent; i++)
        {
            ground.Send(ground.Command("CMD_NOOP"));
        }

        Assert.That(ground.WaitFor(() => service.Counters.TelecommandsRefused(LinkRefusal.BadMac) == sent));
        int kept = 0;
        while (service.TryTakeRefusal(out _))
        {
            kept++;
        }

        Assert.Multiple(() =>
        {
            Assert.That(kept, Is.EqualTo(LinkService.RefusalNoticeCapacity));
            Assert.That(service.TakeUnreportedRefusals(), Is.EqualTo(44));
        });
    }

    [Test]
    public void Attach_MoreGroundsThanAllowed_TurnedAwayAndCounted()
    {
        using var service = new LinkService(Options() with { MaxConnections = 1 });
        using var first = new LoopbackGround(service, Key);
        using var second = new LoopbackGround(service, Key);

        Assert.Multiple(() =>
        {
            Assert.That(service.Connections, Has.Count.EqualTo(1));
            Assert.That(service.ConnectionsRefused, Is.EqualTo(1));
        });
    }

    [Test]
    public void OnFrame_SimulationControlOnANodeThatDoesNotServeIt_Refused()
    {
        using var service = Service();
        using var ground = new LoopbackGround(service, Key);

        ground.Send(ground.Signer.Sign(LinkApids.SimControl, LinkServices.SimControl, LinkServices.RunFor, new byte[8], out _, out _));

        Assert.That(ground.WaitFor(() => ground.Acks.Any()));
        Assert.Multiple(() =>
        {
            Assert.That((LinkRefusal)ground.Acks.Single().Code, Is.EqualTo(LinkRefusal.UnknownApid));
            Assert.That(ground.Acks.Single().Message, Does.Contain("--ground-clock"));
        });
    }

    [Test]
    public void OnFrame_DumpDictionary_SendsTheDocumentInSegments()
    {
        using var service = Service();
        byte[] document = new byte[2500];
        new Random(3).NextBytes(document);
        service.SetDictionary(document);
        using var ground = new LoopbackGround(service, Key);

        ground.Send(ground.Signer.Sign(LinkApids.Flight, LinkServices.Link, LinkServices.DumpDictionary, [], out _, out _));

        Assert.That(ground.WaitFor(() => ground.Acks.Any(a => a.Subtype == LinkServices.CompleteSuccess)));
        var segments = ground.Received.Where(p => p.Secondary.Service == LinkServices.Link && p.Secondary.Subtype == LinkServices.DictionarySegment).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(segments, Has.Count.EqualTo(3));
            Assert.That(segments.Select(s => s.Header.Flags), Is.EqualTo(new[] { SequenceFlags.First, SequenceFlags.Continuation, SequenceFlags.Last }));
        });
    }

    [Test]
    public void PublishEvent_NoGroundConnected_KeptAndDeliveredToTheFirstGround()
    {
        using var service = Service();
        var record = new EventRecord(1, DateTimeOffset.UnixEpoch, 0x0601, "BOOT", EventSeverity.ActivityHigh, "boot", [new("cause", "PowerOn")], "Boot 1 (PowerOn)");

        service.PublishEvent(record);
        using var ground = new LoopbackGround(service, Key);

        Assert.That(ground.WaitFor(() => ground.Received.Any(p => p.Secondary.Service == LinkServices.EventReporting)));
        var report = ground.Received.Single(p => p.Secondary.Service == LinkServices.EventReporting);
        Assert.That(EventReportCodec.Decode(report.ApplicationData.Span, report.Secondary.Time).Name, Is.EqualTo("BOOT"));
    }

    private static LinkService Service() => new(Options());

    private static LinkServiceOptions Options() => new()
    {
        NodeName = "node-under-test",
        BoardName = "test",
        BoardTime = TimeProvider.System,
        Keys = new KeyRing([Key]),
    };
}
