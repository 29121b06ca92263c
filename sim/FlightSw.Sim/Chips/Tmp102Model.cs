using FlightSw.Sim.Environment;

namespace FlightSw.Sim.Chips;

/// <summary>
/// Register-level model of a TI TMP102 temperature sensor (datasheet SBOS397), reading the board
/// temperature from an <see cref="IThermalState"/>.
/// </summary>
/// <remarks>
/// <para>Registers (16-bit, MSB first; the pointer decodes only P1..P0): 00h Temperature (R),
/// 01h Configuration (R/W, POR 60A0h: OS R1 R0 F1 F0 POL TM SD | CR1 CR0 AL EM 0 0 0 0),
/// 02h T_LOW (R/W, POR 4B00h = 75 C), 03h T_HIGH (R/W, POR 5000h = 80 C).</para>
/// <para>Temperature format: 12-bit two's complement left-justified (bits 15..4, D0 = 0) or, in
/// extended mode (EM = 1), 13-bit (bits 15..3, D0 = 1); LSB 0.0625 C. A conversion rounds the board
/// temperature to the nearest LSB and clamps it to the chip's range: -55 C to 127.9375 C in normal
/// mode (the datasheet's 128 C row reads 7FFh), -55 C to 150 C in extended mode. T_LOW and T_HIGH use
/// the same format with D0 = 0; they are stored as written and read in the format of the current EM.</para>
/// <para>Conversions: in continuous mode (SD = 0) each read of the temperature register first
/// converts. Writing SD = 1 completes one last conversion and then holds the register; while shut
/// down, writing OS = 1 performs one conversion, after which OS reads 1 (it reads 0 in continuous
/// mode). Conversions are instantaneous; the conversion rate bits are stored only. A sim clock may
/// call <see cref="Convert"/> at the chip's rate.</para>
/// <para>Thermostat: each conversion updates the comparator with the fault queue (1, 2, 4 or 6
/// consecutive faults): active once the temperature is at or above T_HIGH, inactive once below
/// T_LOW. AL reads the comparator state through POL (POL = 0: AL reads 0 while active); TM does not
/// affect AL. R1/R0 always read 11 and AL is read-only. Registers update byte by byte: a write that
/// stops after the first data byte changes only the most-significant byte. The ALERT pin and
/// SMBus alert response are not modelled.</para>
/// </remarks>
public sealed class Tmp102Model : I2cChipModel
{
    /// <summary>Configuration register value at power-on: 4 Hz, comparator mode, active-low alert, 12-bit, AL = 1.</summary>
    public const ushort ConfigurationPowerOnValue = 0x60A0;

    /// <summary>T_LOW at power-on: 75 C.</summary>
    public const ushort LowLimitPowerOnValue = 0x4B00;

    /// <summary>T_HIGH at power-on: 80 C.</summary>
    public const ushort HighLimitPowerOnValue = 0x5000;

    /// <summary>Lowest address a TMP102 can be strapped to (ADD0 = GND).</summary>
    public const int LowestAddress = 0x48;

    /// <summary>Highest address a TMP102 can be strapped to (ADD0 = SCL).</summary>
    public const int HighestAddress = 0x4B;

    /// <summary>Lowest temperature the chip reports, in degrees Celsius.</summary>
    public const double MinimumCelsius = -55.0;

    /// <summary>Highest temperature the chip reports in normal (12-bit) mode, in degrees Celsius.</summary>
    public const double MaximumNormalModeCelsius = 127.9375;

    /// <summary>Highest temperature the chip reports in extended (13-bit) mode, in degrees Celsius.</summary>
    public const double MaximumExtendedModeCelsius = 150.0;

    private const byte TemperaturePointer = 0x00;
    private const byte ConfigurationPointer = 0x01;
    private const byte LowLimitPointer = 0x02;
    private const byte HighLimitPointer = 0x03;
    private const double LsbCelsius = 0.0625;

    private readonly IThermalState _thermal;

    private ushort _temperature;
    private bool _oneShotComplete;
    private int _faultQueue;
    private bool _polarityActiveHigh;
    private bool _interruptMode;
    private bool _shutdown;
    private int _conversionRate;
    private bool _extendedMode;
    private ushort _lowLimit;
    private ushort _highLimit;
    private bool _alertActive;
    private int _consecutiveFaults;

    /// <summary>Creates a TMP102 in its power-on state.</summary>
    /// <param name="address">7-bit address, 0x48 to 0x4B.</param>
    /// <param name="thermal">The temperature the chip measures; read at every conversion.</param>
    /// <exception cref="ArgumentOutOfRangeException">The address is not a TMP102 address.</exception>
    public Tmp102Model(int address, IThermalState thermal)
        : base(address)
    {
        if (address is < LowestAddress or > HighestAddress)
        {
            throw new ArgumentOutOfRangeException(
                nameof(address), address, $"A TMP102 answers at 0x{LowestAddress:X2} to 0x{HighestAddress:X2}.");
        }

        ArgumentNullException.ThrowIfNull(thermal);
        _thermal = thermal;
        ResetRegisters();
    }

    /// <summary>Returns the chip to its power-on state; the temperature register reads 0 C until the next conversion.</summary>
    public void PowerOnReset()
    {
        lock (SyncRoot)
        {
            ResetRegisters();
        }
    }

    /// <summary>
    /// Performs one conversion from the thermal state as it is now, as the chip's conversion clock
    /// would in continuous mode. Does nothing while shut down (use the OS bit for one-shot).
    /// </summary>
    public void Convert()
    {
        lock (SyncRoot)
        {
            if (!_shutdown)
            {
                ConvertNow();
            }
        }
    }

    /// <inheritdoc />
    protected override byte MaskPointer(byte pointer) => (byte)(pointer & 0x03);

    /// <inheritdoc />
    protected override ushort ReadRegister(byte pointer)
    {
        switch (pointer)
        {
            case TemperaturePointer:
                if (!_shutdown)
                {
                    ConvertNow();
                }

                return _temperature;
            case ConfigurationPointer:
                return ComposeConfiguration();
            case LowLimitPointer:
                return _lowLimit;
            default:
                return _highLimit;
        }
    }

    /// <inheritdoc />
    protected override void WriteRegister(byte pointer, ushort value)
    {
        switch (pointer)
        {
            case TemperaturePointer:
                // Read-only.
                break;
            case ConfigurationPointer:
                WriteConfiguration(value);
                break;
            case LowLimitPointer:
                _lowLimit = MaskLimit(value);
                break;
            default:
                _highLimit = MaskLimit(value);
                break;
        }
    }

    /// <inheritdoc />
    protected override void WriteRegisterMostSignificantByte(byte pointer, byte msb)
    {
        switch (pointer)
        {
            case TemperaturePointer:
                break;
            case ConfigurationPointer:
                WriteConfiguration((ushort)((msb << 8) | (ComposeConfiguration() & 0x00FF)));
                break;
            case LowLimitPointer:
                _lowLimit = MaskLimit((ushort)((msb << 8) | (_lowLimit & 0x00FF)));
                break;
            default:
                _highLimit = MaskLimit((ushort)((msb << 8) | (_highLimit & 0x00FF)));
                break;
        }
    }

    private ushort ComposeConfiguration()
    {
        bool alBit = _polarityActiveHigh ? _alertActive : !_alertActive;
        int value = 0x6000; // R1 R0 = 11: 12-bit converter resolution, read-only.
        value |= _shutdown && _oneShotComplete ? 0x8000 : 0;
        value |= _faultQueue << 11;
        value |= _polarityActiveHigh ? 0x0400 : 0;
        value |= _interruptMode ? 0x0200 : 0;
        value |= _shutdown ? 0x0100 : 0;
        value |= _conversionRate << 6;
        value |= alBit ? 0x0020 : 0;
        value |= _extendedMode ? 0x0010 : 0;
        return (ushort)value;
    }

    private void WriteConfiguration(ushort value)
    {
        bool wasShutdown = _shutdown;
        _faultQueue = (value >> 11) & 0x3;
        _polarityActiveHigh = (value & 0x0400) != 0;
        _interruptMode = (value & 0x0200) != 0;
        _shutdown = (value & 0x0100) != 0;
        _conversionRate = (value >> 6) & 0x3;
        _extendedMode = (value & 0x0010) != 0;

        if (!_shutdown)
        {
            _oneShotComplete = false;
        }
        else if ((value & 0x8000) != 0)
        {
            ConvertNow();
            _oneShotComplete = true;
        }
        else if (!wasShutdown)
        {
            // Entering shutdown: the conversion in progress completes, then the chip idles.
            ConvertNow();
        }
    }

    private ushort MaskLimit(ushort value) => (ushort)(value & (_extendedMode ? 0xFFF8 : 0xFFF0));

    private int DecodeLimit(ushort register) => _extendedMode
        ? unchecked((short)register) >> 3
        : unchecked((short)register) >> 4;

    private void ConvertNow()
    {
        double maximum = _extendedMode ? MaximumExtendedModeCelsius : MaximumNormalModeCelsius;
        double celsius = _thermal.BoardCelsius;
        double clamped = double.IsNaN(celsius) ? 0.0 : Math.Clamp(celsius, MinimumCelsius, maximum);
        int counts = (int)Math.Round(clamped / LsbCelsius, MidpointRounding.AwayFromZero);

        _temperature = _extendedMode
            ? unchecked((ushort)((counts << 3) | 0x1))
            : unchecked((ushort)(counts << 4));

        UpdateComparator(counts);
    }

    private void UpdateComparator(int counts)
    {
        int faultsNeeded = _faultQueue switch
        {
            0 => 1,
            1 => 2,
            2 => 4,
            _ => 6,
        };

        bool fault = _alertActive
            ? counts < DecodeLimit(_lowLimit)
            : counts >= DecodeLimit(_highLimit);
        _consecutiveFaults = fault ? _consecutiveFaults + 1 : 0;
        if (_consecutiveFaults >= faultsNeeded)
        {
            _alertActive = !_alertActive;
            _consecutiveFaults = 0;
        }
    }

    private void ResetRegisters()
    {
        _temperature = 0x0000;
        _oneShotComplete = false;
        _faultQueue = 0;
        _polarityActiveHigh = false;
        _interruptMode = false;
        _shutdown = false;
        _conversionRate = 2;
        _extendedMode = false;
        _lowLimit = LowLimitPowerOnValue;
        _highLimit = HighLimitPowerOnValue;
        _alertActive = false;
        _consecutiveFaults = 0;
        SetRegisterPointer(TemperaturePointer);
    }
}
