namespace FlightSw.Hal;

/// <summary>Measures the board's supply: bus voltage, current and power.</summary>
public interface IPowerMonitor
{
    /// <summary>Reads the monitor. Throws <see cref="IOException"/> when the chip does not answer.</summary>
    PowerReading Read();

    /// <summary>Reads the monitor; false (and a default reading) when the chip does not answer or a value overflowed.</summary>
    bool TryRead(out PowerReading reading);
}
