using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using FlightSw.Link.Packets;

namespace FlightSw.Link.Security;

/// <summary>
/// The node's side of telecommand authentication. <see cref="Verify"/> checks, in order: the
/// packet (header, length, CRC), that it is a telecommand on a known APID with a PUS secondary
/// header, the security header, the key, the MAC (in constant time), and the anti-replay window
/// of the key; an accepted sequence is recorded. Thread-safe.
/// </summary>
/// <remarks>
/// With no key loaded and not in development mode every telecommand is refused as
/// <see cref="LinkRefusal.Unauthenticated"/>. Development key 0 is accepted only in development
/// mode, and its MAC is not checked.
/// </remarks>
public sealed class TelecommandVerifier
{
    private readonly KeyRing _keys;
    private readonly bool _developmentMode;
    private readonly Dictionary<ushort, ReplayWindow> _windows = [];
    private readonly Lock _gate = new();

    /// <summary>Creates a verifier.</summary>
    /// <param name="keys">The keys the node holds.</param>
    /// <param name="developmentMode">Whether development key 0 is accepted.</param>
    /// <param name="initialHighest">The highest sequence accepted per key id by earlier runs (persisted); 0 when none.</param>
    public TelecommandVerifier(KeyRing keys, bool developmentMode, Func<ushort, ulong> initialHighest)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(initialHighest);
        _keys = keys;
        _developmentMode = developmentMode;
        if (developmentMode)
        {
            _windows[TelecommandLayout.DevelopmentKeyId] = new ReplayWindow(initialHighest(TelecommandLayout.DevelopmentKeyId));
        }

        foreach (var key in keys.Keys)
        {
            _windows[key.Id] = new ReplayWindow(initialHighest(key.Id));
        }
    }

    /// <summary>Whether development key 0 is accepted.</summary>
    public bool DevelopmentMode => _developmentMode;

    /// <summary>The highest sequence accepted per key id (development key 0 included in development mode), by ascending id.</summary>
    public IReadOnlyList<KeyValuePair<ushort, ulong>> HighestSequences
    {
        get
        {
            lock (_gate)
            {
                return [.. _windows.OrderBy(pair => pair.Key).Select(pair => KeyValuePair.Create(pair.Key, pair.Value.Highest))];
            }
        }
    }

    /// <summary>
    /// Verifies <paramref name="packet"/> (one whole packet, without the sync marker). On
    /// acceptance returns <see cref="LinkRefusal.None"/>, fills <paramref name="command"/> and
    /// records the sequence; otherwise returns the refusal and <paramref name="reason"/>, a
    /// sentence for the operator.
    /// </summary>
    public LinkRefusal Verify(ReadOnlySpan<byte> packet, out Telecommand command, out string reason)
    {
        command = default;
        if (!SpacePacket.TryDecode(packet, out var header, out var userRange, out var packetRefusal))
        {
            reason = $"the packet is not sound ({packetRefusal})";
            return LinkRefusal.MalformedHeader;
        }

        if (header.Type != PacketType.Telecommand)
        {
            reason = "the packet is telemetry, not a telecommand";
            return LinkRefusal.NotTelecommand;
        }

        if (header.Apid is not (LinkApids.Flight or LinkApids.SimControl))
        {
            reason = $"APID 0x{header.Apid:X3} takes no telecommands (flight 0x{LinkApids.Flight:X3}, simulation control 0x{LinkApids.SimControl:X3})";
            return LinkRefusal.UnknownApid;
        }

        var userData = packet[userRange];
        if (!header.HasSecondaryHeader || !TcSecondaryHeader.TryRead(userData, out var secondary, out _))
        {
            reason = header.HasSecondaryHeader
                ? "the secondary header is not a PUS version 2 telecommand header"
                : "the packet has no secondary header";
            return LinkRefusal.MalformedHeader;
        }

        if (userData.Length < TelecommandLayout.UserDataOverhead)
        {
            reason = $"the packet is too short for a security header and MAC ({userData.Length} bytes of user data, at least {TelecommandLayout.UserDataOverhead} needed)";
            return LinkRefusal.Unauthenticated;
        }

        ushort keyId = BinaryPrimitives.ReadUInt16BigEndian(packet[TelecommandLayout.SecurityHeaderOffset..]);
        ulong sequence = BinaryPrimitives.ReadUInt64BigEndian(packet[TelecommandLayout.SequenceOffset..]);
        int macAt = packet.Length - SpacePacket.TrailerLength - TelecommandLayout.MacLength;
        var refusal = Authenticate(packet, keyId, macAt, out reason);
        if (refusal != LinkRefusal.None)
        {
            return refusal;
        }

        lock (_gate)
        {
            var window = _windows[keyId];
            refusal = window.Check(sequence);
            if (refusal != LinkRefusal.None)
            {
                reason = refusal == LinkRefusal.Replayed
                    ? $"sequence {sequence} of key {keyId} was already accepted (highest accepted {window.Highest})"
                    : $"sequence {sequence} of key {keyId} is older than the replay window ({window.Size} below the highest accepted, {window.Highest}); sign above {window.Highest}";
                return refusal;
            }

            window.Accept(sequence);
        }

        command = new Telecommand(
            header.Apid,
            BinaryPrimitives.ReadUInt32BigEndian(packet),
            secondary,
            keyId,
            sequence,
            packet[TelecommandLayout.ApplicationDataOffset..macAt].ToArray());
        reason = "";
        return LinkRefusal.None;
    }

    private LinkRefusal Authenticate(ReadOnlySpan<byte> packet, ushort keyId, int macAt, out string reason)
    {
        if (_keys.IsEmpty && !_developmentMode)
        {
            reason = "no key is loaded on this node, so no telecommand can be authenticated (give the node a key file, or start it in development mode)";
            return LinkRefusal.Unauthenticated;
        }

        if (keyId == TelecommandLayout.DevelopmentKeyId)
        {
            if (_developmentMode)
            {
                reason = "";
                return LinkRefusal.None;
            }

            reason = "key 0 is the development key, accepted only by a node started in development mode";
            return LinkRefusal.DevelopmentKeyRefused;
        }

        var key = _keys.Find(keyId);
        if (key is null)
        {
            string loaded = _keys.IsEmpty ? "none" : string.Join(", ", _keys.Keys.Select(k => k.Id.ToString(CultureInfo.InvariantCulture)));
            reason = $"key {keyId} is not loaded on this node (loaded: {loaded})";
            return LinkRefusal.UnknownKey;
        }

        Span<byte> expected = stackalloc byte[TelecommandLayout.MacLength];
        TelecommandSigner.ComputeMac(key.Secret, packet[..macAt], expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, packet.Slice(macAt, TelecommandLayout.MacLength)))
        {
            reason = $"the MAC does not match key {keyId}: the packet was altered, or signed with another secret";
            return LinkRefusal.BadMac;
        }

        reason = "";
        return LinkRefusal.None;
    }
}
