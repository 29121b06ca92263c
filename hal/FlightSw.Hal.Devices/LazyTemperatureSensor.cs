namespace FlightSw.Hal.Devices;

/// <summary>A temperature sensor opened on first use, and opened again after the chip failed to answer while opening.</summary>
public sealed class LazyTemperatureSensor : ITemperatureSensor, IDisposable
{
    private readonly Func<ITemperatureSensor> _open;
    private ITemperatureSensor? _sensor;

    /// <summary>Wraps <paramref name="open"/>, which builds the driver and throws <see cref="IOException"/> when the chip does not answer.</summary>
    public LazyTemperatureSensor(Func<ITemperatureSensor> open)
    {
        ArgumentNullException.ThrowIfNull(open);
        _open = open;
    }

    /// <inheritdoc />
    public double ReadCelsius() => (_sensor ??= _open()).ReadCelsius();

    /// <inheritdoc />
    public bool TryReadCelsius(out double celsius)
    {
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

    /// <inheritdoc />
    public void Dispose() => (_sensor as IDisposable)?.Dispose();
}
