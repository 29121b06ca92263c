using FlightSw.Link.Messages;
using FlightSw.Link.Packets;

namespace FlightSw.Link.Tests.Messages;

public class DictionarySegmentCodecTests
{
    [Test]
    public void Split_DocumentOf2500Bytes_GivesThreeSegmentsWithIndexCountAndFlags()
    {
        byte[] document = Enumerable.Range(0, 2500).Select(i => unchecked((byte)i)).ToArray();

        var segments = DictionarySegmentCodec.Split(document);

        Assert.That(segments.Select(s => s.Flags), Is.EqualTo(new[] { SequenceFlags.First, SequenceFlags.Continuation, SequenceFlags.Last }));
        Assert.That(segments.Select(s => s.ApplicationData.Length), Is.EqualTo(new[] { 1028, 1028, 456 }));
        Assert.That(segments[1].ApplicationData[..4], Is.EqualTo(new byte[] { 0, 1, 0, 3 }));
        Assert.That(segments.SelectMany(s => s.ApplicationData[4..]), Is.EqualTo(document));
    }

    [Test]
    public void Split_SmallOrEmptyDocument_IsOneUnsegmentedSegment()
    {
        var small = DictionarySegmentCodec.Split([1, 2, 3]);
        Assert.That(small.Single().Flags, Is.EqualTo(SequenceFlags.Unsegmented));
        Assert.That(small.Single().ApplicationData, Is.EqualTo(new byte[] { 0, 0, 0, 1, 1, 2, 3 }));

        var empty = DictionarySegmentCodec.Split([]);
        Assert.That(empty.Single().ApplicationData, Is.EqualTo(new byte[] { 0, 0, 0, 1 }));
    }

    [Test]
    public void Split_ExactMultiple_HasNoEmptyLastSegment()
    {
        var segments = DictionarySegmentCodec.Split(new byte[2048]);
        Assert.That(segments, Has.Count.EqualTo(2));
        Assert.That(segments[1].Flags, Is.EqualTo(SequenceFlags.Last));
    }

    [Test]
    public void Split_SegmentSizeOutOfRange_Throws()
    {
        Assert.That(() => DictionarySegmentCodec.Split([1], 0), Throws.TypeOf<ArgumentOutOfRangeException>());
        Assert.That(() => DictionarySegmentCodec.Split([1], 1025), Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void Split_ThenDeconstruct_GivesFlagsAndData()
    {
        foreach (var (flags, data) in DictionarySegmentCodec.Split(new byte[10], 4))
        {
            Assert.That(data.Length, Is.LessThanOrEqualTo(8));
            Assert.That(flags, Is.Not.EqualTo(SequenceFlags.Unsegmented));
        }
    }
}
