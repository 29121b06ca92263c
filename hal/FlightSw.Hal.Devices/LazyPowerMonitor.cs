namespace FlightSw.Hal.Devices;

/// <summary>A power monitor opened on first use, and opened again after the chip failed to answer while opening.</summary>
public sealed class LazyPowerMonitor : IPowerMonitor, IDisposable
{
    private readonly Func<IPowerMonitor> _open;
    private IPowerMonitor? _monitor;

    /// <summary>Wraps <paramref name="open"/>, which builds the driver and throws <see cref="IOException"/> when the chip does not answer.</summary>
    public LazyPowerMonitor(Func<IPowerMonitor> open)
    {
        ArgumentNullException.ThrowIfNull(open);
        _open = open;
    }

    /// <inheritdoc />
    public PowerReading Read() => (_monitor ??= _open()).Read();

    /// <inheritdoc />
    public bool TryRead(out PowerReading reading)
    {
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

    /// <inheritdoc />
    public void Dispose() => (_monitor as IDisposable)?.Dispose();
}
