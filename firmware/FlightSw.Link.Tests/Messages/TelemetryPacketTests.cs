using FlightSw.Link.Messages;
using FlightSw.Link.Packets;
using FlightSw.Link.Security;

namespace FlightSw.Link.Tests.Messages;

public class TelemetryPacketTests
{
    private static readonly DateTimeOffset Time = DateTimeOffset.UnixEpoch.AddSeconds(42);

    [Test]
    public void TryDecode_WrittenPacket_GivesHeadersAndApplicationData()
    {
        byte[] packet = new TelemetryPacketWriter().Write(5, 3, Time, [9, 8, 7]);

        Assert.That(TelemetryPacket.TryDecode(packet, out var tm, out string reason), Is.True, reason);
        Assert.That(tm.Secondary, Is.EqualTo(new TmSecondaryHeader(5, 3, Time)));
        Assert.That(tm.Header.Apid, Is.EqualTo(LinkApids.Flight));
        Assert.That(tm.ApplicationData.ToArray(), Is.EqualTo(new byte[] { 9, 8, 7 }));
    }

    [Test]
    public void TryDecode_BadCrc_RefusedWithTheReason()
    {
        byte[] packet = new TelemetryPacketWriter().Write(5, 3, Time, [9, 8, 7]);
        packet[^1] ^= 1;

        Assert.That(TelemetryPacket.TryDecode(packet, out _, out string reason), Is.False);
        Assert.That(reason, Does.Contain("BadCrc"));
    }

    [Test]
    public void TryDecode_Telecommand_Refused()
    {
        byte[] packet = new TelecommandSigner(null, 1).Sign(LinkApids.Flight, 17, 1, [], out _, out _);

        Assert.That(TelemetryPacket.TryDecode(packet, out _, out string reason), Is.False);
        Assert.That(reason, Does.Contain("telecommand"));
    }

    [Test]
    public void TryDecode_NoOrShortSecondaryHeader_Refused()
    {
        var plain = new byte[SpacePacket.LengthFor(3)];
        SpacePacket.Encode(PacketType.Telemetry, false, LinkApids.Flight, 0, [1, 2, 3], plain);
        Assert.That(TelemetryPacket.TryDecode(plain, out _, out string noHeader), Is.False);
        Assert.That(noHeader, Does.Contain("no secondary header"));

        var shortHeader = new byte[SpacePacket.LengthFor(3)];
        SpacePacket.Encode(PacketType.Telemetry, true, LinkApids.Flight, 0, [0x20, 1, 1], shortHeader);
        Assert.That(TelemetryPacket.TryDecode(shortHeader, out _, out string shortReason), Is.False);
        Assert.That(shortReason, Does.Contain("secondary header"));
    }
}
