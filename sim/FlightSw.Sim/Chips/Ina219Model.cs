using FlightSw.Sim.Environment;

namespace FlightSw.Sim.Chips;

/// <summary>
/// Register-level model of a TI INA219 current/power monitor (datasheet SBOS448), measuring an
/// <see cref="ISupplyRail"/> through a shunt of known resistance.
/// </summary>
/// <remarks>
/// <para>Registers (16-bit, MSB first): 00h Configuration (R/W, POR 399Fh), 01h Shunt voltage (R,
/// LSB 10 uV, signed), 02h Bus voltage (R, bits 15..3, LSB 4 mV; bit 1 CNVR; bit 0 OVF),
/// 03h Power (R), 04h Current (R, signed), 05h Calibration (R/W, POR 0000h, bit 0 always 0).</para>
/// <para>Conversions: in a continuous mode every read of a data register (01h to 04h) first converts
/// the enabled channels from the rail as it is at that moment; writing a triggered mode converts
/// once at the write; power-down and ADC-off keep the last values. After a conversion
/// Current = Shunt x Calibration / 4096 and Power = |Current| x Bus / 5000, as the chip computes.
/// CNVR is set by a conversion and cleared by reading the Power register or by writing a new
/// mode. The shunt reading is clamped to the PGA range (+-4000, 8000, 16000 or 32000 counts) and the
/// bus reading to the bus range (16 V or 32 V).</para>
/// <para>OVF is set when the current or power result does not fit its register and also, as a
/// modelling choice, when the shunt voltage is beyond the PGA range (the real ADC saturates
/// there without a flag), so firmware sees an out-of-range reading instead of a clipped one.</para>
/// <para>Not modelled: conversion time and averaging (a conversion is instantaneous and exact to
/// the register LSB), reduced resolution at 9 to 11 bits, pointer values above 05h (they read 0000h
/// and ignore writes).</para>
/// </remarks>
public sealed class Ina219Model : I2cChipModel
{
    /// <summary>Configuration register value at power-on and after a reset: 32 V range, PGA /8, 12-bit, shunt and bus continuous.</summary>
    public const ushort ConfigurationPowerOnValue = 0x399F;

    /// <summary>Lowest address an INA219 can be strapped to (A1 = A0 = GND).</summary>
    public const int LowestAddress = 0x40;

    /// <summary>Highest address an INA219 can be strapped to (A1 = A0 = SCL).</summary>
    public const int HighestAddress = 0x4F;

    private const byte ConfigurationPointer = 0x00;
    private const byte ShuntVoltagePointer = 0x01;
    private const byte BusVoltagePointer = 0x02;
    private const byte PowerPointer = 0x03;
    private const byte CurrentPointer = 0x04;
    private const byte CalibrationPointer = 0x05;

    private const ushort ResetBit = 0x8000;
    private const ushort UnusedConfigurationBit = 0x4000;
    private const ushort BusRangeBit = 0x2000;
    private const int PgaShift = 11;
    private const ushort ModeMask = 0x0007;
    private const double ShuntLsbVolts = 10e-6;
    private const double BusLsbVolts = 4e-3;
    private const int ShuntCountsAtGainOne = 4000;
    private const int BusCountsAt16Volts = 4000;
    private const int BusCountsAt32Volts = 8000;

    private readonly ISupplyRail _rail;

    private ushort _configuration;
    private ushort _calibration;
    private short _shunt;
    private int _busCounts;
    private short _current;
    private ushort _power;
    private bool _shuntBeyondRange;
    private bool _conversionReady;
    private bool _mathOverflow;

    /// <summary>Creates an INA219 in its power-on state.</summary>
    /// <param name="address">7-bit address, 0x40 to 0x4F.</param>
    /// <param name="shuntOhms">Resistance of the shunt the chip measures across, in ohms.</param>
    /// <param name="rail">The supply the chip measures; read at every conversion.</param>
    /// <exception cref="ArgumentOutOfRangeException">The address is not an INA219 address, or the shunt is not positive and finite.</exception>
    public Ina219Model(int address, double shuntOhms, ISupplyRail rail)
        : base(address)
    {
        if (address is < LowestAddress or > HighestAddress)
        {
            throw new ArgumentOutOfRangeException(
                nameof(address), address, $"An INA219 answers at 0x{LowestAddress:X2} to 0x{HighestAddress:X2}.");
        }

        if (!double.IsFinite(shuntOhms) || shuntOhms <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(shuntOhms), shuntOhms, "The shunt resistance must be positive and finite.");
        }

        ArgumentNullException.ThrowIfNull(rail);
        ShuntOhms = shuntOhms;
        _rail = rail;
        ResetRegisters();
    }

    /// <summary>Resistance of the shunt, in ohms.</summary>
    public double ShuntOhms { get; }

    /// <summary>Returns the chip to its power-on state, as a power cycle or the RST bit does.</summary>
    public void PowerOnReset()
    {
        lock (SyncRoot)
        {
            ResetRegisters();
        }
    }

    /// <summary>
    /// Performs one conversion of the channels enabled by the operating mode, from the rail as it
    /// is now, as the chip's own conversion clock would. Does nothing in power-down or ADC-off mode.
    /// </summary>
    public void Convert()
    {
        lock (SyncRoot)
        {
            ConvertEnabledChannels();
        }
    }

    /// <inheritdoc />
    protected override ushort ReadRegister(byte pointer)
    {
        switch (pointer)
        {
            case ConfigurationPointer:
                return _configuration;
            case CalibrationPointer:
                return _calibration;
            case ShuntVoltagePointer:
            case BusVoltagePointer:
            case PowerPointer:
            case CurrentPointer:
                if (IsContinuous)
                {
                    ConvertEnabledChannels();
                }

                return ReadDataRegister(pointer);
            default:
                return 0x0000;
        }
    }

    /// <inheritdoc />
    protected override void WriteRegister(byte pointer, ushort value)
    {
        switch (pointer)
        {
            case ConfigurationPointer:
                WriteConfiguration(value);
                break;
            case CalibrationPointer:
                _calibration = (ushort)(value & 0xFFFE);
                break;
            default:
                // Shunt, bus, power and current are read-only; unknown pointers hold nothing.
                break;
        }
    }

    private bool IsContinuous => (_configuration & ModeMask) >= 5;

    private ushort ReadDataRegister(byte pointer)
    {
        switch (pointer)
        {
            case ShuntVoltagePointer:
                return unchecked((ushort)_shunt);
            case BusVoltagePointer:
                return (ushort)((_busCounts << 3) | (_conversionReady ? 0x2 : 0x0) | (_mathOverflow ? 0x1 : 0x0));
            case PowerPointer:
                _conversionReady = false;
                return _power;
            default:
                return unchecked((ushort)_current);
        }
    }

    private void WriteConfiguration(ushort value)
    {
        if ((value & ResetBit) != 0)
        {
            ResetRegisters();
            return;
        }

        _configuration = (ushort)(value & ~UnusedConfigurationBit);
        int mode = _configuration & ModeMask;
        bool powerDownOrOff = mode is 0 or 4;
        if (!powerDownOrOff)
        {
            _conversionReady = false;
        }

        if (mode is 1 or 2 or 3)
        {
            ConvertEnabledChannels();
        }
    }

    private void ConvertEnabledChannels()
    {
        int mode = _configuration & ModeMask;
        bool shunt = mode is 1 or 3 or 5 or 7;
        bool bus = mode is 2 or 3 or 6 or 7;
        if (!shunt && !bus)
        {
            return;
        }

        if (shunt)
        {
            int pga = (_configuration >> PgaShift) & 0x3;
            int limit = ShuntCountsAtGainOne << pga;
            double counts = Math.Round(_rail.CurrentAmps * ShuntOhms / ShuntLsbVolts, MidpointRounding.AwayFromZero);
            _shuntBeyondRange = !(Math.Abs(counts) <= limit);
            _shunt = (short)Math.Clamp(double.IsNaN(counts) ? 0 : counts, -limit, limit);
        }

        if (bus)
        {
            int limit = (_configuration & BusRangeBit) != 0 ? BusCountsAt32Volts : BusCountsAt16Volts;
            double counts = Math.Round(_rail.BusVolts / BusLsbVolts, MidpointRounding.AwayFromZero);
            _busCounts = (int)Math.Clamp(double.IsNaN(counts) ? 0 : counts, 0, limit);
        }

        long current = (long)_shunt * _calibration / 4096;
        bool currentOverflow = current is > short.MaxValue or < short.MinValue;
        _current = (short)Math.Clamp(current, short.MinValue, short.MaxValue);

        long power = Math.Abs((long)_current) * _busCounts / 5000;
        bool powerOverflow = power > ushort.MaxValue;
        _power = (ushort)Math.Min(power, ushort.MaxValue);

        _mathOverflow = _shuntBeyondRange || currentOverflow || powerOverflow;
        _conversionReady = true;
    }

    private void ResetRegisters()
    {
        _configuration = ConfigurationPowerOnValue;
        _calibration = 0;
        _shunt = 0;
        _busCounts = 0;
        _current = 0;
        _power = 0;
        _shuntBeyondRange = false;
        _conversionReady = false;
        _mathOverflow = false;
        SetRegisterPointer(ConfigurationPointer);
    }
}
