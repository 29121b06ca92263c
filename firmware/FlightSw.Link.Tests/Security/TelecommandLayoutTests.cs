using FlightSw.Link.Packets;
using FlightSw.Link.Security;

namespace FlightSw.Link.Tests.Security;

public class TelecommandLayoutTests
{
    [Test]
    public void Offsets_FollowTheWireFormat()
    {
        Assert.That(TelecommandLayout.SecurityHeaderOffset, Is.EqualTo(11));
        Assert.That(TelecommandLayout.SequenceOffset, Is.EqualTo(13));
        Assert.That(TelecommandLayout.ApplicationDataOffset, Is.EqualTo(21));
        Assert.That(TelecommandLayout.PacketOverhead, Is.EqualTo(39));
    }

    [Test]
    public void PacketOverhead_IsWhatTheSignerAdds()
    {
        byte[] packet = new TelecommandSigner(null, 1).Sign(LinkApids.Flight, 17, 1, new byte[10], out _, out _);
        Assert.That(packet, Has.Length.EqualTo(TelecommandLayout.PacketOverhead + 10));
    }
}
