namespace FlightSw.Hal.Devices;

/// <summary>
/// The board's <see cref="IPowerMonitor"/> on an INA219: calibrates the chip on construction from
/// the shunt and the largest expected current, then reads bus voltage, shunt voltage, current and
/// power on each <see cref="Read"/>. The chip's other settings stay at their power-on values
/// (32 V range, PGA /8, 12-bit, continuous).
/// </summary>
/// <remarks>
/// Each read first checks that the chip still holds the calibration. When it does not (the chip
/// was reset or power-cycled, which clears it to 0 and would make current and power read 0), the
/// monitor writes the calibration again, counts it in <see cref="RecalibrationCount"/> and fails
/// that one read, since the chip's registers still hold the uncalibrated conversion.
/// </remarks>
public sealed class Ina219PowerMonitor : IPowerMonitor, IDisposable
{
    private readonly Ina219 _ina219;
    private readonly bool _shouldDispose;
    private readonly double _shuntOhms;
    private readonly double _maxExpectedAmps;
    private long _recalibrationCount;

    /// <summary>Wraps <paramref name="ina219"/> and calibrates it.</summary>
    /// <param name="ina219">The chip driver.</param>
    /// <param name="shuntOhms">Resistance of the current shunt, in ohms.</param>
    /// <param name="maxExpectedAmps">Largest current the board is expected to draw, in amperes.</param>
    /// <param name="shouldDispose">True when this monitor owns <paramref name="ina219"/> and disposes it with itself.</param>
    /// <exception cref="ArgumentOutOfRangeException">The shunt and current do not give a valid calibration (see <see cref="Ina219.Calibrate"/>).</exception>
    /// <exception cref="IOException">The chip does not answer.</exception>
    public Ina219PowerMonitor(Ina219 ina219, double shuntOhms, double maxExpectedAmps, bool shouldDispose = true)
    {
        ArgumentNullException.ThrowIfNull(ina219);
        _ina219 = ina219;
        _shouldDispose = shouldDispose;
        _shuntOhms = shuntOhms;
        _maxExpectedAmps = maxExpectedAmps;
        _ina219.Calibrate(shuntOhms, maxExpectedAmps);
    }

    /// <summary>How many times a read found the chip's calibration lost and wrote it again.</summary>
    public long RecalibrationCount => Interlocked.Read(ref _recalibrationCount);

    /// <inheritdoc />
    /// <exception cref="IOException">The chip does not answer, or had lost its calibration (this read only).</exception>
    /// <exception cref="OverflowException">The chip flags a math overflow: the current or power is beyond its range.</exception>
    public PowerReading Read()
    {
        if (_ina219.CalibrationRegister != _ina219.CalibrationValue)
        {
            _ina219.Calibrate(_shuntOhms, _maxExpectedAmps);
            Interlocked.Increment(ref _recalibrationCount);
            throw new IOException(
                "The INA219 had lost its calibration (the chip was reset); it is recalibrated and the next read will be valid.");
        }

        return _ina219.ReadAll();
    }

    /// <inheritdoc />
    public bool TryRead(out PowerReading reading)
    {
        try
        {
            reading = Read();
            return true;
        }
        catch (Exception exception) when (exception is IOException or OverflowException)
        {
            reading = default;
            return false;
        }
    }

    /// <summary>Disposes the INA219 driver when this monitor owns it.</summary>
    public void Dispose()
    {
        if (_shouldDispose)
        {
            _ina219.Dispose();
        }
    }
}
