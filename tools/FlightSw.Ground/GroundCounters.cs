using System.Globalization;
using FlightSw.Link.Packets;

namespace FlightSw.Ground;

/// <summary>
/// What a <see cref="GroundClient"/> has received so far: live counters, safe to read from any
/// thread while the receive thread updates them.
/// </summary>
public sealed class GroundCounters
{
    private readonly long[] _refused = new long[Enum.GetValues<PacketRefusal>().Length];
    private long _packets;
    private long _noise;
    private long _decodeErrors;
    private long _unmatched;
    private long _handlerErrors;
    private string? _lastProblem;

    /// <summary>Frames whose packet passed its CRC check.</summary>
    public long PacketsReceived => Interlocked.Read(ref _packets);

    /// <summary>Bytes outside any frame (before a sync marker).</summary>
    public long NoiseBytes => Interlocked.Read(ref _noise);

    /// <summary>Frames refused for any reason.</summary>
    public long FramesRefused
    {
        get
        {
            long total = 0;
            for (int i = 0; i < _refused.Length; i++)
            {
                total += Interlocked.Read(ref _refused[i]);
            }

            return total;
        }
    }

    /// <summary>Packets whose telemetry could not be decoded (bad secondary header, malformed application data).</summary>
    public long DecodeErrors => Interlocked.Read(ref _decodeErrors);

    /// <summary>Acknowledgements of telecommands this client is not waiting for (another ground's, or one given up on).</summary>
    public long UnmatchedAcknowledgements => Interlocked.Read(ref _unmatched);

    /// <summary>Exceptions thrown by subscribers of the client's events (the receive thread carries on).</summary>
    public long HandlerErrors => Interlocked.Read(ref _handlerErrors);

    /// <summary>The most recent decode or handler problem, for diagnostics; null when none.</summary>
    public string? LastProblem => Volatile.Read(ref _lastProblem);

    /// <summary>Frames refused for <paramref name="reason"/>.</summary>
    public long Refused(PacketRefusal reason)
    {
        int index = (int)reason;
        return index >= 0 && index < _refused.Length ? Interlocked.Read(ref _refused[index]) : 0;
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{PacketsReceived} packets, {FramesRefused} frames refused, {NoiseBytes} noise bytes, {DecodeErrors} decode errors, {UnmatchedAcknowledgements} unmatched acknowledgements");

    internal void Packet() => Interlocked.Increment(ref _packets);

    internal void Noise(long bytes) => Interlocked.Add(ref _noise, bytes);

    internal void FrameRefused(PacketRefusal reason)
    {
        int index = (int)reason;
        if (index >= 0 && index < _refused.Length)
        {
            Interlocked.Increment(ref _refused[index]);
        }
    }

    internal void DecodeError(string problem)
    {
        Interlocked.Increment(ref _decodeErrors);
        Volatile.Write(ref _lastProblem, problem);
    }

    internal void Unmatched() => Interlocked.Increment(ref _unmatched);

    internal void HandlerError(string problem)
    {
        Interlocked.Increment(ref _handlerErrors);
        Volatile.Write(ref _lastProblem, problem);
    }
}
