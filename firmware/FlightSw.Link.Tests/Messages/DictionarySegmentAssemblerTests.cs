using FlightSw.Link.Messages;
using FlightSw.Link.Packets;

namespace FlightSw.Link.Tests.Messages;

public class DictionarySegmentAssemblerTests
{
    private static readonly byte[] Document = Enumerable.Range(0, 3000).Select(i => unchecked((byte)(i * 7))).ToArray();

    [Test]
    public void Add_SegmentsInOrder_GivesTheDocumentOnTheLast()
    {
        var assembler = new DictionarySegmentAssembler();
        var segments = DictionarySegmentCodec.Split(Document);

        for (int i = 0; i < segments.Count - 1; i++)
        {
            Assert.That(assembler.Add(segments[i].Flags, segments[i].ApplicationData), Is.False);
            Assert.That(assembler.InProgress, Is.True);
        }

        Assert.That(assembler.Add(segments[^1].Flags, segments[^1].ApplicationData), Is.True);
        Assert.That(assembler.Document, Is.EqualTo(Document));
        Assert.That(assembler.InProgress, Is.False);
    }

    [Test]
    public void Add_OneUnsegmentedSegment_Completes()
    {
        var assembler = new DictionarySegmentAssembler();
        var segment = DictionarySegmentCodec.Split([1, 2]).Single();
        Assert.That(assembler.Add(segment.Flags, segment.ApplicationData), Is.True);
        Assert.That(assembler.Document, Is.EqualTo(new byte[] { 1, 2 }));
    }

    [Test]
    public void Add_MissingSegment_ThrowsNamingTheMissingOnes()
    {
        var assembler = new DictionarySegmentAssembler();
        var segments = DictionarySegmentCodec.Split(Document);
        assembler.Add(segments[0].Flags, segments[0].ApplicationData);

        Assert.That(
            () => assembler.Add(segments[2].Flags, segments[2].ApplicationData),
            Throws.TypeOf<LinkFormatException>().With.Message.Contain("segment 1 was expected").Or.Message.Contain("segments 1 to 1 are missing"));
        Assert.That(assembler.InProgress, Is.False);
    }

    [Test]
    public void Add_FirstSegmentMissing_Throws()
    {
        var segments = DictionarySegmentCodec.Split(Document);
        Assert.That(
            () => new DictionarySegmentAssembler().Add(segments[1].Flags, segments[1].ApplicationData),
            Throws.TypeOf<LinkFormatException>().With.Message.Contain("segment 0 is missing"));
    }

    [Test]
    public void Add_RepeatedSegment_Throws()
    {
        var assembler = new DictionarySegmentAssembler();
        var segments = DictionarySegmentCodec.Split(Document);
        assembler.Add(segments[0].Flags, segments[0].ApplicationData);
        assembler.Add(segments[1].Flags, segments[1].ApplicationData);

        Assert.That(() => assembler.Add(segments[1].Flags, segments[1].ApplicationData), Throws.TypeOf<LinkFormatException>().With.Message.Contain("again or out of order"));
    }

    [Test]
    public void Add_ChangedCountWrongFlagsOrNoHeader_Throws()
    {
        var assembler = new DictionarySegmentAssembler();
        assembler.Add(SequenceFlags.First, DictionarySegmentCodec.Encode(0, 3, [1]));
        Assert.That(() => assembler.Add(SequenceFlags.Continuation, DictionarySegmentCodec.Encode(1, 4, [1])), Throws.TypeOf<LinkFormatException>().With.Message.Contain("earlier segments said 3"));
        Assert.That(() => assembler.Add(SequenceFlags.Unsegmented, DictionarySegmentCodec.Encode(0, 3, [1])), Throws.TypeOf<LinkFormatException>().With.Message.Contain("flags"));
        Assert.That(() => assembler.Add(SequenceFlags.Unsegmented, [0, 0]), Throws.TypeOf<LinkFormatException>().With.Message.Contain("no segment index"));
        Assert.That(() => assembler.Add(SequenceFlags.Unsegmented, DictionarySegmentCodec.Encode(1, 1, [])), Throws.TypeOf<LinkFormatException>().With.Message.Contain("impossible"));
    }

    [Test]
    public void Add_AfterAnError_StartsAgainFromSegmentZero()
    {
        var assembler = new DictionarySegmentAssembler();
        var segments = DictionarySegmentCodec.Split(Document);
        assembler.Add(segments[0].Flags, segments[0].ApplicationData);
        Assert.That(() => assembler.Add(segments[2].Flags, segments[2].ApplicationData), Throws.TypeOf<LinkFormatException>());

        bool done = false;
        foreach (var segment in segments)
        {
            done = assembler.Add(segment.Flags, segment.ApplicationData);
        }

        Assert.That(done, Is.True);
        Assert.That(assembler.Document, Is.EqualTo(Document));
    }
}
