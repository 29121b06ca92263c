using System.Buffers.Binary;
using FlightSw.Link.Packets;

namespace FlightSw.Link.Framing;

/// <summary>
/// Finds packets in a byte stream framed by <see cref="FrameEncoder"/>, as bytes arrive in
/// pieces of any size. One decoder per stream; not thread-safe.
/// </summary>
/// <remarks>
/// <para>The decoder scans for the sync marker; bytes skipped on the way are noise
/// (<see cref="NoiseBytes"/>). After a marker it reads the 6-byte primary header: a header that
/// is not version 0, announces a packet longer than the maximum, or a data field too short for
/// the CRC, is refused at once and scanning restarts right after that marker. Otherwise it waits
/// for the whole packet and checks its CRC-16: a sound packet is handed out and scanning goes on
/// after it; a bad CRC is refused and scanning restarts right after the marker, so a frame hidden
/// inside a damaged one (a length field hit by noise) is still found.</para>
/// <para>When the stream goes quiet in the middle of a frame, <see cref="Expire"/> refuses the
/// partial frame as truncated and rescans what follows it.</para>
/// </remarks>
public sealed class FrameDecoder
{
    /// <summary>Default largest packet, sync marker excluded: 4,096 bytes.</summary>
    public const int DefaultMaxPacketLength = 4096;

    /// <summary>Smallest packet: a primary header and a CRC.</summary>
    public const int MinPacketLength = SpacePacketHeader.Length + SpacePacket.TrailerLength;

    private const int MarkerLength = FrameEncoder.SyncMarkerLength;

    private readonly byte[] _buffer;
    private readonly long[] _refused = new long[Enum.GetValues<PacketRefusal>().Length];
    private readonly int _maxPacketLength;
    private int _start;
    private int _count;
    private bool _atMarker;

    /// <summary>Creates a decoder for one stream.</summary>
    /// <param name="maxPacketLength">Largest packet accepted (sync marker excluded), <see cref="MinPacketLength"/> to 65,542; default <see cref="DefaultMaxPacketLength"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxPacketLength"/> is out of range.</exception>
    public FrameDecoder(int maxPacketLength = DefaultMaxPacketLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPacketLength, MinPacketLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxPacketLength, SpacePacketHeader.Length + SpacePacketHeader.MaxDataLength);
        _maxPacketLength = maxPacketLength;
        _buffer = new byte[2 * (MarkerLength + maxPacketLength)];
    }

    /// <summary>Largest packet accepted, sync marker excluded.</summary>
    public int MaxPacketLength => _maxPacketLength;

    /// <summary>Whether bytes are held waiting for the rest of a frame (perhaps only the beginning of a sync marker).</summary>
    public bool HasPartialFrame => _count > 0;

    /// <summary>Sound packets handed out.</summary>
    public long FramesAccepted { get; private set; }

    /// <summary>Bytes skipped while looking for a sync marker (including the bytes of refused frames, which are rescanned).</summary>
    public long NoiseBytes { get; private set; }

    /// <summary>Frames refused for any reason.</summary>
    public long FramesRefused { get; private set; }

    /// <summary>Frames refused for <paramref name="reason"/>.</summary>
    public long Refused(PacketRefusal reason) =>
        (int)reason >= 0 && (int)reason < _refused.Length ? _refused[(int)reason] : 0;

    /// <summary>Takes <paramref name="bytes"/> from the stream and adds every frame they complete to <paramref name="output"/>, in stream order.</summary>
    public void Push(ReadOnlySpan<byte> bytes, List<DecodedFrame> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        while (!bytes.IsEmpty)
        {
            if (_start > 0)
            {
                _buffer.AsSpan(_start, _count).CopyTo(_buffer);
                _start = 0;
            }

            int taken = Math.Min(bytes.Length, _buffer.Length - _count);
            bytes[..taken].CopyTo(_buffer.AsSpan(_count));
            _count += taken;
            bytes = bytes[taken..];
            Scan(output);
        }
    }

    /// <summary>
    /// The stream went quiet: refuses a partial frame as <see cref="PacketRefusal.Truncated"/>
    /// and rescans what follows its sync marker (which may hold whole frames, and further partial
    /// ones, refused the same way); a held beginning of a sync marker is dropped as noise.
    /// Afterwards <see cref="HasPartialFrame"/> is false.
    /// </summary>
    public void Expire(List<DecodedFrame> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        while (_count > 0)
        {
            if (_atMarker)
            {
                Refuse(PacketRefusal.Truncated, output);
                Scan(output);
            }
            else
            {
                NoiseBytes += _count;
                _start = 0;
                _count = 0;
            }
        }
    }

    private void Scan(List<DecodedFrame> output)
    {
        while (true)
        {
            var held = _buffer.AsSpan(_start, _count);
            if (!_atMarker)
            {
                int at = held.IndexOf(FrameEncoder.SyncMarker);
                if (at < 0)
                {
                    Skip(_count - MarkerPrefixAtEnd(held));
                    return;
                }

                Skip(at);
                _atMarker = true;
                held = held[at..];
            }

            if (held.Length < MarkerLength + SpacePacketHeader.Length)
            {
                return;
            }

            var afterMarker = held[MarkerLength..];
            if (!SpacePacketHeader.TryRead(afterMarker, out var header, out var refusal))
            {
                Refuse(refusal, output);
                continue;
            }

            if (header.PacketLength > _maxPacketLength)
            {
                Refuse(PacketRefusal.Oversized, output);
                continue;
            }

            if (header.DataLength < SpacePacket.TrailerLength)
            {
                Refuse(PacketRefusal.NoTrailer, output);
                continue;
            }

            if (afterMarker.Length < header.PacketLength)
            {
                return;
            }

            var packet = afterMarker[..header.PacketLength];
            int crcAt = packet.Length - SpacePacket.TrailerLength;
            if (BinaryPrimitives.ReadUInt16BigEndian(packet[crcAt..]) != Crc16Ccitt.Compute(packet[..crcAt]))
            {
                Refuse(PacketRefusal.BadCrc, output);
                continue;
            }

            output.Add(new DecodedFrame(packet.ToArray(), null));
            FramesAccepted++;
            Drop(MarkerLength + packet.Length);
            _atMarker = false;
        }
    }

    private void Refuse(PacketRefusal reason, List<DecodedFrame> output)
    {
        output.Add(new DecodedFrame(null, reason));
        _refused[(int)reason]++;
        FramesRefused++;
        Drop(MarkerLength);
        _atMarker = false;
    }

    private void Skip(int bytes)
    {
        NoiseBytes += bytes;
        Drop(bytes);
    }

    private void Drop(int bytes)
    {
        _start += bytes;
        _count -= bytes;
        if (_count == 0)
        {
            _start = 0;
        }
    }

    // The longest tail of held (at most 3 bytes) that begins a sync marker: kept, as the rest of
    // the marker may arrive with the next bytes.
    private static int MarkerPrefixAtEnd(ReadOnlySpan<byte> held)
    {
        for (int length = Math.Min(MarkerLength - 1, held.Length); length > 0; length--)
        {
            if (held[^length..].SequenceEqual(FrameEncoder.SyncMarker.AsSpan(0, length)))
            {
                return length;
            }
        }

        return 0;
    }
}
