using System.Buffers.Binary;
using System.Security.Cryptography;
using FlightSw.Link.Packets;

namespace FlightSw.Link.Security;

/// <summary>
/// The ground's side of telecommand authentication: builds complete signed telecommand packets
/// (see <see cref="TelecommandLayout"/>) with one key and consecutive anti-replay sequence
/// numbers, keeping the 14-bit packet sequence count. Not thread-safe: one signer per sender.
/// </summary>
public sealed class TelecommandSigner
{
    private readonly LinkKey? _key;
    private readonly ushort _sourceId;
    private int _packetCount;

    /// <summary>Creates a signer.</summary>
    /// <param name="key">The key to sign with; null signs with development key 0 (a zero MAC).</param>
    /// <param name="nextSequence">The anti-replay sequence of the first telecommand: one above the node's highest accepted for the key.</param>
    /// <param name="sourceId">The ground station's source id, written into every secondary header; default 1.</param>
    public TelecommandSigner(LinkKey? key, ulong nextSequence, ushort sourceId = 1)
    {
        _key = key;
        _sourceId = sourceId;
        NextSequence = nextSequence;
    }

    /// <summary>The key id the signer uses (0 for the development key).</summary>
    public ushort KeyId => _key?.Id ?? TelecommandLayout.DevelopmentKeyId;

    /// <summary>The anti-replay sequence the next telecommand gets.</summary>
    public ulong NextSequence { get; set; }

    /// <summary>
    /// Builds a signed telecommand packet (without the sync marker) and advances
    /// <see cref="NextSequence"/>.
    /// </summary>
    /// <param name="apid">Destination APID (<see cref="LinkApids"/>).</param>
    /// <param name="service">Service type.</param>
    /// <param name="subtype">Message subtype.</param>
    /// <param name="applicationData">The application data.</param>
    /// <param name="requestId">Bytes 0-3 of the primary header, which acknowledgements quote.</param>
    /// <param name="sequence">The anti-replay sequence used.</param>
    /// <exception cref="ArgumentOutOfRangeException">The APID is out of range or the application data is longer than <see cref="TelecommandLayout.MaxApplicationDataLength"/>.</exception>
    /// <exception cref="InvalidOperationException">The sequence numbers are used up.</exception>
    public byte[] Sign(int apid, byte service, byte subtype, ReadOnlySpan<byte> applicationData, out uint requestId, out ulong sequence)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(applicationData.Length, TelecommandLayout.MaxApplicationDataLength, nameof(applicationData));
        if (NextSequence == ulong.MaxValue)
        {
            throw new InvalidOperationException("The anti-replay sequence numbers of this key are used up; give the node a new key.");
        }

        int userLength = TelecommandLayout.UserDataOverhead + applicationData.Length;
        var packet = new byte[SpacePacket.LengthFor(userLength)];
        var header = new SpacePacketHeader(PacketType.Telecommand, true, apid, SequenceFlags.Unsegmented, _packetCount, userLength + SpacePacket.TrailerLength);
        header.Write(packet);
        _packetCount = (_packetCount + 1) & SpacePacketHeader.MaxSequenceCount;
        new TcSecondaryHeader(service, subtype, _sourceId).Write(packet.AsSpan(SpacePacketHeader.Length));

        sequence = NextSequence;
        NextSequence = sequence + 1;
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(TelecommandLayout.SecurityHeaderOffset), KeyId);
        BinaryPrimitives.WriteUInt64BigEndian(packet.AsSpan(TelecommandLayout.SequenceOffset), sequence);
        applicationData.CopyTo(packet.AsSpan(TelecommandLayout.ApplicationDataOffset));

        int macAt = TelecommandLayout.ApplicationDataOffset + applicationData.Length;
        if (_key is not null)
        {
            ComputeMac(_key.Secret, packet.AsSpan(0, macAt), packet.AsSpan(macAt, TelecommandLayout.MacLength));
        }

        int crcAt = packet.Length - SpacePacket.TrailerLength;
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(crcAt), Crc16Ccitt.Compute(packet.AsSpan(0, crcAt)));
        requestId = BinaryPrimitives.ReadUInt32BigEndian(packet);
        return packet;
    }

    /// <summary>Writes the first <see cref="TelecommandLayout.MacLength"/> bytes of HMAC-SHA256(<paramref name="secret"/>, <paramref name="covered"/>) into <paramref name="mac"/>.</summary>
    internal static void ComputeMac(ReadOnlySpan<byte> secret, ReadOnlySpan<byte> covered, Span<byte> mac)
    {
        Span<byte> full = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(secret, covered, full);
        full[..TelecommandLayout.MacLength].CopyTo(mac);
    }
}
