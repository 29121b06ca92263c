using System.Device.I2c;
using System.Globalization;

namespace FlightSw.Hal.Devices;

/// <summary>
/// Driver for the TI INA219 high-side current shunt and power monitor (datasheet SBOS448), over
/// any <see cref="I2cDevice"/>: bus and shunt voltage, and current and power once calibrated.
/// </summary>
/// <remarks>
/// <para>Configuration is exposed as properties that read or write the chip's configuration
/// register on every access; readings are methods that read the chip on every call. Each
/// <c>Read...</c> method throws <see cref="IOException"/> when the chip does not answer; each
/// <c>TryRead...</c> returns false instead (and also when the chip flags a math overflow).</para>
/// <para>Current and power need <see cref="Calibrate"/> first: until the calibration register is
/// programmed the chip's current and power registers read 0, so the driver refuses to read them
/// (<see cref="InvalidOperationException"/>, also from the <c>TryRead...</c> methods, since it is
/// a programming error and not a bus fault).</para>
/// <para>The math overflow flag (OVF, bit 0 of the bus voltage register) means the chip's current
/// or power result is out of range; <see cref="ReadCurrent"/> and <see cref="ReadPower"/> check it
/// and throw <see cref="OverflowException"/>. The bus voltage itself stays valid under OVF, so
/// <see cref="ReadBusVoltage"/> does not check it; use <see cref="ReadMathOverflow"/> to see it.</para>
/// </remarks>
public sealed class Ina219 : IDisposable
{
    /// <summary>Address with A1 and A0 tied to GND.</summary>
    public const int DefaultAddress = 0x40;

    /// <summary>Largest shunt voltage the chip measures (PGA /8), in volts: 0.32 V.</summary>
    public const double MaximumShuntVolts = 0.32;

    /// <summary>Shunt voltage register LSB, in volts: 10 uV.</summary>
    public const double ShuntVoltageLsbVolts = 10e-6;

    /// <summary>Bus voltage register LSB, in volts: 4 mV.</summary>
    public const double BusVoltageLsbVolts = 4e-3;

    /// <summary>Largest calibration register value (bit 0 is always 0).</summary>
    public const ushort MaximumCalibration = 0xFFFE;

    private const double CalibrationScale = 0.04096;
    private const ushort ResetBit = 0x8000;
    private const ushort BusRangeMask = 0x2000;
    private const int BusRangeShift = 13;
    private const ushort PgaMask = 0x1800;
    private const int PgaShift = 11;
    private const ushort BusAdcMask = 0x0780;
    private const int BusAdcShift = 7;
    private const ushort ShuntAdcMask = 0x0078;
    private const int ShuntAdcShift = 3;
    private const ushort ModeMask = 0x0007;
    private const ushort ConversionReadyBit = 0x0002;
    private const ushort MathOverflowBit = 0x0001;

    private readonly I2cDevice _device;
    private readonly bool _shouldDispose;
    private Ina219Calibration? _calibration;
    private bool _disposed;

    /// <summary>Creates the driver. Does not touch the chip.</summary>
    /// <param name="device">The chip's I2C device (bus and address).</param>
    /// <param name="shouldDispose">True when this driver owns <paramref name="device"/> and disposes it with itself.</param>
    public Ina219(I2cDevice device, bool shouldDispose = true)
    {
        ArgumentNullException.ThrowIfNull(device);
        _device = device;
        _shouldDispose = shouldDispose;
    }

    /// <summary>Bus voltage full-scale range (BRNG). Power-on default: 32 V.</summary>
    /// <exception cref="IOException">The chip does not answer.</exception>
    public Ina219BusVoltageRange BusVoltageRange
    {
        get => (Ina219BusVoltageRange)((ReadConfiguration() & BusRangeMask) >> BusRangeShift);
        set => WriteConfigurationField(BusRangeMask, BusRangeShift, (int)CheckDefined(value));
    }

    /// <summary>Shunt PGA gain and range (PG1..PG0). Power-on default: /8, +-320 mV.</summary>
    /// <exception cref="IOException">The chip does not answer.</exception>
    public Ina219PgaGain PgaGain
    {
        get => (Ina219PgaGain)((ReadConfiguration() & PgaMask) >> PgaShift);
        set => WriteConfigurationField(PgaMask, PgaShift, (int)CheckDefined(value));
    }

    /// <summary>Bus ADC resolution or averaging (BADC4..1). Power-on default: 12-bit.</summary>
    /// <exception cref="IOException">The chip does not answer.</exception>
    public Ina219AdcResolutionOrSamples BusAdcResolution
    {
        get => DecodeAdc((ReadConfiguration() & BusAdcMask) >> BusAdcShift);
        set => WriteConfigurationField(BusAdcMask, BusAdcShift, (int)CheckDefined(value));
    }

    /// <summary>Shunt ADC resolution or averaging (SADC4..1). Power-on default: 12-bit.</summary>
    /// <exception cref="IOException">The chip does not answer.</exception>
    public Ina219AdcResolutionOrSamples ShuntAdcResolution
    {
        get => DecodeAdc((ReadConfiguration() & ShuntAdcMask) >> ShuntAdcShift);
        set => WriteConfigurationField(ShuntAdcMask, ShuntAdcShift, (int)CheckDefined(value));
    }

    /// <summary>
    /// Operating mode (MODE3..1). Power-on default: shunt and bus continuous. Setting a triggered
    /// mode starts one conversion; setting it again starts another.
    /// </summary>
    /// <exception cref="IOException">The chip does not answer.</exception>
    public Ina219OperatingMode OperatingMode
    {
        get => (Ina219OperatingMode)(ReadConfiguration() & ModeMask);
        set => WriteConfigurationField(ModeMask, 0, (int)CheckDefined(value));
    }

    /// <summary>The calibration register as the chip holds it now (0 after power-on or reset).</summary>
    /// <exception cref="IOException">The chip does not answer.</exception>
    public ushort CalibrationRegister => ReadRegister(Ina219Register.Calibration);

    /// <summary>True once <see cref="Calibrate"/> has succeeded and no <see cref="Reset"/> has followed.</summary>
    public bool IsCalibrated => _calibration is not null;

    /// <summary>The calibration value this driver last wrote.</summary>
    /// <exception cref="InvalidOperationException">Not calibrated.</exception>
    public ushort CalibrationValue => RequireCalibration().Value;

    /// <summary>Amperes per count of the current register, from the calibration written: 0.04096 / (Cal x Rshunt).</summary>
    /// <exception cref="InvalidOperationException">Not calibrated.</exception>
    public double CurrentLsbAmps => RequireCalibration().CurrentLsbAmps;

    /// <summary>Watts per count of the power register: 20 x <see cref="CurrentLsbAmps"/>.</summary>
    /// <exception cref="InvalidOperationException">Not calibrated.</exception>
    public double PowerLsbWatts => RequireCalibration().PowerLsbWatts;

    /// <summary>
    /// Resets the chip (RST bit): all registers return to their power-on values, including the
    /// calibration, so the driver forgets its calibration too.
    /// </summary>
    /// <exception cref="IOException">The chip does not answer.</exception>
    public void Reset()
    {
        _calibration = null;
        WriteRegister(Ina219Register.Configuration, ResetBit);
    }

    /// <summary>
    /// Programs the calibration register by the datasheet procedure: the current LSB is the
    /// smallest of 1, 2 or 5 x 10^n amperes not below maxExpectedAmps / 32767, then
    /// Cal = trunc(0.04096 / (CurrentLsb x Rshunt)) with bit 0 cleared (the chip ignores it), and
    /// the power LSB is 20 x the current LSB. Leaves the PGA and bus range as they are.
    /// </summary>
    /// <param name="shuntOhms">Resistance of the shunt, in ohms; positive.</param>
    /// <param name="maxExpectedAmps">Largest current expected through the shunt, in amperes; positive and at most 0.32 V / <paramref name="shuntOhms"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">
    /// A value is not positive and finite, <paramref name="maxExpectedAmps"/> exceeds what the chip can measure
    /// through the shunt, or the two give a calibration outside 1 to 0xFFFE.
    /// </exception>
    /// <exception cref="IOException">The chip does not answer.</exception>
    public void Calibrate(double shuntOhms, double maxExpectedAmps)
    {
        if (!double.IsFinite(shuntOhms) || shuntOhms <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(shuntOhms), shuntOhms, "The shunt resistance must be positive and finite.");
        }

        if (!double.IsFinite(maxExpectedAmps) || maxExpectedAmps <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxExpectedAmps), maxExpectedAmps, "The maximum expected current must be positive and finite.");
        }

        // A relative tolerance keeps the exact full scale (0.32 V / 0.1 ohm = 3.2 A) acceptable despite rounding.
        double maxPossibleAmps = MaximumShuntVolts / shuntOhms;
        if (maxExpectedAmps > maxPossibleAmps * (1 + 1e-9))
        {
            throw new ArgumentOutOfRangeException(
                nameof(maxExpectedAmps),
                maxExpectedAmps,
                string.Create(CultureInfo.InvariantCulture, $"The INA219 measures at most {maxPossibleAmps} A through a {shuntOhms} ohm shunt (320 mV full scale)."));
        }

        double currentLsb = RoundUpToOneTwoFive(maxExpectedAmps / short.MaxValue);
        double exactCalibration = Math.Floor((CalibrationScale / (currentLsb * shuntOhms)) + 1e-6);
        if (exactCalibration < 1 || exactCalibration > MaximumCalibration)
        {
            throw new ArgumentOutOfRangeException(
                nameof(maxExpectedAmps),
                maxExpectedAmps,
                string.Create(CultureInfo.InvariantCulture, $"A {shuntOhms} ohm shunt at {maxExpectedAmps} A (current LSB {currentLsb} A) needs calibration {exactCalibration}, outside 1 to 0xFFFE: the full-scale shunt voltage is too small for the INA219 to resolve."));
        }

        ushort calibration = (ushort)((ushort)exactCalibration & MaximumCalibration);
        if (calibration == 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(maxExpectedAmps), maxExpectedAmps, "The calibration would be 1, which the chip stores as 0 (bit 0 is not implemented).");
        }

        WriteRegister(Ina219Register.Calibration, calibration);
        double effectiveLsb = CalibrationScale / (calibration * shuntOhms);
        _calibration = new Ina219Calibration(calibration, shuntOhms, effectiveLsb, 20 * effectiveLsb);
    }

    /// <summary>Reads the bus voltage (IN- to GND), in volts.</summary>
    /// <returns>Volts, 0 to 32.76.</returns>
    /// <exception cref="IOException">The chip does not answer.</exception>
    public double ReadBusVoltage() => DecodeBusVolts(ReadRegister(Ina219Register.BusVoltage));

    /// <summary>Reads the bus voltage, in volts; false when the chip does not answer.</summary>
    /// <param name="volts">The bus voltage, or 0 when false.</param>
    /// <returns>True when read.</returns>
    public bool TryReadBusVoltage(out double volts) => TryRead(ReadBusVoltage, out volts);

    /// <summary>Reads the shunt voltage (IN+ to IN-), in volts, signed; clipped to the PGA range.</summary>
    /// <returns>Volts, -0.32 to 0.32.</returns>
    /// <exception cref="IOException">The chip does not answer.</exception>
    public double ReadShuntVoltage() => DecodeShuntVolts(ReadRegister(Ina219Register.ShuntVoltage));

    /// <summary>Reads the shunt voltage, in volts; false when the chip does not answer.</summary>
    /// <param name="volts">The shunt voltage, or 0 when false.</param>
    /// <returns>True when read.</returns>
    public bool TryReadShuntVoltage(out double volts) => TryRead(ReadShuntVoltage, out volts);

    /// <summary>Reads the current through the shunt, in amperes, signed.</summary>
    /// <returns>Amperes.</returns>
    /// <exception cref="InvalidOperationException">Not calibrated.</exception>
    /// <exception cref="OverflowException">The chip flags a math overflow (OVF): the current is out of range.</exception>
    /// <exception cref="IOException">The chip does not answer.</exception>
    public double ReadCurrent()
    {
        Ina219Calibration calibration = RequireCalibration();
        ushort raw = ReadRegister(Ina219Register.Current);
        ThrowIfMathOverflow();
        return unchecked((short)raw) * calibration.CurrentLsbAmps;
    }

    /// <summary>Reads the current, in amperes; false when the chip does not answer or flags a math overflow.</summary>
    /// <param name="amps">The current, or 0 when false.</param>
    /// <returns>True when read.</returns>
    /// <exception cref="InvalidOperationException">Not calibrated.</exception>
    public bool TryReadCurrent(out double amps) => TryRead(ReadCurrent, out amps);

    /// <summary>Reads the power drawn through the shunt, in watts (never negative).</summary>
    /// <returns>Watts.</returns>
    /// <exception cref="InvalidOperationException">Not calibrated.</exception>
    /// <exception cref="OverflowException">The chip flags a math overflow (OVF): the power is out of range.</exception>
    /// <exception cref="IOException">The chip does not answer.</exception>
    public double ReadPower()
    {
        Ina219Calibration calibration = RequireCalibration();
        ushort raw = ReadRegister(Ina219Register.Power);
        ThrowIfMathOverflow();
        return raw * calibration.PowerLsbWatts;
    }

    /// <summary>Reads the power, in watts; false when the chip does not answer or flags a math overflow.</summary>
    /// <param name="watts">The power, or 0 when false.</param>
    /// <returns>True when read.</returns>
    /// <exception cref="InvalidOperationException">Not calibrated.</exception>
    public bool TryReadPower(out double watts) => TryRead(ReadPower, out watts);

    /// <summary>Reads the conversion ready flag (CNVR): set when a conversion completes, cleared by reading power or writing a mode.</summary>
    /// <returns>True when new data are available.</returns>
    /// <exception cref="IOException">The chip does not answer.</exception>
    public bool ReadConversionReady() => (ReadRegister(Ina219Register.BusVoltage) & ConversionReadyBit) != 0;

    /// <summary>Reads the math overflow flag (OVF): set when the current or power result is out of range.</summary>
    /// <returns>True when current and power data may be meaningless.</returns>
    /// <exception cref="IOException">The chip does not answer.</exception>
    public bool ReadMathOverflow() => (ReadRegister(Ina219Register.BusVoltage) & MathOverflowBit) != 0;

    /// <summary>Disposes the I2C device when this driver owns it.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_shouldDispose)
        {
            _device.Dispose();
        }
    }

    /// <summary>
    /// Reads bus, shunt, current and power in four transactions and the flags with the bus voltage
    /// (read last). Used by <see cref="Ina219PowerMonitor"/>.
    /// </summary>
    internal PowerReading ReadAll()
    {
        Ina219Calibration calibration = RequireCalibration();
        double shuntVolts = DecodeShuntVolts(ReadRegister(Ina219Register.ShuntVoltage));
        double amps = unchecked((short)ReadRegister(Ina219Register.Current)) * calibration.CurrentLsbAmps;
        double watts = ReadRegister(Ina219Register.Power) * calibration.PowerLsbWatts;
        ushort bus = ReadRegister(Ina219Register.BusVoltage);
        if ((bus & MathOverflowBit) != 0)
        {
            throw MathOverflow();
        }

        return new PowerReading(DecodeBusVolts(bus), shuntVolts, amps, watts);
    }

    private static double DecodeBusVolts(ushort raw) => (raw >> 3) * BusVoltageLsbVolts;

    private static double DecodeShuntVolts(ushort raw) => unchecked((short)raw) * ShuntVoltageLsbVolts;

    private static Ina219AdcResolutionOrSamples DecodeAdc(int code) => code switch
    {
        < 0x8 => (Ina219AdcResolutionOrSamples)(code & 0x3),
        0x8 => Ina219AdcResolutionOrSamples.Resolution12Bit,
        _ => (Ina219AdcResolutionOrSamples)code,
    };

    private static TEnum CheckDefined<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, $"Not a defined {typeof(TEnum).Name}.");
        }

        return value;
    }

    private static double RoundUpToOneTwoFive(double value)
    {
        double decade = Math.Pow(10, Math.Floor(Math.Log10(value)));
        double mantissa = value / decade;
        double step = mantissa <= 1 + 1e-9 ? 1 : mantissa <= 2 + 1e-9 ? 2 : mantissa <= 5 + 1e-9 ? 5 : 10;
        return step * decade;
    }

    private static OverflowException MathOverflow() =>
        new("The INA219 math overflow flag (OVF) is set: the current or power is out of the chip's range and the data may be meaningless.");

    private static bool TryRead(Func<double> read, out double value)
    {
        try
        {
            value = read();
            return true;
        }
        catch (Exception exception) when (exception is IOException or OverflowException)
        {
            value = 0;
            return false;
        }
    }

    private Ina219Calibration RequireCalibration() => _calibration ?? throw new InvalidOperationException(
        "The INA219 is not calibrated: call Calibrate(shuntOhms, maxExpectedAmps) before reading current or power. " +
        "Until its calibration register is programmed the chip's current and power registers read 0.");

    private void ThrowIfMathOverflow()
    {
        if ((ReadRegister(Ina219Register.BusVoltage) & MathOverflowBit) != 0)
        {
            throw MathOverflow();
        }
    }

    private ushort ReadConfiguration() => ReadRegister(Ina219Register.Configuration);

    private void WriteConfigurationField(ushort mask, int shift, int value)
    {
        ushort current = ReadConfiguration();
        int updated = (current & ~mask & ~ResetBit) | ((value << shift) & mask);
        WriteRegister(Ina219Register.Configuration, (ushort)updated);
    }

    private ushort ReadRegister(Ina219Register register)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return I2cRegisters.ReadUInt16BigEndian(_device, (byte)register);
    }

    private void WriteRegister(Ina219Register register, ushort value)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        I2cRegisters.WriteUInt16BigEndian(_device, (byte)register, value);
    }
}
