using FlightSw.Link.Packets;

namespace FlightSw.Link.Tests.Packets;

public class SpacePacketHeaderTests
{
    [Test]
    public void Write_KnownFields_GivesTheStandardBitLayout()
    {
        var bytes = new byte[6];
        new SpacePacketHeader(PacketType.Telecommand, true, 0x123, SequenceFlags.Unsegmented, 0x0ABC, 10).Write(bytes);

        // 000 1 1 00100100011 | 11 00101010111100 | length - 1 = 9
        Assert.That(bytes, Is.EqualTo(new byte[] { 0x19, 0x23, 0xCA, 0xBC, 0x00, 0x09 }));
    }

    [TestCase(PacketType.Telemetry, false, 0, SequenceFlags.First, 0, 1)]
    [TestCase(PacketType.Telecommand, true, 2047, SequenceFlags.Unsegmented, 16383, 65536)]
    [TestCase(PacketType.Telemetry, true, 100, SequenceFlags.Last, 77, 300)]
    public void TryRead_WhatWriteWrote_SameHeader(PacketType type, bool secondary, int apid, SequenceFlags flags, int count, int length)
    {
        var header = new SpacePacketHeader(type, secondary, apid, flags, count, length);
        var bytes = new byte[6];
        header.Write(bytes);

        Assert.That(SpacePacketHeader.TryRead(bytes, out var read, out var refusal), Is.True);
        Assert.That(read, Is.EqualTo(header));
        Assert.That(refusal, Is.EqualTo(PacketRefusal.None));
    }

    [Test]
    public void TryRead_FiveBytes_RefusedAsTruncated()
    {
        Assert.That(SpacePacketHeader.TryRead(new byte[5], out _, out var refusal), Is.False);
        Assert.That(refusal, Is.EqualTo(PacketRefusal.Truncated));
    }

    [Test]
    public void TryRead_VersionNotZero_Refused()
    {
        Assert.That(SpacePacketHeader.TryRead(new byte[] { 0x20, 0, 0, 0, 0, 0 }, out _, out var refusal), Is.False);
        Assert.That(refusal, Is.EqualTo(PacketRefusal.BadVersion));
    }

    [TestCase(2048, 0, 1)]
    [TestCase(-1, 0, 1)]
    [TestCase(0, 16384, 1)]
    [TestCase(0, 0, 0)]
    [TestCase(0, 0, 65537)]
    public void Write_FieldOutOfRange_Throws(int apid, int count, int length) =>
        Assert.That(() => new SpacePacketHeader(PacketType.Telemetry, false, apid, SequenceFlags.Unsegmented, count, length).Write(new byte[6]),
            Throws.InstanceOf<ArgumentOutOfRangeException>());
}
