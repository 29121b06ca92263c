using System.Buffers.Binary;
using FlightSw.Link.Packets;

namespace FlightSw.Link.Messages;

/// <summary>
/// Cuts the node's XTCE document into TM(200,2) segments. Application data of a segment: u16
/// segment index (from 0), u16 segment count, then at most <see cref="MaxSegmentBytes"/> bytes of
/// the document. The packets' sequence flags are First / Continuation / Last, or Unsegmented when
/// one segment holds it all (an empty document is one empty segment).
/// <see cref="DictionarySegmentAssembler"/> puts a document back together.
/// </summary>
public static class DictionarySegmentCodec
{
    /// <summary>Most document bytes per segment: 1,024.</summary>
    public const int MaxSegmentBytes = 1024;

    /// <summary>Bytes before the document bytes: segment index and count.</summary>
    public const int HeaderLength = 4;

    /// <summary>The segments of <paramref name="document"/>, in order, each with at most <paramref name="segmentBytes"/> document bytes.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="segmentBytes"/> is outside 1 to <see cref="MaxSegmentBytes"/>, or the document needs more than 65,535 segments.</exception>
    public static IReadOnlyList<DictionarySegment> Split(byte[] document, int segmentBytes = MaxSegmentBytes)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentOutOfRangeException.ThrowIfLessThan(segmentBytes, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(segmentBytes, MaxSegmentBytes);
        int count = Math.Max(1, (document.Length + segmentBytes - 1) / segmentBytes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, ushort.MaxValue, nameof(document));
        var segments = new DictionarySegment[count];
        for (int index = 0; index < count; index++)
        {
            int start = index * segmentBytes;
            var bytes = document.AsSpan(start, Math.Min(segmentBytes, document.Length - start));
            segments[index] = new DictionarySegment(FlagsFor(index, count), Encode((ushort)index, (ushort)count, bytes));
        }

        return segments;
    }

    /// <summary>The application data of segment <paramref name="index"/> of <paramref name="count"/> carrying <paramref name="bytes"/>.</summary>
    public static byte[] Encode(ushort index, ushort count, ReadOnlySpan<byte> bytes)
    {
        var data = new byte[HeaderLength + bytes.Length];
        BinaryPrimitives.WriteUInt16BigEndian(data, index);
        BinaryPrimitives.WriteUInt16BigEndian(data.AsSpan(2), count);
        bytes.CopyTo(data.AsSpan(HeaderLength));
        return data;
    }

    /// <summary>The sequence flags of segment <paramref name="index"/> of <paramref name="count"/>.</summary>
    public static SequenceFlags FlagsFor(int index, int count) =>
        count == 1 ? SequenceFlags.Unsegmented
        : index == 0 ? SequenceFlags.First
        : index == count - 1 ? SequenceFlags.Last
        : SequenceFlags.Continuation;
}
