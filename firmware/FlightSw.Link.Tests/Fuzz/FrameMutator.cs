using System.Buffers.Binary;
using FlightSw.Link.Framing;
using FlightSw.Link.Packets;
using FlightSw.Link.Security;

namespace FlightSw.Link.Tests.Fuzz;

/// <summary>
/// Seeded generator of damaged frames from a valid frame (sync marker + signed telecommand).
/// Every result differs from the frame and never contains it whole (a mutation must always change
/// what a receiver could take as a packet), and holds at most one sync marker, so that one
/// frame gives at most one decoder outcome. Same seed, same frames.
/// </summary>
public sealed class FrameMutator
{
    private const int Marker = FrameEncoder.SyncMarkerLength;
    private const int PacketStart = Marker;
    private const int SecurityStart = Marker + TelecommandLayout.SecurityHeaderOffset;
    private const int ApplicationStart = Marker + TelecommandLayout.ApplicationDataOffset;

    private static readonly FrameMutation[] Mutations = Enum.GetValues<FrameMutation>();

    private readonly Random _random;
    private readonly int _maxPacketLength;
    private readonly long[] _counts = new long[Mutations.Length];

    /// <summary>Creates a mutator.</summary>
    /// <param name="seed">Seed of the pseudo-random choices.</param>
    /// <param name="maxPacketLength">The decoder's largest packet, for oversized mutations.</param>
    public FrameMutator(int seed, int maxPacketLength = FrameDecoder.DefaultMaxPacketLength)
    {
        _random = new Random(seed);
        _maxPacketLength = maxPacketLength;
    }

    /// <summary>The mutation the last <see cref="Mutate"/> applied.</summary>
    public FrameMutation Last { get; private set; }

    /// <summary>How many frames each mutation produced.</summary>
    public long Count(FrameMutation mutation) => _counts[(int)mutation];

    /// <summary>A damaged copy of <paramref name="frame"/> (sync marker + valid packet).</summary>
    public byte[] Mutate(byte[] frame)
    {
        while (true)
        {
            var mutation = Mutations[_random.Next(Mutations.Length)];
            byte[] result = Apply(mutation, frame);
            DefuseExtraMarkers(result);
            if (result.AsSpan().IndexOf(frame) < 0)
            {
                Last = mutation;
                _counts[(int)mutation]++;
                return result;
            }
        }
    }

    /// <summary>Whether <paramref name="bytes"/> holds the sync marker.</summary>
    public static bool HasMarker(ReadOnlySpan<byte> bytes) => bytes.IndexOf(FrameEncoder.SyncMarker) >= 0;

    private byte[] Apply(FrameMutation mutation, byte[] frame) => mutation switch
    {
        FrameMutation.BitFlips => FlipBits(frame, PacketStart, frame.Length, fixCrc: false),
        FrameMutation.BitFlipsCrcFixed => FlipBits(frame, PacketStart, frame.Length - SpacePacket.TrailerLength, fixCrc: true),
        FrameMutation.BitFlipsAnywhere => FlipBits(frame, 0, frame.Length, fixCrc: false),
        FrameMutation.Truncated => frame[.._random.Next(frame.Length)],
        FrameMutation.BytesInserted => Insert(frame, _random.Next(1, frame.Length), fixLength: false),
        FrameMutation.BytesDeleted => Delete(frame, 0, fixLength: false),
        FrameMutation.BytesInsertedCrcFixed => Insert(frame, _random.Next(SecurityStart, frame.Length - SpacePacket.TrailerLength + 1), fixLength: true),
        FrameMutation.BytesDeletedCrcFixed => Delete(frame, PacketStart + SpacePacketHeader.Length, fixLength: true),
        FrameMutation.RandomLengthField => RandomLength(frame),
        FrameMutation.OversizedLength => OversizedLength(frame),
        FrameMutation.OversizedPadded => OversizedPadded(frame),
        FrameMutation.FieldSmashed => SmashField(frame),
        FrameMutation.SecurityStripped => StripSecurity(frame),
        FrameMutation.Garbage => Garbage(),
        FrameMutation.GarbageAfterHeader => GarbageAfterHeader(),
        _ => throw new ArgumentOutOfRangeException(nameof(mutation)),
    };

    private byte[] FlipBits(byte[] frame, int from, int to, bool fixCrc)
    {
        byte[] result = [.. frame];
        int flips = _random.Next(1, 5);
        for (int i = 0; i < flips; i++)
        {
            int at = _random.Next(from, to);
            result[at] ^= (byte)(1 << _random.Next(8));
        }

        if (fixCrc)
        {
            FixCrc(result, frame.Length);
        }

        return result;
    }

    private byte[] Insert(byte[] frame, int at, bool fixLength)
    {
        byte[] inserted = new byte[_random.Next(1, 9)];
        _random.NextBytes(inserted);
        byte[] result = [.. frame.AsSpan(0, at), .. inserted, .. frame.AsSpan(at)];
        if (fixLength)
        {
            FixLengthAndCrc(result);
        }

        return result;
    }

    private byte[] Delete(byte[] frame, int from, bool fixLength)
    {
        int count = _random.Next(1, 9);
        int limit = fixLength ? frame.Length - SpacePacket.TrailerLength : frame.Length;
        int at = _random.Next(from, Math.Max(from + 1, limit - count));
        count = Math.Min(count, frame.Length - at);
        byte[] result = [.. frame.AsSpan(0, at), .. frame.AsSpan(at + count)];
        if (fixLength)
        {
            FixLengthAndCrc(result);
        }

        return result;
    }

    private byte[] RandomLength(byte[] frame)
    {
        byte[] result = [.. frame];
        ushort field = (ushort)_random.Next(ushort.MaxValue + 1);
        BinaryPrimitives.WriteUInt16BigEndian(result.AsSpan(PacketStart + 4), field);
        int end = PacketStart + SpacePacketHeader.Length + field + 1;
        if (_random.Next(2) == 0 && end <= result.Length && end - SpacePacket.TrailerLength >= PacketStart)
        {
            FixCrc(result, end);
        }

        return result;
    }

    private byte[] OversizedLength(byte[] frame)
    {
        byte[] result = [.. frame];
        int dataLength = _random.Next(_maxPacketLength - SpacePacketHeader.Length + 1, SpacePacketHeader.MaxDataLength + 1);
        BinaryPrimitives.WriteUInt16BigEndian(result.AsSpan(PacketStart + 4), (ushort)(dataLength - 1));
        return result;
    }

    private byte[] OversizedPadded(byte[] frame)
    {
        bool beyond = _random.Next(2) == 0;
        int target = beyond ? _maxPacketLength + _random.Next(1, 64) : _random.Next(frame.Length - Marker + 1, Math.Min(_maxPacketLength, frame.Length + 512) + 1);
        int padding = Math.Max(1, target - (frame.Length - Marker));
        byte[] pad = new byte[padding];
        _random.NextBytes(pad);
        int at = frame.Length - SpacePacket.TrailerLength;
        byte[] result = [.. frame.AsSpan(0, at), .. pad, .. frame.AsSpan(at)];
        FixLengthAndCrc(result);
        return result;
    }

    private byte[] SmashField(byte[] frame)
    {
        byte[] result = [.. frame];
        var span = result.AsSpan();
        switch (_random.Next(13))
        {
            case 0: // version
                span[PacketStart] = (byte)((span[PacketStart] & 0x1F) | (_random.Next(1, 8) << 5));
                break;
            case 1: // type bit
                span[PacketStart] ^= 0x10;
                break;
            case 2: // secondary header flag
                span[PacketStart] ^= 0x08;
                break;
            case 3: // APID
                int apid = _random.Next(3) switch { 0 => LinkApids.SimControl, 1 => LinkApids.Idle, _ => _random.Next(0x800) };
                span[PacketStart] = (byte)((span[PacketStart] & 0xF8) | (apid >> 8));
                span[PacketStart + 1] = unchecked((byte)apid);
                break;
            case 4: // sequence flags and count
                span.Slice(PacketStart + 2, 2).Fill((byte)_random.Next(256));
                break;
            case 5: // PUS version and ack flags
                span[PacketStart + 6] = (byte)_random.Next(256);
                break;
            case 6: // service and subtype
                span[PacketStart + 7 + _random.Next(2)] = (byte)_random.Next(256);
                break;
            case 7: // source id
                BinaryPrimitives.WriteUInt16BigEndian(span[(PacketStart + 9)..], (ushort)_random.Next(65536));
                break;
            case 8: // key id: development, another loaded key, unknown
                ushort key = _random.Next(3) switch { 0 => TelecommandLayout.DevelopmentKeyId, 1 => 2, _ => (ushort)_random.Next(65536) };
                BinaryPrimitives.WriteUInt16BigEndian(span[SecurityStart..], key);
                break;
            case 9: // anti-replay sequence
                BinaryPrimitives.WriteUInt64BigEndian(span[(SecurityStart + 2)..], (ulong)_random.NextInt64());
                break;
            case 10: // command name length or argument count
            case 11: // any command byte
                int macAt = result.Length - SpacePacket.TrailerLength - TelecommandLayout.MacLength;
                int commandByte = macAt > ApplicationStart ? _random.Next(ApplicationStart, macAt) : ApplicationStart;
                span[commandByte] = (byte)_random.Next(256);
                break;
            default: // MAC
                int mac = result.Length - SpacePacket.TrailerLength - TelecommandLayout.MacLength + _random.Next(TelecommandLayout.MacLength);
                span[mac] = (byte)_random.Next(256);
                break;
        }

        FixCrc(result, result.Length);
        return result;
    }

    private byte[] StripSecurity(byte[] frame)
    {
        int packetEnd = SecurityStart + _random.Next(TelecommandLayout.SecurityHeaderLength + TelecommandLayout.MacLength - 1);
        byte[] result = [.. frame.AsSpan(0, packetEnd), 0, 0];
        FixLengthAndCrc(result);
        return result;
    }

    private byte[] Garbage()
    {
        byte[] result = new byte[_random.Next(0, 200)];
        _random.NextBytes(result);
        if (result.Length >= Marker && _random.Next(2) == 0)
        {
            FrameEncoder.SyncMarker.CopyTo(result, 0);
        }

        return result;
    }

    private byte[] GarbageAfterHeader()
    {
        int dataLength = _random.Next(2, 200);
        byte[] result = new byte[Marker + SpacePacketHeader.Length + _random.Next(0, dataLength + 8)];
        _random.NextBytes(result);
        FrameEncoder.SyncMarker.CopyTo(result, 0);
        var header = new SpacePacketHeader(
            _random.Next(4) == 0 ? PacketType.Telemetry : PacketType.Telecommand,
            _random.Next(8) != 0,
            _random.Next(2) == 0 ? LinkApids.Flight : _random.Next(0x800),
            (SequenceFlags)_random.Next(4),
            _random.Next(0x4000),
            dataLength);
        header.Write(result.AsSpan(Marker));
        int end = Marker + header.PacketLength;
        if (_random.Next(2) == 0 && end <= result.Length)
        {
            FixCrc(result, end);
        }

        return result;
    }

    // Recomputes the CRC of the packet that ends at frameEnd (sync marker at 0).
    private static void FixCrc(byte[] frame, int frameEnd)
    {
        int crcAt = frameEnd - SpacePacket.TrailerLength;
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(crcAt), Crc16Ccitt.Compute(frame.AsSpan(PacketStart, crcAt - PacketStart)));
    }

    private static void FixLengthAndCrc(byte[] frame)
    {
        int dataLength = frame.Length - PacketStart - SpacePacketHeader.Length;
        if (dataLength is >= 1 and <= SpacePacketHeader.MaxDataLength)
        {
            BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(PacketStart + 4), (ushort)(dataLength - 1));
        }

        if (frame.Length >= PacketStart + SpacePacketHeader.Length + SpacePacket.TrailerLength)
        {
            FixCrc(frame, frame.Length);
        }
    }

    // Breaks every sync marker but the first (0x1D -> 0x1C cannot complete another marker).
    private static void DefuseExtraMarkers(byte[] frame)
    {
        int first = frame.AsSpan().IndexOf(FrameEncoder.SyncMarker);
        if (first < 0)
        {
            return;
        }

        int from = first + Marker;
        while (from < frame.Length)
        {
            int next = frame.AsSpan(from).IndexOf(FrameEncoder.SyncMarker);
            if (next < 0)
            {
                return;
            }

            frame[from + next + Marker - 1] ^= 0x01;
            from += next + Marker;
        }
    }
}
