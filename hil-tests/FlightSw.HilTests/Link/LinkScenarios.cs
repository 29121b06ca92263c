using System.Net.Sockets;
using FlightSw.Core.Commands;
using FlightSw.Core.Modes;
using FlightSw.Ground;
using FlightSw.HilTests.Scenarios;
using FlightSw.HilTests.Targets;
using FlightSw.Link.Security;

namespace FlightSw.HilTests.Link;

/// <summary>
/// The node's link under attack and under load, driven from outside like any ground station:
/// malformed frames, wrong keys, replays, the development key, and a ground that stops reading.
/// Runs against targets reached over the link (process, remote).
/// </summary>
public sealed class LinkScenarios : ScenarioBase
{
    private const int FuzzFrames = 10_000;

    [Test]
    public void Fuzz_TenThousandMalformedFramesOverTcp_EveryOneRefusedAndCountedAndTheNodeFliesOn()
    {
        var target = RequireLinkTarget();
        var fuzzKey = SpareKey(target);
        ulong refusedBefore = Refused();
        uint completedBefore = Completed();
        long ticksBefore = Updates("SCHED_TICKS");
        var fuzzer = new LinkFrameFuzzer(seed: 2026, fuzzKey, FirstSequence(target, fuzzKey));
        int bootsBefore = EventsNamed("BOOT").Count();

        using (var raw = new TcpClient(target.LinkEndpoint.Host, target.LinkEndpoint.Port))
        {
            // This ground never reads what the node sends back: the node must not care.
            var stream = raw.GetStream();
            stream.Write(fuzzer.ValidToReplay());
            for (int i = 0; i < FuzzFrames; i++)
            {
                stream.Write(fuzzer.Next());
            }

            stream.Flush();
            Assert.That(
                Target.WaitFor(() => Refused() - refusedBefore >= FuzzFrames, TimeSpan.FromMinutes(5)),
                $"only {Refused() - refusedBefore} of {FuzzFrames} frames were counted as refused");
        }

        Target.Wait(TimeSpan.FromSeconds(2));
        TestContext.Out.WriteLine($"Frames sent by kind: {string.Join(", ", fuzzer.Kinds.OrderBy(k => k.Key).Select(k => $"{k.Key} {k.Value}"))}");
        TestContext.Out.WriteLine($"Refused by reason: {string.Join(", ", ReasonChannels().Select(c => $"{c} {Value(c)}"))}");
        var noop = Target.Send("CMD_NOOP");

        Assert.Multiple(() =>
        {
            Assert.That(Refused() - refusedBefore, Is.EqualTo((ulong)FuzzFrames), "every malformed frame is refused exactly once, with a counted reason");
            Assert.That(Completed() - completedBefore, Is.EqualTo(2u), "only the one valid command (and the NOOP after the storm) ran");
            Assert.That(EventsNamed("LINK_TC_REFUSED"), Is.Not.Empty, "refusals are reported as events");
            Assert.That(EventsNamed("LINK_FRAMES_REFUSED"), Is.Not.Empty, "damaged frames are reported as events");
            Assert.That(noop.Succeeded, noop.Message);
            Assert.That(Updates("SCHED_TICKS"), Is.GreaterThan(ticksBefore), "still cycling");
            Assert.That(Value("MODE"), Is.EqualTo(nameof(FlightMode.Nominal)));
            Assert.That(EventsNamed("BOOT").Count(), Is.EqualTo(bootsBefore), "the storm reset nothing");
        });
    }

    [Test]
    public void Command_SignedWithTheWrongSecret_RefusedWithAnEventAndNotRun()
    {
        var target = RequireLinkTarget();
        var honest = target.Keys.Keys[0];
        var forged = new byte[32];
        Random.Shared.NextBytes(forged);
        using var impostor = GroundClient.ConnectTcp(target.LinkEndpoint.Host, target.LinkEndpoint.Port, new GroundClientOptions
        {
            Keys = new KeyRing([new LinkKey(honest.Id, forged)]),
            Dictionary = target.Client.Dictionary,
        });

        var response = impostor.Send("MODE_SET", "SAFE");
        Target.Wait(TimeSpan.FromSeconds(1));

        Assert.Multiple(() =>
        {
            Assert.That(response.Status, Is.EqualTo(CommandStatus.Rejected));
            Assert.That(response.Message, Does.Contain(nameof(LinkRefusal.BadMac)));
            Assert.That(EventsNamed("LINK_TC_REFUSED").Select(e => e["reason"]), Does.Contain(nameof(LinkRefusal.BadMac)));
            Assert.That(Value("MODE"), Is.EqualTo(nameof(FlightMode.Nominal)), "the forged command did not run");
        });
    }

    [Test]
    public void Command_Replayed_RefusedAsAReplayAndRunOnce()
    {
        var target = RequireLinkTarget();
        var spare = SpareKey(target);
        var fuzzer = new LinkFrameFuzzer(seed: 7, spare, FirstSequence(target, spare));
        uint completedBefore = Completed();
        ulong replayedBefore = Counter("LINK_TC_REPLAYED");
        byte[] frame = fuzzer.ValidToReplay();

        using (var raw = new TcpClient(target.LinkEndpoint.Host, target.LinkEndpoint.Port))
        {
            raw.GetStream().Write(frame);
            Target.Wait(TimeSpan.FromSeconds(1));
            raw.GetStream().Write(frame);
            Assert.That(Target.WaitFor(() => Counter("LINK_TC_REPLAYED") > replayedBefore, TimeSpan.FromSeconds(30)), "the replay was not counted");
        }

        Target.Wait(TimeSpan.FromSeconds(1));
        Assert.Multiple(() =>
        {
            Assert.That(Completed() - completedBefore, Is.EqualTo(1u), "run once");
            Assert.That(Counter("LINK_TC_REPLAYED") - replayedBefore, Is.EqualTo(1ul));
            Assert.That(EventsNamed("LINK_TC_REFUSED").Select(e => e["reason"]), Does.Contain(nameof(LinkRefusal.Replayed)));
        });
    }

    [Test]
    public void Command_WithTheDevelopmentKey_RefusedByANodeNotInDevelopmentMode()
    {
        var target = RequireLinkTarget();
        using var unsigned = GroundClient.ConnectTcp(target.LinkEndpoint.Host, target.LinkEndpoint.Port, new GroundClientOptions
        {
            Keys = KeyRing.Empty,
            Dictionary = target.Client.Dictionary,
        });

        var response = unsigned.Send("CMD_NOOP");

        Assert.Multiple(() =>
        {
            Assert.That(unsigned.Status.DevelopmentMode, Is.False);
            Assert.That(response.Status, Is.EqualTo(CommandStatus.Rejected));
            Assert.That(response.Message, Does.Contain(nameof(LinkRefusal.DevelopmentKeyRefused)));
        });
    }

    [Test]
    public void Ground_ThatStopsReading_NodeKeepsCyclingDropsHousekeepingAndAnswersOthers()
    {
        var target = RequireLinkTarget();
        using var stalled = new TcpClient(target.LinkEndpoint.Host, target.LinkEndpoint.Port) { ReceiveBufferSize = 4096 };
        long ticksBefore = Updates("SCHED_TICKS");

        Target.Wait(TimeSpan.FromHours(2));
        var noop = Target.Send("CMD_NOOP");

        Assert.Multiple(() =>
        {
            Assert.That(Updates("SCHED_TICKS") - ticksBefore, Is.GreaterThanOrEqualTo(72_000), "two hours of 10 Hz cycles: the scheduler never waited for the ground");
            Assert.That(Counter("LINK_TM_DROPPED_HK"), Is.GreaterThan(0ul), "housekeeping for the stalled ground was dropped and counted");
            Assert.That(Counter("LINK_TM_DROPPED_ACKS"), Is.Zero, "nothing that matters more was dropped");
            Assert.That(EventsNamed("LINK_TM_DROPPED"), Is.Not.Empty);
            Assert.That(noop.Succeeded, "the other ground is still answered");
        });
    }

    private LinkTarget RequireLinkTarget()
    {
        if (Target is not LinkTarget link)
        {
            Assert.Ignore($"Target {Target.Name} has no link to attack; these scenarios run against FLIGHTSW_TARGET=process (CI) or remote:HOST:PORT.");
            throw new InvalidOperationException();
        }

        return link;
    }

    // Above what the node accepted for the key, so the scenarios pass again on a board that ran them before.
    private static ulong FirstSequence(LinkTarget target, LinkKey key) =>
        target.Client.Status.HighestSequences.Where(p => p.Key == key.Id).Select(p => p.Value).DefaultIfEmpty(0ul).Max() + 1;

    private static LinkKey SpareKey(LinkTarget target)
    {
        if (target.Keys.Keys.Count < 2)
        {
            Assert.Ignore("Fuzzing needs a second key, which moves its own replay window; give the node and $FLIGHTSW_KEY_FILE two keys.");
        }

        return target.Keys.Keys[1];
    }

    private ulong Refused() => Counter("LINK_FRAMES_REFUSED") + Counter("LINK_TC_REFUSED");

    // A counter never written yet reads as zero.
    private ulong Counter(string channel) => Value(channel) is ulong count ? count : 0;

    private uint Completed() => Value("CMD_COMPLETED") is uint count ? count : 0;

    private IEnumerable<string> ReasonChannels() =>
        ((LinkTarget)Target).Client.Dictionary.Channels.Select(c => c.Name).Where(n => n.StartsWith("LINK_RX_", StringComparison.Ordinal) || (n.StartsWith("LINK_TC_", StringComparison.Ordinal) && n is not ("LINK_TC_ACCEPTED" or "LINK_TC_REFUSED" or "LINK_TC_SEQ")));
}
