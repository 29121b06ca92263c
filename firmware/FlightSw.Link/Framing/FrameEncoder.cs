using System.Buffers;

namespace FlightSw.Link.Framing;

/// <summary>
/// Frames packets for a byte stream (TCP or serial): each packet is preceded by the CCSDS
/// attached sync marker 0x1ACFFC1D (CCSDS 131.0-B), which the <see cref="FrameDecoder"/> finds again.
/// </summary>
public static class FrameEncoder
{
    /// <summary>The attached sync marker, 0x1ACFFC1D. Do not modify.</summary>
    public static readonly byte[] SyncMarker = [0x1A, 0xCF, 0xFC, 0x1D];

    /// <summary>Bytes of the sync marker.</summary>
    public const int SyncMarkerLength = 4;

    /// <summary>The frame of <paramref name="packet"/>: sync marker, then the packet.</summary>
    public static byte[] Frame(ReadOnlySpan<byte> packet)
    {
        var frame = new byte[SyncMarkerLength + packet.Length];
        SyncMarker.CopyTo(frame, 0);
        packet.CopyTo(frame.AsSpan(SyncMarkerLength));
        return frame;
    }

    /// <summary>Writes the frame of <paramref name="packet"/> to <paramref name="stream"/> in one write (so frames of concurrent writers holding a lock never interleave).</summary>
    public static void WriteTo(Stream stream, ReadOnlySpan<byte> packet)
    {
        ArgumentNullException.ThrowIfNull(stream);
        int length = SyncMarkerLength + packet.Length;
        byte[] rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            SyncMarker.CopyTo(rented, 0);
            packet.CopyTo(rented.AsSpan(SyncMarkerLength));
            stream.Write(rented, 0, length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
