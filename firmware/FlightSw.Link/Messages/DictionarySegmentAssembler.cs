using System.Buffers.Binary;
using FlightSw.Link.Packets;

namespace FlightSw.Link.Messages;

/// <summary>
/// Puts a dictionary document back together from its TM(200,2) segments, which must arrive in
/// order, none missing. A segment out of order, missing, repeated, with a changed count or with
/// sequence flags that do not match its place throws <see cref="LinkFormatException"/> saying
/// which segment was expected and which came, and drops the partial document (ask for the
/// dictionary again). Not thread-safe.
/// </summary>
public sealed class DictionarySegmentAssembler
{
    private readonly List<byte> _document = [];
    private int _expected;
    private int _count;

    /// <summary>Whether segments of an unfinished document are held.</summary>
    public bool InProgress => _count > 0;

    /// <summary>The document the last segment completed; null until then.</summary>
    public byte[]? Document { get; private set; }

    /// <summary>
    /// Adds the segment in <paramref name="applicationData"/>, sent with <paramref name="flags"/>;
    /// true when it completes the document (then in <see cref="Document"/>).
    /// </summary>
    /// <exception cref="LinkFormatException">The segment is malformed or not the one expected next.</exception>
    public bool Add(SequenceFlags flags, ReadOnlySpan<byte> applicationData)
    {
        if (applicationData.Length < DictionarySegmentCodec.HeaderLength)
        {
            throw Refuse($"a dictionary segment of {applicationData.Length} bytes has no segment index and count");
        }

        int index = BinaryPrimitives.ReadUInt16BigEndian(applicationData);
        int count = BinaryPrimitives.ReadUInt16BigEndian(applicationData[2..]);
        var bytes = applicationData[DictionarySegmentCodec.HeaderLength..];
        if (count == 0 || index >= count)
        {
            throw Refuse($"dictionary segment index {index} of count {count} is impossible");
        }

        if (bytes.Length > DictionarySegmentCodec.MaxSegmentBytes)
        {
            throw Refuse($"dictionary segment {index} of {count} carries {bytes.Length} bytes, more than {DictionarySegmentCodec.MaxSegmentBytes}");
        }

        var expectedFlags = DictionarySegmentCodec.FlagsFor(index, count);
        if (flags != expectedFlags)
        {
            throw Refuse($"dictionary segment {index} of {count} has sequence flags {flags}, not {expectedFlags}");
        }

        if (_count == 0)
        {
            if (index != 0)
            {
                throw Refuse($"dictionary segment {index} of {count} arrived first; segment 0 is missing");
            }

            _count = count;
            Document = null;
        }
        else if (count != _count)
        {
            throw Refuse($"dictionary segment {index} says the document has {count} segments, earlier segments said {_count}");
        }
        else if (index != _expected)
        {
            throw Refuse(index < _expected
                ? $"dictionary segment {index} of {count} arrived again or out of order; segment {_expected} was expected next"
                : $"dictionary segment {index} of {count} arrived when segment {_expected} was expected: segments {_expected} to {index - 1} are missing");
        }

        _document.AddRange(bytes);
        _expected = index + 1;
        if (_expected < _count)
        {
            return false;
        }

        Document = [.. _document];
        Reset();
        return true;
    }

    /// <summary>Drops the segments of an unfinished document.</summary>
    public void Reset()
    {
        _document.Clear();
        _expected = 0;
        _count = 0;
    }

    private LinkFormatException Refuse(string message)
    {
        Reset();
        return new LinkFormatException(message + "; the partial dictionary is dropped, ask for it again");
    }
}
