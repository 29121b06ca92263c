using System.IO.Ports;

namespace FlightSw.Link.Service;

/// <summary>
/// A ground connection over a serial line (System.IO.Ports): 8 data bits, no parity, one stop
/// bit. A serial line has no packet boundaries and picks up noise; the sync-marker framing above
/// it re-synchronises.
/// </summary>
public sealed class SerialLinkPort : LinkPort
{
    private readonly SerialPort _port;

    /// <summary>Opens <paramref name="device"/> (for example <c>/dev/ttyUSB0</c>) at <paramref name="baudRate"/>; throws <see cref="IOException"/> naming the device when it cannot.</summary>
    public SerialLinkPort(string device, int baudRate, TimeSpan? quietPeriod = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(device);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(baudRate);
        _port = new SerialPort(device, baudRate, Parity.None, 8, StopBits.One)
        {
            ReadTimeout = (int)(quietPeriod ?? DefaultQuietPeriod).TotalMilliseconds,
            WriteTimeout = 5_000,
            Handshake = Handshake.None,
        };
        try
        {
            _port.Open();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
        {
            _port.Dispose();
            throw new IOException($"Cannot open serial port {device} at {baudRate} baud: {ex.Message}", ex);
        }

        Name = $"serial {device}";
    }

    /// <inheritdoc />
    public override string Name { get; }

    /// <inheritdoc />
    public override int Read(byte[] buffer)
    {
        try
        {
            return _port.Read(buffer, 0, buffer.Length);
        }
        catch (TimeoutException)
        {
            return Quiet;
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or OperationCanceledException)
        {
            return 0;
        }
    }

    /// <inheritdoc />
    public override void Write(ReadOnlySpan<byte> bytes)
    {
        try
        {
            _port.BaseStream.Write(bytes);
        }
        catch (Exception ex) when (ex is TimeoutException or InvalidOperationException)
        {
            throw new IOException($"{Name}: {ex.Message}", ex);
        }
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _port.Dispose();
        }
    }
}
