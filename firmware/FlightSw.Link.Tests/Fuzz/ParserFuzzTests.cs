using FlightSw.Core.Commands;
using FlightSw.Link.Framing;
using FlightSw.Link.Messages;
using FlightSw.Link.Packets;
using FlightSw.Link.Security;

namespace FlightSw.Link.Tests.Fuzz;

/// <summary>
/// Feeds damaged frames through what the node runs on every uplinked byte: the frame decoder,
/// the telecommand verifier and the flight command codec. Nothing may throw, nothing damaged may
/// be accepted, every frame that carried a sync marker is refused for a counted reason, and the
/// link still works afterwards.
/// </summary>
public class ParserFuzzTests
{
    private const int StormFrames = 1_000_000;
    private const ulong ReplaySequences = 500;
    private const ulong FreshSequences = 1_000_000;

    private static readonly LinkKey KeyOne = new(1, Enumerable.Range(0, 32).Select(i => (byte)(i * 3 + 1)).ToArray());
    private static readonly LinkKey KeyTwo = new(2, Enumerable.Range(0, 32).Select(i => (byte)(255 - i)).ToArray());
    private static readonly string[] Names = ["NOOP", "PRM_SET", "MODE_SET", "SCRUB_NOW", "INF_RUN", "X"];

    [Test]
    public void Storm_OneMillionMutatedFrames_NoneAcceptedEveryOneRefusedForACountedReasonLinkStillWorks()
    {
        var random = new Random(7);
        var verifier = new TelecommandVerifier(new KeyRing([KeyOne, KeyTwo]), developmentMode: false, _ => 0);

        // Commands accepted before the storm, replayed during it (Replayed), and commands signed
        // long ago, below the window (OutsideWindow); both carry valid MACs.
        var replaySigner = new TelecommandSigner(KeyOne, ReplaySequences);
        byte[][] replays = [.. Enumerable.Range(0, 32).Select(_ => SignFrame(replaySigner, RandomCommand(random)))];
        foreach (byte[] frame in replays)
        {
            Assert.That(verifier.Verify(frame.AsSpan(FrameEncoder.SyncMarkerLength), out _, out _), Is.EqualTo(LinkRefusal.None));
        }

        var staleSigner = new TelecommandSigner(KeyOne, 1);
        byte[][] stale = [.. Enumerable.Range(0, 16).Select(_ => SignFrame(staleSigner, RandomCommand(random)))];

        // Fresh, never-accepted commands of both keys: the mutator's raw material.
        var freshOne = new TelecommandSigner(KeyOne, FreshSequences);
        var freshTwo = new TelecommandSigner(KeyTwo, FreshSequences);
        byte[][] fresh = [.. Enumerable.Range(0, 512).Select(i => SignFrame(i % 4 == 3 ? freshTwo : freshOne, RandomCommand(random)))];

        var mutator = new FrameMutator(seed: 20_240_601);
        var decoder = new FrameDecoder();
        var tally = new StormTally();
        var frames = new List<DecodedFrame>();
        long framesWithMarker = 0;
        long started = TimeProvider.System.GetTimestamp();

        for (int i = 0; i < StormFrames; i++)
        {
            int pick = random.Next(100);
            byte[] frame = pick < 3 ? replays[random.Next(replays.Length)]
                : pick < 5 ? stale[random.Next(stale.Length)]
                : mutator.Mutate(fresh[random.Next(fresh.Length)]);
            bool hasMarker = FrameMutator.HasMarker(frame);
            if (hasMarker)
            {
                framesWithMarker++;
            }

            decoder.Push(frame, frames);
            decoder.Expire(frames);
            if (frames.Count != (hasMarker ? 1 : 0))
            {
                tally.OutcomeCountMismatches++;
            }

            foreach (var decoded in frames)
            {
                tally.Take(decoded, verifier);
            }

            frames.Clear();

            // The command codec sees damaged application data directly too (as if unauthenticated).
            int commandEnd = frame.Length - SpacePacket.TrailerLength - TelecommandLayout.MacLength;
            int commandStart = FrameEncoder.SyncMarkerLength + TelecommandLayout.ApplicationDataOffset;
            if (commandEnd > commandStart)
            {
                tally.CodecAccepted += FlightCommandCodec.TryDecode(frame.AsSpan(commandStart, commandEnd - commandStart), out _, out _) ? 1 : 0;
            }
        }

        var elapsed = TimeProvider.System.GetElapsedTime(started);
        TestContext.Out.WriteLine($"{StormFrames:N0} frames in {elapsed.TotalSeconds:F1} s; {framesWithMarker:N0} carried a sync marker; {decoder.NoiseBytes:N0} noise bytes");
        TestContext.Out.WriteLine(tally.Report());
        foreach (var mutation in Enum.GetValues<FrameMutation>())
        {
            TestContext.Out.WriteLine($"  {mutation}: {mutator.Count(mutation):N0}");
        }

        Assert.Multiple(() =>
        {
            Assert.That(tally.Accepted, Is.Zero, "a damaged, replayed or stale command was accepted");
            Assert.That(tally.TotalRefusals, Is.EqualTo(framesWithMarker), "every frame with a sync marker is refused once, for a counted reason");
            Assert.That(tally.OutcomeCountMismatches, Is.Zero, "a frame gave more or fewer outcomes than sync markers");
            Assert.That(tally.EmptyReasons, Is.Zero, "every telecommand refusal gives the operator a reason");
            Assert.That(decoder.FramesAccepted + decoder.FramesRefused, Is.EqualTo(framesWithMarker));
            Assert.That(decoder.HasPartialFrame, Is.False);
            Assert.That(tally.Telecommand(LinkRefusal.Replayed), Is.GreaterThan(0));
            Assert.That(tally.Telecommand(LinkRefusal.OutsideWindow), Is.GreaterThan(0));
            Assert.That(tally.Telecommand(LinkRefusal.BadMac), Is.GreaterThan(0));
            Assert.That(tally.Telecommand(LinkRefusal.UnknownKey), Is.GreaterThan(0));
            Assert.That(tally.Telecommand(LinkRefusal.DevelopmentKeyRefused), Is.GreaterThan(0));
            Assert.That(tally.Telecommand(LinkRefusal.Unauthenticated), Is.GreaterThan(0));
            Assert.That(tally.Telecommand(LinkRefusal.UnknownApid), Is.GreaterThan(0));
            Assert.That(tally.Telecommand(LinkRefusal.NotTelecommand), Is.GreaterThan(0));
            Assert.That(tally.Telecommand(LinkRefusal.MalformedHeader), Is.GreaterThan(0));
            foreach (var reason in new[] { PacketRefusal.Truncated, PacketRefusal.Oversized, PacketRefusal.BadVersion, PacketRefusal.NoTrailer, PacketRefusal.BadCrc })
            {
                Assert.That(tally.Frame(reason), Is.GreaterThan(0), reason.ToString());
            }
        });

        // After the storm the same decoder and verifier take a good command.
        var request = CommandRequest.Of("PRM_SET", "scrub.period", "2.5");
        byte[] good = SignFrame(new TelecommandSigner(KeyOne, FreshSequences + 100), request);
        decoder.Push(good, frames);
        Assert.That(frames.Single().IsAccepted, Is.True);
        Assert.That(verifier.Verify(frames[0].Packet, out var command, out string why), Is.EqualTo(LinkRefusal.None), why);
        Assert.That(FlightCommandCodec.TryDecode(command.ApplicationData.Span, out var decodedRequest, out string codecReason), Is.True, codecReason);
        Assert.That(decodedRequest.Command, Is.EqualTo(request.Command));
        Assert.That(decodedRequest.Arguments, Is.EqualTo(request.Arguments));
    }

    [Test]
    public void Stream_MutatedFramesBetweenGoodOnesInRandomChunks_EveryGoodCommandRecovered()
    {
        var random = new Random(11);
        var verifier = new TelecommandVerifier(new KeyRing([KeyOne]), developmentMode: false, _ => 0);
        var signer = new TelecommandSigner(KeyOne, 1);
        var fresh = Enumerable.Range(0, 64).Select(_ => SignFrame(new TelecommandSigner(KeyOne, 1UL << 40), RandomCommand(random))).ToArray();
        var mutator = new FrameMutator(seed: 5);
        var stream = new MemoryStream();
        var sent = new List<CommandRequest>();
        for (int i = 0; i < 20_000; i++)
        {
            if (random.Next(4) == 0)
            {
                var request = RandomCommand(random);
                sent.Add(request);
                stream.Write(SignFrame(signer, request));
            }
            else
            {
                stream.Write(mutator.Mutate(fresh[random.Next(fresh.Length)]));
            }
        }

        var decoder = new FrameDecoder();
        var frames = new List<DecodedFrame>();
        var received = new List<CommandRequest>();
        byte[] bytes = stream.ToArray();
        for (int at = 0; at < bytes.Length;)
        {
            int chunk = Math.Min(random.Next(1, 700), bytes.Length - at);
            decoder.Push(bytes.AsSpan(at, chunk), frames);
            at += chunk;
            Collect(frames, verifier, received);
        }

        decoder.Expire(frames);
        Collect(frames, verifier, received);

        Assert.That(received.Select(r => r.Command), Is.EqualTo(sent.Select(r => r.Command)));
        Assert.That(received.Select(r => string.Join(' ', r.Arguments)), Is.EqualTo(sent.Select(r => string.Join(' ', r.Arguments))));
    }

    [Test]
    public void Valid_TenThousandCommands_SignVerifyAndDecodeCleanly()
    {
        var random = new Random(3);
        var signer = new TelecommandSigner(KeyTwo, 1);
        var verifier = new TelecommandVerifier(new KeyRing([KeyOne, KeyTwo]), developmentMode: false, _ => 0);
        var decoder = new FrameDecoder();
        var frames = new List<DecodedFrame>();

        for (int i = 0; i < 10_000; i++)
        {
            var request = RandomCommand(random);
            decoder.Push(SignFrame(signer, request), frames);
            Assert.That(frames, Has.Count.EqualTo(1));
            Assert.That(verifier.Verify(frames[0].Packet, out var command, out string reason), Is.EqualTo(LinkRefusal.None), reason);
            Assert.That(command.Sequence, Is.EqualTo((ulong)i + 1));
            Assert.That(FlightCommandCodec.TryDecode(command.ApplicationData.Span, out var decoded, out reason), Is.True, reason);
            Assert.That(decoded.Command, Is.EqualTo(request.Command));
            Assert.That(decoded.Arguments, Is.EqualTo(request.Arguments));
            frames.Clear();
        }

        Assert.That(decoder.NoiseBytes, Is.Zero);
        Assert.That(verifier.HighestSequences[1].Value, Is.EqualTo(10_000UL));
    }

    [Test]
    public void Mutate_SameSeed_SameFrames()
    {
        byte[] frame = SignFrame(new TelecommandSigner(KeyOne, 1), CommandRequest.Of("NOOP"));
        var first = new FrameMutator(42);
        var second = new FrameMutator(42);
        for (int i = 0; i < 1000; i++)
        {
            Assert.That(second.Mutate(frame), Is.EqualTo(first.Mutate(frame)));
        }
    }

    private static void Collect(List<DecodedFrame> frames, TelecommandVerifier verifier, List<CommandRequest> received)
    {
        foreach (var frame in frames)
        {
            if (frame.Packet is { } packet && verifier.Verify(packet, out var command, out _) == LinkRefusal.None
                && FlightCommandCodec.TryDecode(command.ApplicationData.Span, out var request, out _))
            {
                received.Add(request);
            }
        }

        frames.Clear();
    }

    private static byte[] SignFrame(TelecommandSigner signer, CommandRequest request) =>
        FrameEncoder.Frame(signer.Sign(LinkApids.Flight, LinkServices.FunctionManagement, LinkServices.PerformFunction, FlightCommandCodec.Encode(request), out _, out _));

    private static CommandRequest RandomCommand(Random random)
    {
        var arguments = new string[random.Next(4)];
        for (int i = 0; i < arguments.Length; i++)
        {
            arguments[i] = random.Next(3) switch
            {
                0 => random.Next(-1000, 1000).ToString(System.Globalization.CultureInfo.InvariantCulture),
                1 => (random.NextDouble() * 100).ToString("R", System.Globalization.CultureInfo.InvariantCulture),
                _ => new string('a', random.Next(0, 40)),
            };
        }

        return new CommandRequest(Names[random.Next(Names.Length)], arguments);
    }

    private sealed class StormTally
    {
        private readonly long[] _frame = new long[Enum.GetValues<PacketRefusal>().Length];
        private readonly long[] _telecommand = new long[Enum.GetValues<LinkRefusal>().Length];

        public long Accepted { get; private set; }

        public long MalformedCommands { get; private set; }

        public long EmptyReasons { get; private set; }

        public long OutcomeCountMismatches { get; set; }

        public long CodecAccepted { get; set; }

        public long TotalRefusals => _frame.Sum() + _telecommand.Sum() + MalformedCommands;

        public long Frame(PacketRefusal reason) => _frame[(int)reason];

        public long Telecommand(LinkRefusal reason) => _telecommand[(int)reason];

        public void Take(DecodedFrame decoded, TelecommandVerifier verifier)
        {
            if (decoded.Refusal is { } frameRefusal)
            {
                _frame[(int)frameRefusal]++;
                return;
            }

            var refusal = verifier.Verify(decoded.Packet, out var command, out string reason);
            if (refusal != LinkRefusal.None)
            {
                _telecommand[(int)refusal]++;
                EmptyReasons += reason.Length == 0 ? 1 : 0;
                return;
            }

            if (!FlightCommandCodec.TryDecode(command.ApplicationData.Span, out _, out _))
            {
                MalformedCommands++;
                return;
            }

            Accepted++;
        }

        public string Report() =>
            "frame refusals: " + string.Join(", ", Enum.GetValues<PacketRefusal>().Where(r => _frame[(int)r] > 0).Select(r => $"{r} {_frame[(int)r]:N0}")) + "\n" +
            "telecommand refusals: " + string.Join(", ", Enum.GetValues<LinkRefusal>().Where(r => _telecommand[(int)r] > 0).Select(r => $"{r} {_telecommand[(int)r]:N0}")) + "\n" +
            $"malformed commands: {MalformedCommands:N0}; accepted: {Accepted:N0}; codec fed directly accepted {CodecAccepted:N0}";
    }
}
