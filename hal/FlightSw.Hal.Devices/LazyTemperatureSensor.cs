namespace FlightSw.Hal.Devices;

/// <summary>A temperature sensor opened on first use, and opened again after the chip failed to answer while opening.</summary>
public sealed class LazyTemperatureSensor : ITemperatureSensor, IDisposable
{
    private readonly Func<ITemperatureSensor> _open;
    private ITemperatureSensor? _sensor;
    private bool _disposed;

    /// <summary>Wraps <paramref name="open"/>, which builds the driver and throws <see cref="IOException"/> when the chip does not answer.</summary>
    public LazyTemperatureSensor(Func<ITemperatureSensor> open)
    {
        ArgumentNullException.ThrowIfNull(open);
        _open = open;
    }

    /// <inheritdoc />
    /// <exception cref="ObjectDisposedException">The sensor was disposed.</exception>
    public double ReadCelsius()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return (_sensor ??= _open()).ReadCelsius();
    }

    /// <inheritdoc />
    /// <exception cref="ObjectDisposedException">The sensor was disposed.</exception>
    public bool TryReadCelsius(out double celsius)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        try
        {
            _sensor ??= _open();
        }
        catch (IOException)
        {
            celsius = double.NaN;
            return false;
        }

        return _sensor.TryReadCelsius(out celsius);
    }

    /// <summary>Disposes the driver if it was opened; afterwards reads throw <see cref="ObjectDisposedException"/> instead of opening the chip again.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        (_sensor as IDisposable)?.Dispose();
    }
}
