using System.Text;
using FlightSw.Link.Messages;

namespace FlightSw.Link.Tests.Messages;

public class LinkDataWriterTests
{
    [Test]
    public void CutUtf8_FourByteCharacterAcrossTheLimit_CutBeforeIt()
    {
        byte[] text = Encoding.UTF8.GetBytes("ab\U0001F680c");

        Assert.That(LinkDataWriter.CutUtf8(text, 4).ToArray(), Is.EqualTo("ab"u8.ToArray()));
        Assert.That(LinkDataWriter.CutUtf8(text, 6).ToArray(), Is.EqualTo(text[..6]));
        Assert.That(LinkDataWriter.CutUtf8(text, 100).ToArray(), Is.EqualTo(text));
    }

    [Test]
    public void WriteAscii8Lenient_LongNonAsciiText_CutTo255WithQuestionMarks()
    {
        var writer = new LinkDataWriter();
        writer.WriteAscii8Lenient("é" + new string('a', 300));

        byte[] bytes = writer.ToArray();
        Assert.That(bytes[0], Is.EqualTo(255));
        Assert.That(bytes[1], Is.EqualTo((byte)'?'));
        Assert.That(bytes, Has.Length.EqualTo(256));
    }

    [Test]
    public void Write_ManyValues_GrowsTheBufferAndKeepsOrder()
    {
        var writer = new LinkDataWriter(1);
        for (int i = 0; i < 1000; i++)
        {
            writer.WriteUInt16((ushort)i);
        }

        byte[] bytes = writer.ToArray();
        Assert.That(bytes, Has.Length.EqualTo(2000));
        Assert.That(bytes[^2..], Is.EqualTo(new byte[] { 0x03, 0xE7 }));
    }
}
