using FlightSw.Link.Packets;
using FlightSw.Link.Security;

namespace FlightSw.Link.Tests.Packets;

public class TmSecondaryHeaderTests
{
    private static readonly DateTimeOffset Time = DateTimeOffset.UnixEpoch.AddSeconds(1_900_000_000).AddTicks(2_500_000);

    [Test]
    public void Write_Header_IsPusVersionServiceSubtypeAndCucTime()
    {
        var bytes = new byte[TmSecondaryHeader.Length];
        new TmSecondaryHeader(5, 4, Time).Write(bytes);

        Assert.That(bytes[..3], Is.EqualTo(new byte[] { 0x20, 5, 4 }));
        Assert.That(CucTime.Read(bytes.AsSpan(3)), Is.EqualTo(Time));
    }

    [Test]
    public void TryRead_WrittenHeader_GivesItBack()
    {
        var bytes = new byte[TmSecondaryHeader.Length];
        var header = new TmSecondaryHeader(3, 25, Time);
        header.Write(bytes);

        Assert.That(TmSecondaryHeader.TryRead(bytes, out var read, out var refusal), Is.True);
        Assert.That(read, Is.EqualTo(header));
        Assert.That(refusal, Is.EqualTo(LinkRefusal.None));
    }

    [Test]
    public void TryRead_ShortOrWrongVersion_RefusedAsMalformedHeader()
    {
        var bytes = new byte[TmSecondaryHeader.Length];
        new TmSecondaryHeader(3, 25, Time).Write(bytes);

        Assert.That(TmSecondaryHeader.TryRead(bytes.AsSpan(0, 8), out _, out var shortRefusal), Is.False);
        Assert.That(shortRefusal, Is.EqualTo(LinkRefusal.MalformedHeader));
        bytes[0] = 0x10;
        Assert.That(TmSecondaryHeader.TryRead(bytes, out _, out var versionRefusal), Is.False);
        Assert.That(versionRefusal, Is.EqualTo(LinkRefusal.MalformedHeader));
    }
}
