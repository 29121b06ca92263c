namespace FlightSw.Hal.Devices;

/// <summary>A power monitor opened on first use, and opened again after the chip failed to answer while opening.</summary>
public sealed class LazyPowerMonitor : IPowerMonitor, IDisposable
{
    private readonly Func<IPowerMonitor> _open;
    private IPowerMonitor? _monitor;
    private bool _disposed;

    /// <summary>Wraps <paramref name="open"/>, which builds the driver and throws <see cref="IOException"/> when the chip does not answer.</summary>
    public LazyPowerMonitor(Func<IPowerMonitor> open)
    {
        ArgumentNullException.ThrowIfNull(open);
        _open = open;
    }

    /// <inheritdoc />
    /// <exception cref="ObjectDisposedException">The monitor was disposed.</exception>
    public PowerReading Read()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return (_monitor ??= _open()).Read();
    }

    /// <inheritdoc />
    /// <exception cref="ObjectDisposedException">The monitor was disposed.</exception>
    public bool TryRead(out PowerReading reading)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        try
        {
            _monitor ??= _open();
        }
        catch (IOException)
        {
            reading = default;
            return false;
        }

        return _monitor.TryRead(out reading);
    }

    /// <summary>Disposes the driver if it was opened; afterwards reads throw <see cref="ObjectDisposedException"/> instead of opening the chip again.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        (_monitor as IDisposable)?.Dispose();
    }
}
