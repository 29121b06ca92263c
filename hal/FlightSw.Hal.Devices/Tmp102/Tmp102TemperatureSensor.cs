namespace FlightSw.Hal.Devices;

/// <summary>
/// The board's <see cref="ITemperatureSensor"/> on a TMP102, reading the chip's temperature
/// register as the chip leaves it (power-on: 12-bit, 4 Hz continuous). Does not change the chip's
/// configuration.
/// </summary>
public sealed class Tmp102TemperatureSensor : ITemperatureSensor, IDisposable
{
    private readonly Tmp102 _tmp102;
    private readonly bool _shouldDispose;

    /// <summary>Wraps <paramref name="tmp102"/>. Does not touch the chip.</summary>
    /// <param name="tmp102">The chip driver.</param>
    /// <param name="shouldDispose">True when this sensor owns <paramref name="tmp102"/> and disposes it with itself.</param>
    public Tmp102TemperatureSensor(Tmp102 tmp102, bool shouldDispose = true)
    {
        ArgumentNullException.ThrowIfNull(tmp102);
        _tmp102 = tmp102;
        _shouldDispose = shouldDispose;
    }

    /// <inheritdoc />
    public double ReadCelsius() => _tmp102.ReadTemperatureCelsius();

    /// <inheritdoc />
    public bool TryReadCelsius(out double celsius) => _tmp102.TryReadTemperatureCelsius(out celsius);

    /// <summary>Disposes the TMP102 driver when this sensor owns it.</summary>
    public void Dispose()
    {
        if (_shouldDispose)
        {
            _tmp102.Dispose();
        }
    }
}
