using FlightSw.Link.Packets;

namespace FlightSw.Link.Messages;

/// <summary>A telemetry packet as the ground receives it.</summary>
/// <param name="Header">The primary header.</param>
/// <param name="Secondary">The secondary header: service, subtype, board time.</param>
/// <param name="ApplicationData">The application data (a view into the packet).</param>
public readonly record struct TelemetryPacket(SpacePacketHeader Header, TmSecondaryHeader Secondary, ReadOnlyMemory<byte> ApplicationData)
{
    /// <summary>
    /// Reads <paramref name="packet"/> (one whole packet, without the sync marker): checks its
    /// header, length and CRC, that it is telemetry, and its secondary header; false with
    /// <paramref name="reason"/> otherwise.
    /// </summary>
    public static bool TryDecode(byte[] packet, out TelemetryPacket tm, out string reason)
    {
        ArgumentNullException.ThrowIfNull(packet);
        tm = default;
        if (!SpacePacket.TryDecode(packet, out var header, out var userRange, out var refusal))
        {
            reason = $"the packet is not sound ({refusal})";
            return false;
        }

        if (header.Type != PacketType.Telemetry)
        {
            reason = "the packet is a telecommand, not telemetry";
            return false;
        }

        var (userStart, userLength) = userRange.GetOffsetAndLength(packet.Length);
        if (!header.HasSecondaryHeader || !TmSecondaryHeader.TryRead(packet.AsSpan(userStart, userLength), out var secondary, out _))
        {
            reason = header.HasSecondaryHeader
                ? "the secondary header is missing or not a PUS version 2 telemetry header"
                : "the packet has no secondary header";
            return false;
        }

        tm = new TelemetryPacket(header, secondary, packet.AsMemory(userStart + TmSecondaryHeader.Length, userLength - TmSecondaryHeader.Length));
        reason = "";
        return true;
    }
}
