using FlightSw.Link.Packets;
using FlightSw.Link.Security;

namespace FlightSw.Link.Tests.Packets;

public class TcSecondaryHeaderTests
{
    [Test]
    public void Write_Header_IsAckFlagsServiceSubtypeAndSource()
    {
        var bytes = new byte[TcSecondaryHeader.Length];
        new TcSecondaryHeader(8, 1, 0x1234).Write(bytes);

        Assert.That(bytes, Is.EqualTo(new byte[] { 0x2F, 8, 1, 0x12, 0x34 }));
    }

    [Test]
    public void TryRead_WrittenHeader_GivesItBack()
    {
        var bytes = new byte[TcSecondaryHeader.Length];
        var header = new TcSecondaryHeader(17, 1, 65535);
        header.Write(bytes);

        Assert.That(TcSecondaryHeader.TryRead(bytes, out var read, out var refusal), Is.True);
        Assert.That(read, Is.EqualTo(header));
        Assert.That(refusal, Is.EqualTo(LinkRefusal.None));
    }

    [Test]
    public void TryRead_OtherAckFlags_Accepted()
    {
        byte[] bytes = [0x20, 8, 1, 0, 1];
        Assert.That(TcSecondaryHeader.TryRead(bytes, out var read, out _), Is.True);
        Assert.That(read, Is.EqualTo(new TcSecondaryHeader(8, 1, 1)));
    }

    [Test]
    public void TryRead_ShortOrWrongVersion_RefusedAsMalformedHeader()
    {
        Assert.That(TcSecondaryHeader.TryRead([0x2F, 8, 1, 0], out _, out var shortRefusal), Is.False);
        Assert.That(shortRefusal, Is.EqualTo(LinkRefusal.MalformedHeader));
        Assert.That(TcSecondaryHeader.TryRead([0x1F, 8, 1, 0, 1], out _, out var versionRefusal), Is.False);
        Assert.That(versionRefusal, Is.EqualTo(LinkRefusal.MalformedHeader));
    }
}
