using System.Buffers.Binary;
using FlightSw.Link.Packets;
using FlightSw.Link.Security;

namespace FlightSw.Link.Tests.Security;

public class TelecommandVerifierTests
{
    private static readonly LinkKey KeyOne = new(1, Enumerable.Repeat((byte)0x11, 32).ToArray());
    private static readonly LinkKey KeyTwo = new(2, Enumerable.Repeat((byte)0x22, 32).ToArray());
    private static readonly KeyRing Ring = new([KeyOne, KeyTwo]);

    [Test]
    public void Verify_SignedCommand_AcceptedWithItsFields()
    {
        var verifier = new TelecommandVerifier(Ring, false, _ => 0);
        byte[] packet = new TelecommandSigner(KeyTwo, 5, 77).Sign(LinkApids.Flight, 8, 1, [1, 2, 3], out uint requestId, out _);

        var refusal = verifier.Verify(packet, out var command, out string reason);

        Assert.That(refusal, Is.EqualTo(LinkRefusal.None), reason);
        Assert.That(command.Apid, Is.EqualTo(LinkApids.Flight));
        Assert.That(command.RequestId, Is.EqualTo(requestId));
        Assert.That(command.Secondary, Is.EqualTo(new TcSecondaryHeader(8, 1, 77)));
        Assert.That(command.KeyId, Is.EqualTo(2));
        Assert.That(command.Sequence, Is.EqualTo(5UL));
        Assert.That(command.ApplicationData.ToArray(), Is.EqualTo(new byte[] { 1, 2, 3 }));
        Assert.That(verifier.HighestSequences, Is.EqualTo(new[] { KeyValuePair.Create((ushort)1, 0UL), KeyValuePair.Create((ushort)2, 5UL) }));
    }

    [Test]
    public void Verify_SimControlApid_Accepted()
    {
        var verifier = new TelecommandVerifier(Ring, false, _ => 0);
        byte[] packet = new TelecommandSigner(KeyOne, 1).Sign(LinkApids.SimControl, 210, 1, new byte[8], out _, out _);
        Assert.That(verifier.Verify(packet, out _, out _), Is.EqualTo(LinkRefusal.None));
    }

    [Test]
    public void Verify_SameCommandTwice_SecondRefusedAsReplayed()
    {
        var verifier = new TelecommandVerifier(Ring, false, _ => 0);
        byte[] packet = new TelecommandSigner(KeyOne, 1).Sign(LinkApids.Flight, 17, 1, [], out _, out _);
        verifier.Verify(packet, out _, out _);

        Assert.That(verifier.Verify(packet, out _, out string reason), Is.EqualTo(LinkRefusal.Replayed));
        Assert.That(reason, Does.Contain("sequence 1 of key 1 was already accepted"));
    }

    [Test]
    public void Verify_SequenceBelowThePersistedWindow_RefusedAsOutsideWindow()
    {
        var verifier = new TelecommandVerifier(Ring, false, id => id == 1 ? 1000UL : 0UL);
        byte[] packet = new TelecommandSigner(KeyOne, 900).Sign(LinkApids.Flight, 17, 1, [], out _, out _);

        Assert.That(verifier.Verify(packet, out _, out string reason), Is.EqualTo(LinkRefusal.OutsideWindow));
        Assert.That(reason, Does.Contain("older than the replay window").And.Contain("1000"));
    }

    [Test]
    public void Verify_WindowsAreKeptPerKey()
    {
        var verifier = new TelecommandVerifier(Ring, false, _ => 0);
        Assert.That(verifier.Verify(new TelecommandSigner(KeyOne, 7).Sign(LinkApids.Flight, 17, 1, [], out _, out _), out _, out _), Is.EqualTo(LinkRefusal.None));
        Assert.That(verifier.Verify(new TelecommandSigner(KeyTwo, 7).Sign(LinkApids.Flight, 17, 1, [], out _, out _), out _, out _), Is.EqualTo(LinkRefusal.None));
    }

    [Test]
    public void Verify_WrongSecret_RefusedAsBadMac()
    {
        var verifier = new TelecommandVerifier(Ring, false, _ => 0);
        var impostor = new LinkKey(1, Enumerable.Repeat((byte)0x99, 32).ToArray());
        byte[] packet = new TelecommandSigner(impostor, 1).Sign(LinkApids.Flight, 17, 1, [], out _, out _);

        Assert.That(verifier.Verify(packet, out _, out string reason), Is.EqualTo(LinkRefusal.BadMac));
        Assert.That(reason, Does.Contain("MAC does not match key 1"));
        Assert.That(verifier.HighestSequences[0].Value, Is.Zero, "a refused command records nothing");
    }

    [Test]
    public void Verify_AnyCoveredByteChangedWithTheCrcFixed_RefusedAsBadMacOrEarlier()
    {
        var verifier = new TelecommandVerifier(Ring, false, _ => 0);
        byte[] original = new TelecommandSigner(KeyOne, 1).Sign(LinkApids.Flight, 8, 1, [5, 6, 7], out _, out _);
        for (int at = 0; at < original.Length - 2; at++)
        {
            byte[] packet = [.. original];
            packet[at] ^= 0x04;
            FixCrc(packet);
            Assert.That(verifier.Verify(packet, out _, out _), Is.Not.EqualTo(LinkRefusal.None), $"byte {at}");
        }

        Assert.That(verifier.Verify(original, out _, out _), Is.EqualTo(LinkRefusal.None), "the untouched command is still fresh");
    }

    [Test]
    public void Verify_UnknownKey_RefusedNamingTheLoadedKeys()
    {
        var verifier = new TelecommandVerifier(Ring, false, _ => 0);
        byte[] packet = new TelecommandSigner(new LinkKey(3, new byte[32]), 1).Sign(LinkApids.Flight, 17, 1, [], out _, out _);

        Assert.That(verifier.Verify(packet, out _, out string reason), Is.EqualTo(LinkRefusal.UnknownKey));
        Assert.That(reason, Is.EqualTo("key 3 is not loaded on this node (loaded: 1, 2)"));
    }

    [Test]
    public void Verify_DevelopmentKeyNotInDevelopmentMode_Refused()
    {
        var verifier = new TelecommandVerifier(Ring, false, _ => 0);
        byte[] packet = new TelecommandSigner(null, 1).Sign(LinkApids.Flight, 17, 1, [], out _, out _);

        Assert.That(verifier.Verify(packet, out _, out string reason), Is.EqualTo(LinkRefusal.DevelopmentKeyRefused));
        Assert.That(reason, Does.Contain("development mode"));
    }

    [Test]
    public void Verify_DevelopmentKeyInDevelopmentMode_AcceptedWithoutKeysAndReplayChecked()
    {
        var verifier = new TelecommandVerifier(KeyRing.Empty, true, _ => 0);
        byte[] packet = new TelecommandSigner(null, 1).Sign(LinkApids.Flight, 17, 1, [], out _, out _);

        Assert.That(verifier.Verify(packet, out var command, out _), Is.EqualTo(LinkRefusal.None));
        Assert.That(command.KeyId, Is.Zero);
        Assert.That(verifier.Verify(packet, out _, out _), Is.EqualTo(LinkRefusal.Replayed));
        Assert.That(verifier.HighestSequences, Is.EqualTo(new[] { KeyValuePair.Create((ushort)0, 1UL) }));
    }

    [Test]
    public void Verify_DevelopmentModeWithKeys_StillChecksRealKeys()
    {
        var verifier = new TelecommandVerifier(Ring, true, _ => 0);
        var impostor = new LinkKey(2, new byte[32]);
        Assert.That(verifier.Verify(new TelecommandSigner(impostor, 1).Sign(LinkApids.Flight, 17, 1, [], out _, out _), out _, out _), Is.EqualTo(LinkRefusal.BadMac));
        Assert.That(verifier.Verify(new TelecommandSigner(null, 1).Sign(LinkApids.Flight, 17, 1, [], out _, out _), out _, out _), Is.EqualTo(LinkRefusal.None));
    }

    [Test]
    public void Verify_NoKeyLoaded_EveryCommandRefusedAsUnauthenticated()
    {
        var verifier = new TelecommandVerifier(KeyRing.Empty, false, _ => 0);
        foreach (var key in new[] { null, KeyOne })
        {
            byte[] packet = new TelecommandSigner(key, 1).Sign(LinkApids.Flight, 17, 1, [], out _, out _);
            Assert.That(verifier.Verify(packet, out _, out string reason), Is.EqualTo(LinkRefusal.Unauthenticated));
            Assert.That(reason, Does.Contain("no key is loaded"));
        }
    }

    [Test]
    public void Verify_TooShortForSecurityHeaderAndMac_RefusedAsUnauthenticated()
    {
        var verifier = new TelecommandVerifier(Ring, false, _ => 0);
        byte[] packet = Packet(PacketType.Telecommand, true, LinkApids.Flight, [0x2F, 17, 1, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1]);

        Assert.That(verifier.Verify(packet, out _, out string reason), Is.EqualTo(LinkRefusal.Unauthenticated));
        Assert.That(reason, Does.Contain("too short"));
    }

    [Test]
    public void Verify_HeaderProblems_RefusedWithTheirReasons()
    {
        var verifier = new TelecommandVerifier(Ring, false, _ => 0);
        byte[] userData = new byte[TelecommandLayout.UserDataOverhead];
        userData[0] = 0x2F;

        Assert.That(verifier.Verify(Packet(PacketType.Telemetry, true, LinkApids.Flight, userData), out _, out _), Is.EqualTo(LinkRefusal.NotTelecommand));
        Assert.That(verifier.Verify(Packet(PacketType.Telecommand, true, 0x123, userData), out _, out string apid), Is.EqualTo(LinkRefusal.UnknownApid));
        Assert.That(apid, Does.Contain("0x123"));
        Assert.That(verifier.Verify(Packet(PacketType.Telecommand, false, LinkApids.Flight, userData), out _, out string noSecondary), Is.EqualTo(LinkRefusal.MalformedHeader));
        Assert.That(noSecondary, Does.Contain("no secondary header"));
        userData[0] = 0x1F;
        Assert.That(verifier.Verify(Packet(PacketType.Telecommand, true, LinkApids.Flight, userData), out _, out string version), Is.EqualTo(LinkRefusal.MalformedHeader));
        Assert.That(version, Does.Contain("PUS version 2"));
        byte[] broken = Packet(PacketType.Telecommand, true, LinkApids.Flight, userData);
        broken[^1] ^= 1;
        Assert.That(verifier.Verify(broken, out _, out string crc), Is.EqualTo(LinkRefusal.MalformedHeader));
        Assert.That(crc, Does.Contain("BadCrc"));
    }

    [Test]
    public void Verify_FromFourThreads_EverySequenceAcceptedExactlyOnce()
    {
        var verifier = new TelecommandVerifier(Ring, false, _ => 0);
        var signer = new TelecommandSigner(KeyOne, 1);
        var packets = Enumerable.Range(0, 400).Select(i => signer.Sign(LinkApids.Flight, 17, 1, [], out _, out _)).ToArray();
        int accepted = 0;

        Parallel.For(0, 4, worker =>
        {
            foreach (byte[] packet in packets)
            {
                if (verifier.Verify(packet, out _, out _) == LinkRefusal.None)
                {
                    Interlocked.Increment(ref accepted);
                }
            }
        });

        Assert.That(accepted, Is.EqualTo(packets.Length));
        Assert.That(verifier.HighestSequences[0].Value, Is.EqualTo(400UL));
    }

    private static byte[] Packet(PacketType type, bool secondary, int apid, byte[] userData)
    {
        var packet = new byte[SpacePacket.LengthFor(userData.Length)];
        SpacePacket.Encode(type, secondary, apid, 0, userData, packet);
        return packet;
    }

    private static void FixCrc(byte[] packet)
    {
        int crcAt = packet.Length - 2;
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(crcAt), Crc16Ccitt.Compute(packet.AsSpan(0, crcAt)));
    }
}
