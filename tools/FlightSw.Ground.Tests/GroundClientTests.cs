using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using FlightSw.Core.Commands;
using FlightSw.Core.Events;
using FlightSw.Core.Telemetry;
using FlightSw.Ground.Tests.Fixtures;
using FlightSw.Link.Framing;
using FlightSw.Link.Messages;
using FlightSw.Link.Packets;
using FlightSw.Link.Security;

namespace FlightSw.Ground.Tests;

[TestFixture]
[CancelAfter(60_000)]
public class GroundClientTests
{
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(400);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private static readonly LinkKey KeyOne = new(1, Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    [Test]
    public void ConnectTcp_NodeGreets_StatusAndFetchedDictionaryAvailable()
    {
        using var node = new ScriptedNode();
        using var client = Connect(node);

        Assert.That(client.IsConnected, Is.True);
        Assert.That(client.Status.Node, Is.EqualTo("scripted-node"));
        Assert.That(client.Status.Board, Is.EqualTo("scripted-board"));
        Assert.That(client.Dictionary, Is.EqualTo(node.Dictionary));
        Assert.That(node.Received.Select(t => (t.Secondary.Service, t.Secondary.Subtype)), Is.EqualTo(new[] { (LinkServices.Link, LinkServices.DumpDictionary) }));
    }

    [Test]
    public void ConnectTcp_DictionaryGiven_DoesNotFetchIt()
    {
        using var node = new ScriptedNode();
        using var client = Connect(node, new GroundClientOptions { Dictionary = TestDictionary.Create() });

        Assert.That(client.Dictionary.NodeName, Is.EqualTo("scripted-node"));
        Assert.That(node.Received, Is.Empty);
    }

    [Test]
    public void ConnectTcp_NoHello_TimeoutNamesTheHello()
    {
        using var node = new ScriptedNode { SendsHello = false };

        var ex = Assert.Throws<TimeoutException>(() => Connect(node, new GroundClientOptions { ConnectTimeout = Short }));

        Assert.That(ex!.Message, Does.Contain("hello").And.Contain($"127.0.0.1:{node.Port}"));
    }

    [Test]
    public void ConnectTcp_DictionaryNeverSent_TimeoutNamesTheDictionary()
    {
        using var node = new ScriptedNode { ServesDictionary = false };

        var ex = Assert.Throws<TimeoutException>(() => Connect(node, new GroundClientOptions { ConnectTimeout = Short }));

        Assert.That(ex!.Message, Does.Contain("dictionary").And.Contain("no segment arrived"));
    }

    [Test]
    public void ConnectTcp_DictionaryNotTheAnnouncedOne_ThrowsInvalidData()
    {
        using var node = new ScriptedNode { AnnouncedSha256 = SHA256.HashData([1, 2, 3]) };

        var ex = Assert.Throws<InvalidDataException>(() => Connect(node));

        Assert.That(ex!.Message, Does.Contain("not the one its link status announced"));
    }

    [Test]
    public void ConnectTcp_DictionaryNotXtce_ThrowsInvalidData()
    {
        using var node = new ScriptedNode { Xtce = "<notXtce/>"u8.ToArray(), AnnouncedSha256 = SHA256.HashData([]) };

        var ex = Assert.Throws<InvalidDataException>(() => Connect(node));

        Assert.That(ex!.Message, Does.Contain("not a valid XTCE document"));
    }

    [Test]
    public void ConnectTcp_DevelopmentKeyOnASecureNode_ThrowsRefusedWithTheReason()
    {
        using var node = new ScriptedNode(keys: new KeyRing([KeyOne]), developmentMode: false);

        var ex = Assert.Throws<TelecommandRefusedException>(() => Connect(node));

        Assert.That(ex!.Refusal, Is.EqualTo(LinkRefusal.DevelopmentKeyRefused));
        Assert.That(ex.Message, Does.Contain("dictionary request").And.Contain("DevelopmentKeyRefused"));
    }

    [Test]
    public void ConnectTcp_NothingListening_ThrowsIOExceptionNamingTheAddress()
    {
        int port = FreePort();

        var ex = Assert.Throws<IOException>(() => GroundClient.ConnectTcp("127.0.0.1", port, new GroundClientOptions { ConnectTimeout = Short }));

        Assert.That(ex!.Message, Does.Contain($"127.0.0.1:{port}"));
    }

    [Test]
    public void ConnectTcp_KeyIdNotInTheRing_ThrowsArgumentExceptionBeforeConnecting()
    {
        var ex = Assert.Throws<ArgumentException>(() => GroundClient.ConnectTcp("127.0.0.1", FreePort(), new GroundClientOptions { Keys = new KeyRing([KeyOne]), KeyId = 7 }));

        Assert.That(ex!.Message, Does.Contain("Key 7").And.Contain("loaded: 1"));
    }

    [Test]
    public void ConnectTcp_NoiseAndDamagedFramesBeforeTheHello_SkippedAndCounted()
    {
        byte[] damaged = FrameEncoder.Frame(new Link.Messages.TelemetryPacketWriter().Write(LinkServices.Test, LinkServices.AliveReport, ScriptedNode.BoardTime, [1, 2, 3]));
        damaged[^1] ^= 0xFF;
        using var node = new ScriptedNode { Preamble = [0x00, 0x55, 0xAA, 0x1A, 0xCF, .. damaged] };

        using var client = Connect(node);

        Assert.That(client.Status.Node, Is.EqualTo("scripted-node"));
        Assert.That(client.Counters.Refused(PacketRefusal.BadCrc), Is.EqualTo(1));
        Assert.That(client.Counters.NoiseBytes, Is.GreaterThanOrEqualTo(3));
    }

    [Test]
    public void Connect_OverAnyStream_CompletesTheHandshake()
    {
        using var node = new ScriptedNode();
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        socket.Connect(IPAddress.Loopback, node.Port);

        using var client = GroundClient.Connect(new NetworkStream(socket, ownsSocket: true), new GroundClientOptions());

        Assert.That(client.Dictionary, Is.EqualTo(node.Dictionary));
    }

    [Test]
    public void Send_NodeCompletes_CompletedWithTheMessage()
    {
        using var node = new ScriptedNode { OnCommand = _ => NodeAnswer.Complete("nothing done") };
        using var client = Connect(node);

        var response = client.Send("CMD_NOOP");

        Assert.That(response, Is.EqualTo(new CommandResponse("CMD_NOOP", CommandStatus.Completed, "nothing done")));
    }

    [Test]
    public void Send_Arguments_ReachTheNodeInOrder()
    {
        using var node = new ScriptedNode();
        using var client = Connect(node);

        client.Send("PRM_SET", "threshold", "-1.5");

        Assert.That(node.Commands.Single().Command, Is.EqualTo("PRM_SET"));
        Assert.That(node.Commands.Single().Arguments, Is.EqualTo(new[] { "threshold", "-1.5" }));
    }

    [Test]
    public void Send_NodeFails_StatusAndMessageOfTheCompletion()
    {
        using var node = new ScriptedNode { OnCommand = _ => NodeAnswer.Fail(CommandStatus.InvalidArguments, "argument 'value' must be a finite number") };
        using var client = Connect(node);

        var reply = client.SendDetailed(CommandRequest.Of("PRM_SET", "x", "nan"));

        Assert.That(reply.Response.Status, Is.EqualTo(CommandStatus.InvalidArguments));
        Assert.That(reply.Response.Message, Is.EqualTo("argument 'value' must be a finite number"));
        Assert.That(reply.Acceptance.Subtype, Is.EqualTo(LinkServices.AcceptSuccess));
        Assert.That(reply.Completion!.Subtype, Is.EqualTo(LinkServices.CompleteFailure));
        Assert.That(reply.Refusal, Is.EqualTo(LinkRefusal.None));
    }

    [Test]
    public void Send_RefusedAtAcceptance_RejectedWithTheRefusalAndReason()
    {
        using var node = new ScriptedNode { OnCommand = _ => NodeAnswer.Refuse(LinkRefusal.InboxFull, "8 telecommands are already waiting") };
        using var client = Connect(node);

        var reply = client.SendDetailed(CommandRequest.Of("CMD_NOOP"));

        Assert.That(reply.Response.Status, Is.EqualTo(CommandStatus.Rejected));
        Assert.That(reply.Response.Message, Is.EqualTo("InboxFull: 8 telecommands are already waiting"));
        Assert.That(reply.Refusal, Is.EqualTo(LinkRefusal.InboxFull));
        Assert.That(reply.Completion, Is.Null);
    }

    [Test]
    public void Send_WrongSecret_RejectedByTheVerifierAsBadMac()
    {
        var nodeKey = new LinkKey(1, Enumerable.Repeat((byte)0x42, 32).ToArray());
        using var node = new ScriptedNode(keys: new KeyRing([nodeKey]), developmentMode: false);
        using var client = Connect(node, new GroundClientOptions { Keys = new KeyRing([KeyOne]), Dictionary = TestDictionary.Create() });

        var response = client.Send("CMD_NOOP");

        Assert.That(response.Status, Is.EqualTo(CommandStatus.Rejected));
        Assert.That(response.Message, Does.StartWith("BadMac: "));
        Assert.That(node.Refusals, Is.EqualTo(new[] { LinkRefusal.BadMac }));
    }

    [Test]
    public void Send_NoAcknowledgement_TimeoutNamesTheCommandAndTheAcceptance()
    {
        using var node = new ScriptedNode { OnCommand = _ => NodeAnswer.Silent() };
        using var client = Connect(node, new GroundClientOptions { CommandTimeout = Short });

        var ex = Assert.Throws<TimeoutException>(() => client.Send("CMD_NOOP"));

        Assert.That(ex!.Message, Does.Contain("acceptance of CMD_NOOP"));
    }

    [Test]
    public void Send_AcceptedButNeverCompleted_TimeoutNamesTheCompletion()
    {
        using var node = new ScriptedNode { OnCommand = _ => NodeAnswer.AcceptOnly() };
        using var client = Connect(node, new GroundClientOptions { CommandTimeout = Short });

        var ex = Assert.Throws<TimeoutException>(() => client.Send("CMD_NOOP"));

        Assert.That(ex!.Message, Does.Contain("completion of CMD_NOOP").And.Contain("accepted"));
    }

    [Test]
    public void Send_FirstCommand_SequenceOneAboveTheHighestInTheHello()
    {
        using var node = new ScriptedNode(keys: new KeyRing([KeyOne]), developmentMode: false, highest: new Dictionary<ushort, ulong> { [1] = 41 });
        using var client = Connect(node, new GroundClientOptions { Keys = new KeyRing([KeyOne]) });

        var reply = client.SendDetailed(CommandRequest.Of("CMD_NOOP"));

        // The dictionary request took 42.
        Assert.That(node.Received[0].Sequence, Is.EqualTo(42UL));
        Assert.That(reply.Sequence, Is.EqualTo(43UL));
        Assert.That(reply.Response.Succeeded, Is.True);
        Assert.That(client.NextSequence, Is.EqualTo(44UL));
    }

    [Test]
    public void Send_LaterStatusReportsAHigherSequence_NextCommandSignedAboveIt()
    {
        using var node = new ScriptedNode();
        using var client = Connect(node);
        var status = node.Status() with { HighestSequences = [new(0, 100)] };

        node.Send(node.Packet(LinkServices.Link, LinkServices.LinkStatus, status.Encode()));
        Assert.That(client.WaitFor(() => client.Status.HighestSequences.Any(p => p.Value == 100), Patience), Is.True);
        var reply = client.SendDetailed(CommandRequest.Of("CMD_NOOP"));

        Assert.That(reply.Sequence, Is.EqualTo(101UL));
        Assert.That(reply.Response.Succeeded, Is.True);
    }

    [Test]
    public void Send_NodeHangsUpWhileWaiting_IOExceptionWithoutWaitingForTheTimeout()
    {
        ScriptedNode? hangingUp = null;
        using var node = new ScriptedNode();
        hangingUp = node;
        node.OnCommand = _ =>
        {
            hangingUp.HangUp();
            return NodeAnswer.Silent();
        };
        // On a clock that never moves the command timeout cannot pass: only the hang-up ends the wait.
        using var client = Connect(node, new GroundClientOptions { CommandTimeout = Patience, Time = new ManualClock() });
        var sending = Task.Run(() => client.Send("CMD_NOOP"));

        Assert.That(() => sending.Wait(Patience), Throws.InstanceOf<AggregateException>().With.InnerException.InstanceOf<IOException>());
        Assert.That(client.IsConnected, Is.False);
        Assert.That(client.CloseReason, Is.Not.Null);
    }

    [Test]
    public void SendRaw_AreYouAlive_AliveReportAndStatusArrive()
    {
        using var node = new ScriptedNode();
        using var client = Connect(node);
        bool alive = false;
        client.PacketReceived += tm => alive |= tm.Secondary is { Service: LinkServices.Test, Subtype: LinkServices.AliveReport };

        ulong sequence = client.SendRaw(LinkApids.Flight, LinkServices.Test, LinkServices.AreYouAlive, []);

        Assert.That(client.WaitFor(() => Volatile.Read(ref alive), Patience), Is.True);
        Assert.That(node.Received.Last().Sequence, Is.EqualTo(sequence));
        Assert.That(client.WaitFor(() => client.Status.HighestSequences.Any(p => p.Value == sequence), Patience), Is.True);
    }

    [Test]
    public void Latest_HousekeepingReport_ValuesTypesAndEnumerationLabel()
    {
        using var node = new ScriptedNode();
        using var client = Connect(node);
        var time = ScriptedNode.BoardTime.AddSeconds(1);

        node.SendHousekeeping([
            new TelemetrySample(TestDictionary.BusVolts, "BRD_BUS_V", 5.05, time, 3),
            new TelemetrySample(TestDictionary.Mode, "MODE_CURRENT", 1, time, 1),
            new TelemetrySample(TestDictionary.Cycles, "SCH_CYCLES", 12u, time, 12),
        ]);

        Assert.That(client.WaitFor(() => client.LatestAll().Count == 3, Patience), Is.True);
        Assert.That(client.Latest("BRD_BUS_V"), Is.EqualTo(new GroundSample(TestDictionary.BusVolts, "BRD_BUS_V", TelemetryType.Float64, 5.05, time, 3)));
        Assert.That(client.Latest("MODE_CURRENT")!.Value.Value, Is.EqualTo("NOMINAL"));
        Assert.That(client.Latest("SCH_CYCLES")!.Value.Value, Is.EqualTo(12u));
        Assert.That(client.Latest("NEVER_WRITTEN"), Is.Null);
    }

    [Test]
    public void Latest_EnumerationValueWithoutLabel_NumberAsText()
    {
        using var node = new ScriptedNode();
        using var client = Connect(node);

        node.SendHousekeeping([new TelemetrySample(TestDictionary.Mode, "MODE_CURRENT", 7, ScriptedNode.BoardTime, 1)]);

        Assert.That(client.WaitFor(() => client.Latest("MODE_CURRENT") is not null, Patience), Is.True);
        Assert.That(client.Latest("MODE_CURRENT")!.Value.Value, Is.EqualTo("7"));
    }

    [Test]
    public void Latest_ChannelNotInTheDictionary_KeyNotFound()
    {
        using var node = new ScriptedNode();
        using var client = Connect(node);

        var ex = Assert.Throws<KeyNotFoundException>(() => client.Latest("NO_SUCH"));

        Assert.That(ex!.Message, Does.Contain("NO_SUCH").And.Contain("scripted-node"));
    }

    [Test]
    public void TelemetryReceived_HousekeepingReport_RaisedPerSampleWithTheName()
    {
        using var node = new ScriptedNode();
        using var client = Connect(node);
        var seen = new List<GroundSample>();
        client.TelemetryReceived += sample =>
        {
            lock (seen)
            {
                seen.Add(sample);
            }
        };

        node.SendHousekeeping([new TelemetrySample(TestDictionary.BusVolts, "BRD_BUS_V", 4.9, ScriptedNode.BoardTime, 1)]);

        Assert.That(client.WaitFor(() => { lock (seen) { return seen.Count == 1; } }, Patience), Is.True);
        Assert.That(seen[0].Name, Is.EqualTo("BRD_BUS_V"));
        Assert.That(seen[0].Value, Is.EqualTo(4.9));
    }

    [Test]
    public void Events_EventReports_DecodedInArrivalOrder()
    {
        using var node = new ScriptedNode();
        using var client = Connect(node);
        var raised = new List<EventRecord>();
        client.EventReceived += record =>
        {
            lock (raised)
            {
                raised.Add(record);
            }
        };
        var first = new EventRecord(1, ScriptedNode.BoardTime, 0x0201, "MODE_CHANGED", EventSeverity.ActivityHigh, "modes", [new("from", "SAFE"), new("to", "NOMINAL")], "Mode SAFE -> NOMINAL");
        var second = first with { Sequence = 2, Severity = EventSeverity.WarningHigh, Arguments = [new("from", "NOMINAL"), new("to", "SAFE")], Message = "Mode NOMINAL -> SAFE" };

        node.SendEvent(first);
        node.SendEvent(second);

        Assert.That(client.WaitFor(() => client.Events.Count == 2, Patience), Is.True);
        var events = client.Events;
        Assert.That(events.Select(e => e.Sequence), Is.EqualTo(new[] { 1UL, 2UL }));
        Assert.That(events[0].Name, Is.EqualTo("MODE_CHANGED"));
        Assert.That(events[0]["to"], Is.EqualTo("NOMINAL"));
        Assert.That(events[1].Severity, Is.EqualTo(EventSeverity.WarningHigh));
        Assert.That(events[1].Message, Is.EqualTo("Mode NOMINAL -> SAFE"));
        Assert.That(client.WaitFor(() => { lock (raised) { return raised.Count == 2; } }, Patience), Is.True);
    }

    [Test]
    public void Receive_GarbageAndDamagedFrames_SkippedCountedAndTheLinkCarriesOn()
    {
        using var node = new ScriptedNode();
        using var client = Connect(node);
        byte[] good = node.Packet(LinkServices.Test, LinkServices.AliveReport, []);
        byte[] damaged = FrameEncoder.Frame(good);
        damaged[^1] ^= 0x01;

        node.SendBytes([0xDE, 0xAD, 0xBE, 0xEF, 0x1A, 0xCF]);
        node.SendBytes(damaged);
        node.SendHousekeeping([new TelemetrySample(TestDictionary.BusVolts, "BRD_BUS_V", 5.0, ScriptedNode.BoardTime, 1)]);

        Assert.That(client.WaitFor(() => client.Latest("BRD_BUS_V") is not null, Patience), Is.True);
        Assert.That(client.Counters.Refused(PacketRefusal.BadCrc), Is.EqualTo(1));
        Assert.That(client.Counters.NoiseBytes, Is.GreaterThanOrEqualTo(4));
        Assert.That(client.Send("CMD_NOOP").Succeeded, Is.True);
    }

    [Test]
    public void Receive_FrameCutShort_GivenUpAsTruncatedAfterTheQuietPeriod()
    {
        using var node = new ScriptedNode();
        using var client = Connect(node);
        byte[] frame = FrameEncoder.Frame(node.Packet(LinkServices.Test, LinkServices.AliveReport, [1, 2, 3, 4]));

        node.SendBytes(frame.AsSpan(0, frame.Length - 3));

        Assert.That(client.WaitFor(() => client.Counters.Refused(PacketRefusal.Truncated) == 1, Patience), Is.True);
        Assert.That(client.Send("CMD_NOOP").Succeeded, Is.True);
    }

    [Test]
    public void Receive_WellFramedButMalformedReport_CountedAsDecodeError()
    {
        using var node = new ScriptedNode();
        using var client = Connect(node);

        node.Send(node.Packet(LinkServices.Housekeeping, LinkServices.HousekeepingReport, [0x00, 0x05, 0x01]));

        Assert.That(client.WaitFor(() => client.Counters.DecodeErrors == 1, Patience), Is.True);
        Assert.That(client.Counters.LastProblem, Does.Contain("TM(3,25)"));
        Assert.That(client.Send("CMD_NOOP").Succeeded, Is.True);
    }

    [Test]
    public void Receive_SubscriberThrows_CountedAndTheLinkCarriesOn()
    {
        using var node = new ScriptedNode();
        using var client = Connect(node);
        client.PacketReceived += _ => throw new InvalidOperationException("subscriber bug");

        Assert.That(client.Send("CMD_NOOP").Succeeded, Is.True);
        Assert.That(client.WaitFor(() => client.Counters.HandlerErrors >= 2, Patience), Is.True);
        Assert.That(client.Counters.LastProblem, Does.Contain("subscriber bug"));
    }

    [Test]
    public void Receive_AcknowledgementOfAnotherGround_CountedAsUnmatched()
    {
        using var node = new ScriptedNode();
        using var client = Connect(node);

        node.Send(node.Packet(LinkServices.Verification, LinkServices.CompleteSuccess, new CommandAck(LinkServices.CompleteSuccess, 0, 9, 1000, 0, "").Encode()));

        Assert.That(client.WaitFor(() => client.Counters.UnmatchedAcknowledgements == 1, Patience), Is.True);
    }

    [Test]
    public void WaitFor_ConditionNeverTrue_FalseAfterTheLimit()
    {
        using var node = new ScriptedNode();
        var clock = new ManualClock();
        using var client = Connect(node, new GroundClientOptions { Time = clock });
        var waiting = Task.Run(() => client.WaitFor(() => false, TimeSpan.FromMilliseconds(200)));

        // Nothing ends the wait while the clock stands; it ends once the limit has passed on it.
        Assert.That(waiting.Wait(TimeSpan.FromMilliseconds(300)), Is.False);
        clock.Advance(TimeSpan.FromMilliseconds(200));

        Assert.That(waiting.Wait(Patience), Is.True);
        Assert.That(waiting.Result, Is.False);
    }

    [Test]
    public void Dispose_OpenLink_PromptClosesAndStopsSending()
    {
        using var node = new ScriptedNode();
        var client = Connect(node);

        client.Dispose();

        Assert.That(client.IsConnected, Is.False);
        Assert.Throws<ObjectDisposedException>(() => client.Send("CMD_NOOP"));
    }

    [Test]
    public void Dispose_WhileAnotherThreadWaitsForAnAcknowledgement_TheWaiterEndsPromptly()
    {
        using var node = new ScriptedNode { OnCommand = _ => NodeAnswer.Silent() };
        // On a clock that never moves the command timeout cannot pass: only the dispose ends the wait.
        var client = Connect(node, new GroundClientOptions { CommandTimeout = Patience, Time = new ManualClock() });
        var sending = Task.Run(() => client.Send("CMD_NOOP"));
        Assert.That(SpinWait.SpinUntil(() => node.Commands.Count == 1, Patience), Is.True);

        client.Dispose();

        Assert.That(() => sending.Wait(Patience), Throws.InstanceOf<AggregateException>().With.InnerException.InstanceOf<IOException>());
    }

    private static GroundClient Connect(ScriptedNode node, GroundClientOptions? options = null) =>
        GroundClient.ConnectTcp("127.0.0.1", node.Port, options ?? new GroundClientOptions());

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
