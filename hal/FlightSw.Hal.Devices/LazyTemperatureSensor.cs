namespace FlightSw.Hal.Devices;

/// <summary>A temperature sensor opened on first use, and opened again after the chip failed to answer while opening.</summary>
public sealed class LazyTemperatureSensor : ITemperatureSensor, IDisposable
{
    private readonly LazyDevice<ITemperatureSensor> _sensor;

    /// <summary>Wraps <paramref name="open"/>, which builds the driver and throws <see cref="IOException"/> when the chip does not answer.</summary>
    public LazyTemperatureSensor(Func<ITemperatureSensor> open)
    {
        ArgumentNullException.ThrowIfNull(open);
        _sensor = new LazyDevice<ITemperatureSensor>(open, this);
    }

    /// <inheritdoc />
    /// <exception cref="ObjectDisposedException">The sensor was disposed.</exception>
    public double ReadCelsius() => _sensor.Get().ReadCelsius();

    /// <inheritdoc />
    /// <exception cref="ObjectDisposedException">The sensor was disposed.</exception>
    public bool TryReadCelsius(out double celsius)
    {
        if (_sensor.TryGet(out var sensor))
        {
            return sensor.TryReadCelsius(out celsius);
        }

        celsius = double.NaN;
        return false;
    }

    /// <summary>Disposes the driver if it was opened; afterwards reads throw <see cref="ObjectDisposedException"/> instead of opening the chip again.</summary>
    public void Dispose() => _sensor.Dispose();
}
