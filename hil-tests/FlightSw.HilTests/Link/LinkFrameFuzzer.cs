using System.Buffers.Binary;
using FlightSw.Core.Commands;
using FlightSw.Link.Framing;
using FlightSw.Link.Messages;
using FlightSw.Link.Packets;
using FlightSw.Link.Security;

namespace FlightSw.HilTests.Link;

/// <summary>
/// Seeded generator of malformed telecommand frames for a live node: every frame starts with an
/// intact sync marker (so the node sees each one as a frame and must refuse it with a reason),
/// and none can be accepted: damaged, truncated, oversized, wrongly keyed, unsigned, replayed or
/// addressed to services that do not exist.
/// </summary>
public sealed class LinkFrameFuzzer
{
    private readonly Random _random;
    private readonly TelecommandSigner _signer;
    private readonly TelecommandSigner _stranger;
    private readonly TelecommandSigner _development;
    private readonly List<byte[]> _sent = [];

    /// <summary>
    /// Fuzzes with <paramref name="key"/>, one of the node's keys that no other ground uses
    /// (correctly signed frames move its replay window), from sequence <paramref name="firstSequence"/>.
    /// </summary>
    public LinkFrameFuzzer(int seed, LinkKey key, ulong firstSequence)
    {
        _random = new Random(seed);
        _signer = new TelecommandSigner(key, firstSequence, sourceId: 7);
        var wrongSecret = new byte[32];
        _random.NextBytes(wrongSecret);
        _stranger = new TelecommandSigner(new LinkKey(key.Id, wrongSecret), firstSequence + 1_000_000, sourceId: 7);
        _development = new TelecommandSigner(null, firstSequence, sourceId: 7);
    }

    /// <summary>How many frames of each kind were made.</summary>
    public Dictionary<string, int> Kinds { get; } = [];

    /// <summary>
    /// The next frame: sync marker and a packet the node must refuse. A frame never announces
    /// more bytes than it brings (a cut packet is filled up with line noise), so no frame hides
    /// the next one and the node's refusal count can be checked frame for frame.
    /// </summary>
    public byte[] Next()
    {
        byte[] packet = ValidPacket(_signer);
        string kind;
        switch (_random.Next(10))
        {
            case 0:
                kind = "bit-flip";
                int bit = _random.Next(SpacePacketHeader.Length * 8, packet.Length * 8);
                packet[bit / 8] ^= (byte)(1 << (bit % 8));
                break;
            case 1:
                kind = "truncated";
                int kept = _random.Next(SpacePacketHeader.Length, packet.Length - 1);
                Array.Clear(packet, kept, packet.Length - kept);
                break;
            case 2:
                kind = "short-length-field";
                BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(4), (ushort)_random.Next(0, packet.Length - SpacePacketHeader.Length - 1));
                break;
            case 3:
                kind = "garbage";
                _random.NextBytes(packet.AsSpan(SpacePacketHeader.Length));
                Desync(packet);
                break;
            case 4:
                kind = "wrong-key";
                packet = ValidPacket(_stranger);
                break;
            case 5:
                kind = "development-key";
                packet = ValidPacket(_development);
                break;
            case 6:
                kind = "bad-mac-good-crc";
                packet[packet.Length - SpacePacket.TrailerLength - 1 - _random.Next(TelecommandLayout.MacLength)] ^= (byte)(1 << _random.Next(8));
                Recrc(packet);
                break;
            case 7:
                kind = "oversized";
                packet = new byte[SpacePacketHeader.Length + 600];
                _random.NextBytes(packet);
                Desync(packet);
                packet[0] = 0x18;
                BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(4), (ushort)_random.Next(5_000, 65_536));
                break;
            case 8 when _sent.Count > 0:
                kind = "replayed";
                packet = _sent[_random.Next(_sent.Count)];
                break;
            default:
                kind = "unknown-service";
                packet = _signer.Sign(LinkApids.Flight, (byte)_random.Next(100, 200), 9, [], out _, out _);
                break;
        }

        Kinds[kind] = Kinds.GetValueOrDefault(kind) + 1;
        return FrameEncoder.Frame(packet);
    }

    /// <summary>A valid signed command; sent once (and accepted), then replayed by later frames.</summary>
    public byte[] ValidToReplay()
    {
        byte[] packet = ValidPacket(_signer);
        _sent.Add(packet);
        return FrameEncoder.Frame(packet);
    }

    private byte[] ValidPacket(TelecommandSigner signer) =>
        signer.Sign(LinkApids.Flight, LinkServices.FunctionManagement, LinkServices.PerformFunction, FlightCommandCodec.Encode(CommandRequest.Of("CMD_NOOP")), out _, out _);

    // Random bytes must not contain a sync marker, or the node would rightly see one more frame.
    private static void Desync(byte[] bytes)
    {
        for (int i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == FrameEncoder.SyncMarker[0])
            {
                bytes[i] = 0;
            }
        }
    }

    private static void Recrc(byte[] packet)
    {
        ushort crc = Crc16Ccitt.Compute(packet.AsSpan(0, packet.Length - SpacePacket.TrailerLength));
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(packet.Length - SpacePacket.TrailerLength), crc);
    }
}
