namespace FlightSw.Link.Service;

/// <summary>
/// One byte stream to a ground station: a TCP connection or a serial line. Reads report a quiet
/// line separately from a closed one, so the frame decoder can give up a frame cut short by noise.
/// </summary>
public abstract class LinkPort : IDisposable
{
    /// <summary>What <see cref="Read"/> returns when nothing arrived within the quiet period.</summary>
    public const int Quiet = -1;

    /// <summary>Default quiet period: a frame that stops arriving for 250 ms is given up.</summary>
    public static readonly TimeSpan DefaultQuietPeriod = TimeSpan.FromMilliseconds(250);

    /// <summary>Where the port leads, for messages: <c>tcp 127.0.0.1:40112</c>, <c>serial /dev/ttyUSB0</c>.</summary>
    public abstract string Name { get; }

    /// <summary>
    /// Reads what has arrived into <paramref name="buffer"/>: the byte count, 0 when the other
    /// end closed, or <see cref="Quiet"/> when nothing came within the quiet period.
    /// </summary>
    public abstract int Read(byte[] buffer);

    /// <summary>Writes <paramref name="bytes"/> completely; throws <see cref="IOException"/> when the line is gone.</summary>
    public abstract void Write(ReadOnlySpan<byte> bytes);

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Closes the port.</summary>
    protected abstract void Dispose(bool disposing);
}
