using System.Security.Cryptography;
using FlightSw.Ground.Tests.Fixtures;
using FlightSw.Link.Dictionary;
using FlightSw.Link.Messages;

namespace FlightSw.Ground.Tests;

[TestFixture]
public class DictionaryFetcherTests
{
    private static readonly DateTimeOffset Time = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Test]
    public void Add_AllSegmentsInOrder_DocumentComplete()
    {
        byte[] document = Enumerable.Range(0, 2500).Select(i => unchecked((byte)i)).ToArray();
        var fetcher = new DictionaryFetcher();

        foreach (var packet in Segments(document))
        {
            fetcher.Add(packet);
        }

        Assert.That(fetcher.IsComplete, Is.True);
        Assert.That(fetcher.Document, Is.EqualTo(document));
        Assert.That(fetcher.Problem, Is.Null);
    }

    [Test]
    public void Add_SegmentMissing_ProblemSaysWhich()
    {
        var segments = Segments(new byte[2500]);
        var fetcher = new DictionaryFetcher();

        fetcher.Add(segments[0]);
        fetcher.Add(segments[2]);

        Assert.That(fetcher.IsComplete, Is.False);
        Assert.That(fetcher.Problem, Does.Contain("missing"));
    }

    [Test]
    public void Progress_PartWayThrough_CountsSegments()
    {
        var segments = Segments(new byte[2500]);
        var fetcher = new DictionaryFetcher();

        fetcher.Add(segments[0]);

        Assert.That(fetcher.Progress, Is.EqualTo("1 of 3 segments arrived"));
    }

    [Test]
    public void Parse_AnnouncedDocument_TheDictionary()
    {
        var dictionary = TestDictionary.Create();
        byte[] xtce = XtceWriter.ToBytes(dictionary);

        var parsed = DictionaryFetcher.Parse(xtce, SHA256.HashData(xtce), "test");

        Assert.That(parsed, Is.EqualTo(dictionary));
    }

    [Test]
    public void Parse_NothingAnnounced_AcceptsTheDocument()
    {
        byte[] xtce = XtceWriter.ToBytes(TestDictionary.Create());

        Assert.That(DictionaryFetcher.Parse(xtce, SHA256.HashData([]), "test").NodeName, Is.EqualTo("scripted-node"));
    }

    [Test]
    public void Parse_EmptyDocument_InvalidDataSaysTheNodeHasNone()
    {
        var ex = Assert.Throws<InvalidDataException>(() => DictionaryFetcher.Parse([], SHA256.HashData([]), "tcp 127.0.0.1:1"));

        Assert.That(ex!.Message, Does.Contain("empty dictionary"));
    }

    private static List<TelemetryPacket> Segments(byte[] document)
    {
        var writer = new TelemetryPacketWriter();
        var packets = new List<TelemetryPacket>();
        foreach (var segment in DictionarySegmentCodec.Split(document))
        {
            byte[] bytes = writer.Write(LinkServices.Link, LinkServices.DictionarySegment, Time, segment.ApplicationData, segment.Flags);
            Assert.That(TelemetryPacket.TryDecode(bytes, out var packet, out string reason), Is.True, reason);
            packets.Add(packet);
        }

        return packets;
    }
}
