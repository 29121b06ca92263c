using System.Security.Cryptography;
using FlightSw.Link.Messages;

namespace FlightSw.Link.Tests.Messages;

public class LinkStatusReportTests
{
    [Test]
    public void Decode_EncodedReport_GivesItBack()
    {
        byte[] digest = SHA256.HashData("xtce"u8);
        var report = new LinkStatusReport("node-1", "sim", true, false, [KeyValuePair.Create((ushort)0, 5UL), KeyValuePair.Create((ushort)7, ulong.MaxValue)], digest);

        var decoded = LinkStatusReport.Decode(report.Encode());

        Assert.That(decoded.Node, Is.EqualTo("node-1"));
        Assert.That(decoded.Board, Is.EqualTo("sim"));
        Assert.That(decoded.DevelopmentMode, Is.True);
        Assert.That(decoded.SimulationControl, Is.False);
        Assert.That(decoded.HighestSequences, Is.EqualTo(report.HighestSequences));
        Assert.That(decoded.DictionarySha256, Is.EqualTo(digest));
    }

    [Test]
    public void Encode_Flags_AreBitsZeroAndOne()
    {
        byte[] data = new LinkStatusReport("n", "b", false, true, [], new byte[32]).Encode();
        Assert.That(data[4], Is.EqualTo(2));
        Assert.That(LinkStatusReport.Decode(data).SimulationControl, Is.True);
    }

    [Test]
    public void Encode_DigestNot32Bytes_Throws() =>
        Assert.That(() => new LinkStatusReport("n", "b", false, false, [], new byte[31]).Encode(), Throws.ArgumentException);

    [Test]
    public void Decode_Truncated_Throws()
    {
        byte[] data = new LinkStatusReport("n", "b", false, false, [KeyValuePair.Create((ushort)1, 1UL)], new byte[32]).Encode();
        for (int length = 0; length < data.Length; length++)
        {
            Assert.That(() => LinkStatusReport.Decode(data.AsSpan(0, length)), Throws.TypeOf<LinkFormatException>().With.Message.Contain("link status"), $"length {length}");
        }
    }
}
