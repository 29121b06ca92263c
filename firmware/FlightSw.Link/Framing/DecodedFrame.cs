using FlightSw.Link.Packets;

namespace FlightSw.Link.Framing;

/// <summary>What the <see cref="FrameDecoder"/> made of one sync marker: an accepted packet (CRC checked), or a refusal.</summary>
/// <param name="Packet">The packet without its sync marker; null when refused.</param>
/// <param name="Refusal">Why the frame was refused; null when accepted.</param>
public readonly record struct DecodedFrame(byte[]? Packet, PacketRefusal? Refusal)
{
    /// <summary>Whether the frame carried a sound packet.</summary>
    public bool IsAccepted => Packet is not null;
}
