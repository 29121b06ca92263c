namespace FlightSw.Hal.Devices;

/// <summary>A power monitor opened on first use, and opened again after the chip failed to answer while opening.</summary>
public sealed class LazyPowerMonitor : IPowerMonitor, IDisposable
{
    private readonly LazyDevice<IPowerMonitor> _monitor;

    /// <summary>Wraps <paramref name="open"/>, which builds the driver and throws <see cref="IOException"/> when the chip does not answer.</summary>
    public LazyPowerMonitor(Func<IPowerMonitor> open)
    {
        ArgumentNullException.ThrowIfNull(open);
        _monitor = new LazyDevice<IPowerMonitor>(open, this);
    }

    /// <inheritdoc />
    /// <exception cref="ObjectDisposedException">The monitor was disposed.</exception>
    public PowerReading Read() => _monitor.Get().Read();

    /// <inheritdoc />
    /// <exception cref="ObjectDisposedException">The monitor was disposed.</exception>
    public bool TryRead(out PowerReading reading)
    {
        if (_monitor.TryGet(out var monitor))
        {
            return monitor.TryRead(out reading);
        }

        reading = default;
        return false;
    }

    /// <summary>Disposes the driver if it was opened; afterwards reads throw <see cref="ObjectDisposedException"/> instead of opening the chip again.</summary>
    public void Dispose() => _monitor.Dispose();
}
