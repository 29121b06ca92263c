using System.Device.I2c;
using System.Globalization;

namespace FlightSw.Hal.Devices;

/// <summary>
/// Driver for the TI TMP102 digital temperature sensor (datasheet SBOS397), over any
/// <see cref="I2cDevice"/>.
/// </summary>
/// <remarks>
/// <para>Configuration is exposed as properties that read or write the chip's configuration or
/// limit registers on every access; readings are methods that read the chip on every call. Each
/// <c>Read...</c> method throws <see cref="IOException"/> when the chip does not answer; each
/// <c>TryRead...</c> returns false instead.</para>
/// <para>The temperature register is decoded by its own format flag (D0 = 1 in extended mode), so
/// a reading is right even just after <see cref="ExtendedMode"/> changes. In normal mode the chip
/// saturates at 127.9375 C; extended mode reads up to 150 C.</para>
/// <para>One-shot: with <see cref="Shutdown"/> set, <see cref="StartOneShotConversion"/> starts one
/// conversion (26 ms typical, 35 ms maximum) and <see cref="ReadOneShotComplete"/> turns true when
/// it is done; <see cref="ReadOneShotTemperatureCelsiusAsync"/> does both, waiting on a
/// <see cref="TimeProvider"/>.</para>
/// </remarks>
public sealed class Tmp102 : IDisposable
{
    /// <summary>Address with ADD0 tied to GND.</summary>
    public const int DefaultAddress = 0x48;

    /// <summary>Temperature register LSB, in degrees Celsius.</summary>
    public const double LsbCelsius = 0.0625;

    /// <summary>Longest one-shot conversion time from the datasheet: 35 ms.</summary>
    public static readonly TimeSpan MaximumConversionTime = TimeSpan.FromMilliseconds(35);

    private const ushort OneShotBit = 0x8000;
    private const ushort FaultQueueMask = 0x1800;
    private const int FaultQueueShift = 11;
    private const ushort PolarityMask = 0x0400;
    private const int PolarityShift = 10;
    private const ushort ThermostatMask = 0x0200;
    private const int ThermostatShift = 9;
    private const ushort ShutdownBit = 0x0100;
    private const ushort ConversionRateMask = 0x00C0;
    private const int ConversionRateShift = 6;
    private const ushort AlertBit = 0x0020;
    private const ushort ExtendedModeBit = 0x0010;

    private static readonly TimeSpan OneShotPollInterval = TimeSpan.FromMilliseconds(5);

    private readonly I2cDevice _device;
    private readonly bool _shouldDispose;
    private bool _disposed;

    /// <summary>Creates the driver. Does not touch the chip.</summary>
    /// <param name="device">The chip's I2C device (bus and address).</param>
    /// <param name="shouldDispose">True when this driver owns <paramref name="device"/> and disposes it with itself.</param>
    public Tmp102(I2cDevice device, bool shouldDispose = true)
    {
        ArgumentNullException.ThrowIfNull(device);
        _device = device;
        _shouldDispose = shouldDispose;
    }

    /// <summary>Continuous conversion rate (CR1..CR0). Power-on default: 4 Hz.</summary>
    /// <exception cref="IOException">The chip does not answer.</exception>
    public Tmp102ConversionRate ConversionRate
    {
        get => (Tmp102ConversionRate)((ReadConfiguration() & ConversionRateMask) >> ConversionRateShift);
        set => WriteConfigurationField(ConversionRateMask, ConversionRateShift, (int)CheckDefined(value));
    }

    /// <summary>Extended mode (EM): 13-bit temperature, limits and a range up to 150 C. Power-on default: off.</summary>
    /// <exception cref="IOException">The chip does not answer.</exception>
    public bool ExtendedMode
    {
        get => (ReadConfiguration() & ExtendedModeBit) != 0;
        set => WriteConfigurationField(ExtendedModeBit, 4, value ? 1 : 0);
    }

    /// <summary>Shutdown mode (SD): the chip stops converting after the conversion in progress. Power-on default: off.</summary>
    /// <exception cref="IOException">The chip does not answer.</exception>
    public bool Shutdown
    {
        get => (ReadConfiguration() & ShutdownBit) != 0;
        set => WriteConfigurationField(ShutdownBit, 8, value ? 1 : 0);
    }

    /// <summary>Thermostat mode (TM) of the ALERT pin. Power-on default: comparator.</summary>
    /// <exception cref="IOException">The chip does not answer.</exception>
    public Tmp102ThermostatMode ThermostatMode
    {
        get => (Tmp102ThermostatMode)((ReadConfiguration() & ThermostatMask) >> ThermostatShift);
        set => WriteConfigurationField(ThermostatMask, ThermostatShift, (int)CheckDefined(value));
    }

    /// <summary>Polarity (POL) of the ALERT pin and the AL bit. Power-on default: active low.</summary>
    /// <exception cref="IOException">The chip does not answer.</exception>
    public Tmp102AlertPolarity AlertPolarity
    {
        get => (Tmp102AlertPolarity)((ReadConfiguration() & PolarityMask) >> PolarityShift);
        set => WriteConfigurationField(PolarityMask, PolarityShift, (int)CheckDefined(value));
    }

    /// <summary>Fault queue (F1..F0): consecutive faults before the alert changes. Power-on default: 1.</summary>
    /// <exception cref="IOException">The chip does not answer.</exception>
    public Tmp102FaultQueue FaultQueue
    {
        get => (Tmp102FaultQueue)((ReadConfiguration() & FaultQueueMask) >> FaultQueueShift);
        set => WriteConfigurationField(FaultQueueMask, FaultQueueShift, (int)CheckDefined(value));
    }

    /// <summary>
    /// Thermostat low limit T_LOW, in degrees Celsius, in the format of the current extended mode
    /// (rounded to 0.0625 C). Power-on default: 75 C. Set the extended mode first.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value does not fit the register: -128 to 127.9375 C, or -256 to 255.875 C in extended mode.</exception>
    /// <exception cref="IOException">The chip does not answer.</exception>
    public double LowLimitCelsius
    {
        get => DecodeLimit(ReadRegister(Tmp102Register.LowLimit), ExtendedMode);
        set => WriteRegister(Tmp102Register.LowLimit, EncodeLimit(value, ExtendedMode));
    }

    /// <summary>
    /// Thermostat high limit T_HIGH, in degrees Celsius, in the format of the current extended mode
    /// (rounded to 0.0625 C). Power-on default: 80 C. Set the extended mode first.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value does not fit the register: -128 to 127.9375 C, or -256 to 255.875 C in extended mode.</exception>
    /// <exception cref="IOException">The chip does not answer.</exception>
    public double HighLimitCelsius
    {
        get => DecodeLimit(ReadRegister(Tmp102Register.HighLimit), ExtendedMode);
        set => WriteRegister(Tmp102Register.HighLimit, EncodeLimit(value, ExtendedMode));
    }

    /// <summary>Reads the last converted temperature, in degrees Celsius.</summary>
    /// <returns>Degrees Celsius, in steps of 0.0625.</returns>
    /// <exception cref="IOException">The chip does not answer.</exception>
    public double ReadTemperatureCelsius() => DecodeTemperature(ReadRegister(Tmp102Register.Temperature));

    /// <summary>Reads the temperature, in degrees Celsius; false when the chip does not answer.</summary>
    /// <param name="celsius">The temperature, or 0 when false.</param>
    /// <returns>True when read.</returns>
    public bool TryReadTemperatureCelsius(out double celsius)
    {
        try
        {
            celsius = ReadTemperatureCelsius();
            return true;
        }
        catch (IOException)
        {
            celsius = 0;
            return false;
        }
    }

    /// <summary>Reads the thermostat comparator state from the AL bit, corrected for <see cref="AlertPolarity"/>.</summary>
    /// <returns>True while the temperature has reached T_HIGH and not yet fallen below T_LOW (counting the fault queue).</returns>
    /// <exception cref="IOException">The chip does not answer.</exception>
    public bool ReadAlert()
    {
        ushort configuration = ReadConfiguration();
        bool alBit = (configuration & AlertBit) != 0;
        bool activeHigh = (configuration & PolarityMask) != 0;
        return alBit == activeHigh;
    }

    /// <summary>Starts one conversion while the chip is shut down (writes OS = 1).</summary>
    /// <exception cref="InvalidOperationException">The chip is not in shutdown mode; one-shot works only there.</exception>
    /// <exception cref="IOException">The chip does not answer.</exception>
    public void StartOneShotConversion()
    {
        ushort configuration = ReadConfiguration();
        if ((configuration & ShutdownBit) == 0)
        {
            throw new InvalidOperationException("The TMP102 converts continuously; set Shutdown = true before starting a one-shot conversion.");
        }

        WriteRegister(Tmp102Register.Configuration, (ushort)(configuration | OneShotBit));
    }

    /// <summary>Reads the OS bit: true when a one-shot conversion has completed in shutdown mode.</summary>
    /// <returns>True once the one-shot result is in the temperature register.</returns>
    /// <exception cref="IOException">The chip does not answer.</exception>
    public bool ReadOneShotComplete() => (ReadConfiguration() & OneShotBit) != 0;

    /// <summary>
    /// Starts a one-shot conversion, waits on <paramref name="timeProvider"/> until it completes
    /// (polling every 5 ms, up to three times <see cref="MaximumConversionTime"/>) and reads it.
    /// </summary>
    /// <param name="timeProvider">The clock to wait on: the board's.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>Degrees Celsius.</returns>
    /// <exception cref="InvalidOperationException">The chip is not in shutdown mode.</exception>
    /// <exception cref="TimeoutException">The conversion did not complete in time.</exception>
    /// <exception cref="IOException">The chip does not answer.</exception>
    public async Task<double> ReadOneShotTemperatureCelsiusAsync(TimeProvider timeProvider, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        StartOneShotConversion();
        TimeSpan waited = TimeSpan.Zero;
        TimeSpan limit = 3 * MaximumConversionTime;
        while (!ReadOneShotComplete())
        {
            if (waited >= limit)
            {
                throw new TimeoutException(
                    string.Create(CultureInfo.InvariantCulture, $"The TMP102 one-shot conversion did not complete within {limit.TotalMilliseconds} ms."));
            }

            await Task.Delay(OneShotPollInterval, timeProvider, cancellationToken).ConfigureAwait(false);
            waited += OneShotPollInterval;
        }

        return ReadTemperatureCelsius();
    }

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

    private static double DecodeTemperature(ushort raw)
    {
        short signed = unchecked((short)raw);
        int counts = (raw & 0x0001) != 0 ? signed >> 3 : signed >> 4;
        return counts * LsbCelsius;
    }

    private static double DecodeLimit(ushort raw, bool extendedMode)
    {
        short signed = unchecked((short)raw);
        return (extendedMode ? signed >> 3 : signed >> 4) * LsbCelsius;
    }

    private static ushort EncodeLimit(double celsius, bool extendedMode)
    {
        int minimumCounts = extendedMode ? -4096 : -2048;
        int maximumCounts = extendedMode ? 4095 : 2047;
        double counts = Math.Round(celsius / LsbCelsius, MidpointRounding.AwayFromZero);
        if (!(counts >= minimumCounts && counts <= maximumCounts))
        {
            throw new ArgumentOutOfRangeException(
                nameof(celsius),
                celsius,
                string.Create(CultureInfo.InvariantCulture, $"A TMP102 limit must be {minimumCounts * LsbCelsius} to {maximumCounts * LsbCelsius} C in {(extendedMode ? "extended" : "normal")} mode."));
        }

        int value = (int)counts << (extendedMode ? 3 : 4);
        return unchecked((ushort)value);
    }

    private static TEnum CheckDefined<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, $"Not a defined {typeof(TEnum).Name}.");
        }

        return value;
    }

    private ushort ReadConfiguration() => ReadRegister(Tmp102Register.Configuration);

    private void WriteConfigurationField(ushort mask, int shift, int value)
    {
        // OS is cleared so that rewriting the configuration never starts a one-shot by accident.
        ushort current = ReadConfiguration();
        int updated = (current & ~mask & ~OneShotBit) | ((value << shift) & mask);
        WriteRegister(Tmp102Register.Configuration, (ushort)updated);
    }

    private ushort ReadRegister(Tmp102Register register)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return I2cRegisters.ReadUInt16BigEndian(_device, (byte)register);
    }

    private void WriteRegister(Tmp102Register register, ushort value)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        I2cRegisters.WriteUInt16BigEndian(_device, (byte)register, value);
    }
}
