using FlightSw.Link.Security;

namespace FlightSw.Link.Tests.Security;

public class LinkKeyTests
{
    [Test]
    public void Constructor_IdZero_Throws() =>
        Assert.That(() => new LinkKey(0, new byte[32]), Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contain("development key"));

    [Test]
    public void Constructor_ShortSecret_Throws() =>
        Assert.That(() => new LinkKey(1, new byte[16]), Throws.ArgumentException.With.Message.Contain("32 bytes, not 16"));

    [Test]
    public void ToString_DoesNotShowTheSecret() =>
        Assert.That(new LinkKey(4, Enumerable.Repeat((byte)0xAB, 32).ToArray()).ToString(), Is.EqualTo("LinkKey 4"));
}
