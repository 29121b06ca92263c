using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using FlightSw.Core.Commands;
using FlightSw.Core.Events;
using FlightSw.Link.Framing;
using FlightSw.Link.Messages;
using FlightSw.Link.Packets;
using FlightSw.Link.Security;

namespace FlightSw.Benchmarks.Link;

/// <summary>
/// Space link protocol throughput on one thread, per packet (each invocation handles
/// <see cref="Batch"/> packets): a flight command encoded, signed (HMAC-SHA256) and framed as the
/// ground does; the same stream deframed, verified (MAC, replay window) and decoded as the node
/// does, read in 4 KiB pieces; both in a row; and an event report (TM 5,x) encoded into a framed
/// telemetry packet and decoded back, as node and ground do. The packets/s column is one over the
/// mean time per packet.
/// </summary>
[Config(typeof(LinkBenchmarkConfig))]
public class LinkBenchmarks
{
    /// <summary>Packets per invocation.</summary>
    public const int Batch = 1000;

    private const int ReadSize = 4096;

    private static readonly LinkKey Key = new(1, Enumerable.Range(0, 32).Select(i => (byte)(i * 7)).ToArray());
    private static readonly KeyRing Ring = new([Key]);
    private static readonly DateTimeOffset Time = DateTimeOffset.UnixEpoch.AddSeconds(1_800_000_000);

    private readonly CommandRequest _request = CommandRequest.Of("PRM_SET", "scrub.period", "2.5");
    private readonly List<DecodedFrame> _frames = new(64);
    private readonly TelemetryPacketWriter _telemetry = new();
    private TelecommandSigner _signer = null!;
    private byte[] _uplink = null!;
    private EventRecord _event = null!;

    [GlobalSetup]
    public void Setup()
    {
        _signer = new TelecommandSigner(Key, 1);
        var signer = new TelecommandSigner(Key, 1);
        using var stream = new MemoryStream();
        for (int i = 0; i < Batch; i++)
        {
            stream.Write(EncodeCommand(signer));
        }

        _uplink = stream.ToArray();
        _event = new EventRecord(
            1234,
            Time,
            0x0402,
            "SCRUB_CORRECTED",
            EventSeverity.WarningLow,
            "scrubber",
            [KeyValuePair.Create<string, object?>("region", "weights"), KeyValuePair.Create<string, object?>("address", 0x1F40u), KeyValuePair.Create<string, object?>("bits", 1)],
            "corrected 1 bit at 0x1F40 in region weights");
    }

    [Benchmark(Description = "TC encode: codec + sign + frame", OperationsPerInvoke = Batch)]
    [BenchmarkCategory("telecommand")]
    public int EncodeTelecommands()
    {
        int bytes = 0;
        for (int i = 0; i < Batch; i++)
        {
            bytes += EncodeCommand(_signer).Length;
        }

        return bytes;
    }

    [Benchmark(Description = "TC verify: deframe + verify + decode", OperationsPerInvoke = Batch)]
    [BenchmarkCategory("telecommand")]
    public int VerifyTelecommands()
    {
        // A fresh verifier per batch, so the same signed stream is new to it each time.
        var verifier = new TelecommandVerifier(Ring, false, _ => 0);
        return Expect(VerifyStream(verifier, new FrameDecoder(), _uplink));
    }

    [Benchmark(Description = "TC round trip: encode + verify", OperationsPerInvoke = Batch)]
    [BenchmarkCategory("telecommand")]
    public int RoundTripTelecommands()
    {
        var signer = new TelecommandSigner(Key, 1);
        var verifier = new TelecommandVerifier(Ring, false, _ => 0);
        var decoder = new FrameDecoder();
        int accepted = 0;
        for (int i = 0; i < Batch; i++)
        {
            accepted += VerifyStream(verifier, decoder, EncodeCommand(signer));
        }

        return Expect(accepted);
    }

    [Benchmark(Description = "TM event: encode + frame + deframe + decode", OperationsPerInvoke = Batch)]
    [BenchmarkCategory("telemetry")]
    public int EventReports()
    {
        var decoder = new FrameDecoder();
        int arguments = 0;
        for (int i = 0; i < Batch; i++)
        {
            byte[] packet = _telemetry.Write(LinkServices.EventReporting, EventReportCodec.SubtypeFor(_event.Severity), _event.Time, EventReportCodec.Encode(_event));
            decoder.Push(FrameEncoder.Frame(packet), _frames);
            foreach (var frame in _frames)
            {
                if (frame.Packet is { } received && TelemetryPacket.TryDecode(received, out var tm, out _))
                {
                    arguments += EventReportCodec.Decode(tm.ApplicationData.Span, tm.Secondary.Time).Arguments.Count;
                }
            }

            _frames.Clear();
        }

        return arguments;
    }

    private byte[] EncodeCommand(TelecommandSigner signer) =>
        FrameEncoder.Frame(signer.Sign(LinkApids.Flight, LinkServices.FunctionManagement, LinkServices.PerformFunction, FlightCommandCodec.Encode(_request), out _, out _));

    private int VerifyStream(TelecommandVerifier verifier, FrameDecoder decoder, byte[] stream)
    {
        int accepted = 0;
        for (int at = 0; at < stream.Length; at += ReadSize)
        {
            decoder.Push(stream.AsSpan(at, Math.Min(ReadSize, stream.Length - at)), _frames);
            foreach (var frame in _frames)
            {
                if (frame.Packet is { } packet
                    && verifier.Verify(packet, out var command, out _) == LinkRefusal.None
                    && FlightCommandCodec.TryDecode(command.ApplicationData.Span, out _, out _))
                {
                    accepted++;
                }
            }

            _frames.Clear();
        }

        return accepted;
    }

    private static int Expect(int accepted) =>
        accepted == Batch ? accepted : throw new InvalidOperationException($"{accepted} of {Batch} telecommands were accepted: the benchmark would measure refusals.");

    private sealed class LinkBenchmarkConfig : ManualConfig
    {
        public LinkBenchmarkConfig()
        {
            AddColumn(new PacketRateColumn());
            WithOptions(ConfigOptions.DisableOptimizationsValidator);
        }
    }
}
