using FlightSw.Link.Packets;
using FlightSw.Link.Security;

namespace FlightSw.Link.Service;

/// <summary>What the link has received, refused and sent since the node started; safe to read from any thread.</summary>
public sealed class LinkCounters
{
    private readonly long[] _framesRefused = new long[Enum.GetValues<PacketRefusal>().Max(r => (int)r) + 1];
    private readonly long[] _telecommandsRefused = new long[Enum.GetValues<LinkRefusal>().Max(r => (int)r) + 1];
    private readonly long[] _dropped = new long[Enum.GetValues<DownlinkPriority>().Length];
    private long _framesAccepted;
    private long _noiseBytes;
    private long _telecommandsAccepted;
    private long _packetsSent;

    /// <summary>Frames whose header and CRC were sound.</summary>
    public long FramesAccepted => Interlocked.Read(ref _framesAccepted);

    /// <summary>Bytes skipped while looking for a sync marker.</summary>
    public long NoiseBytes => Interlocked.Read(ref _noiseBytes);

    /// <summary>Telecommands verified and passed on.</summary>
    public long TelecommandsAccepted => Interlocked.Read(ref _telecommandsAccepted);

    /// <summary>Packets written to ground connections.</summary>
    public long PacketsSent => Interlocked.Read(ref _packetsSent);

    /// <summary>Frames refused for <paramref name="reason"/>.</summary>
    public long FramesRefused(PacketRefusal reason) => Interlocked.Read(ref _framesRefused[(int)reason]);

    /// <summary>Frames refused for any reason.</summary>
    public long FramesRefusedTotal => Enumerable.Range(0, _framesRefused.Length).Sum(i => Interlocked.Read(ref _framesRefused[i]));

    /// <summary>Telecommands refused for <paramref name="reason"/> (sound frames that failed a later check).</summary>
    public long TelecommandsRefused(LinkRefusal reason) => Interlocked.Read(ref _telecommandsRefused[(int)reason]);

    /// <summary>Telecommands refused for any reason.</summary>
    public long TelecommandsRefusedTotal => Enumerable.Range(0, _telecommandsRefused.Length).Sum(i => Interlocked.Read(ref _telecommandsRefused[i]));

    /// <summary>Packets of <paramref name="priority"/> dropped because a ground connection could not keep up.</summary>
    public long Dropped(DownlinkPriority priority) => Interlocked.Read(ref _dropped[(int)priority]);

    internal void FrameAccepted() => Interlocked.Increment(ref _framesAccepted);

    internal void Noise(long bytes) => Interlocked.Add(ref _noiseBytes, bytes);

    internal void FrameRefused(PacketRefusal reason) => Interlocked.Increment(ref _framesRefused[(int)reason]);

    internal void TelecommandAccepted() => Interlocked.Increment(ref _telecommandsAccepted);

    internal void TelecommandRefused(LinkRefusal reason) => Interlocked.Increment(ref _telecommandsRefused[(int)reason]);

    internal void Sent() => Interlocked.Increment(ref _packetsSent);

    internal void Drop(DownlinkPriority priority, long count) => Interlocked.Add(ref _dropped[(int)priority], count);
}
