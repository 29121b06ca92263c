namespace FlightSw.Hal;

/// <summary>Measures the board temperature.</summary>
public interface ITemperatureSensor
{
    /// <summary>Reads the temperature in degrees Celsius. Throws <see cref="IOException"/> when the chip does not answer.</summary>
    double ReadCelsius();

    /// <summary>Reads the temperature in degrees Celsius; false when the chip does not answer.</summary>
    bool TryReadCelsius(out double celsius);
}
