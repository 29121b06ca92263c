using FlightSw.Sim.Buses;
using FlightSw.Sim.Chips;
using FlightSw.Sim.Environment;

namespace FlightSw.Hal.Devices.Tests;

public class Ina219Tests
{
    private const int Address = 0x40;
    private const byte ConfigurationRegister = 0x00;
    private const byte CalibrationRegister = 0x05;
    private const double Tolerance = 1e-9;

    private ConstantEnvironment _rail = null!;
    private SimI2cBus _bus = null!;
    private SimChip _raw = null!;

    [SetUp]
    public void SetUp()
    {
        _rail = new ConstantEnvironment { BusVolts = 12.0, CurrentAmps = 1.5 };
        _bus = new SimI2cBus(1);
        _raw = new SimChip(_bus, Address);
    }

    [TearDown]
    public void TearDown() => _raw.Dispose();

    [Test]
    public void Calibrate_DatasheetExample100MilliOhm3Point2Amps_WritesCal4096AndLsbs()
    {
        // 32 V, 320 mV (PGA /8), 0.1 ohm: 3.2 A / 32767 rounds up to a 100 uA current LSB,
        // Cal = trunc(0.04096 / (100 uA x 0.1 ohm)) = 4096, power LSB = 20 x 100 uA = 2 mW.
        using Ina219 ina219 = CreateDriver(0.1);

        ina219.Calibrate(0.1, 3.2);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(_raw.ReadRegister(CalibrationRegister), Is.EqualTo(0x1000));
            Assert.That(ina219.CalibrationValue, Is.EqualTo(4096));
            Assert.That(ina219.CurrentLsbAmps, Is.EqualTo(100e-6).Within(1e-15));
            Assert.That(ina219.PowerLsbWatts, Is.EqualTo(2e-3).Within(1e-15));
            Assert.That(ina219.IsCalibrated, Is.True);
        }
    }

    [Test]
    public void Readings_DatasheetExample100MilliOhm_GiveAmpsAndWatts()
    {
        using Ina219 ina219 = CreateDriver(0.1);
        ina219.Calibrate(0.1, 3.2);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ina219.ReadBusVoltage(), Is.EqualTo(12.0).Within(Tolerance));
            Assert.That(ina219.ReadShuntVoltage(), Is.EqualTo(0.150).Within(Tolerance));
            Assert.That(ina219.ReadCurrent(), Is.EqualTo(1.5).Within(Tolerance));
            Assert.That(ina219.ReadPower(), Is.EqualTo(18.0).Within(Tolerance));
        }
    }

    [Test]
    public void Readings_DatasheetTable3Example_MatchDatasheetValues()
    {
        // SBOS448 Configure/Measure/Calculate example: 10 A, VCM 12 V, 2 mOhm, 40 mV and 16 V ranges,
        // current LSB 1 mA (Cal 20480 = 5000h), power LSB 20 mW.
        _rail.BusVolts = 11.98;
        _rail.CurrentAmps = 10.0;
        using Ina219 ina219 = CreateDriver(0.002);
        ina219.BusVoltageRange = Ina219BusVoltageRange.Range16Volts;
        ina219.PgaGain = Ina219PgaGain.DivideBy1;

        ina219.Calibrate(0.002, 20.0);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(_raw.ReadRegister(ConfigurationRegister), Is.EqualTo(0x019F));
            Assert.That(_raw.ReadRegister(CalibrationRegister), Is.EqualTo(0x5000));
            Assert.That(ina219.CurrentLsbAmps, Is.EqualTo(1e-3).Within(1e-15));
            Assert.That(ina219.ReadShuntVoltage(), Is.EqualTo(0.020).Within(Tolerance));
            Assert.That(ina219.ReadBusVoltage(), Is.EqualTo(11.98).Within(Tolerance));
            Assert.That(ina219.ReadCurrent(), Is.EqualTo(10.0).Within(Tolerance));
            Assert.That(ina219.ReadPower(), Is.EqualTo(119.8).Within(Tolerance));
        }
    }

    [Test]
    public void ReadCurrent_ReverseCurrent_IsNegativeAndPowerPositive()
    {
        _rail.CurrentAmps = -0.5;
        using Ina219 ina219 = CreateDriver(0.1);
        ina219.Calibrate(0.1, 3.2);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ina219.ReadShuntVoltage(), Is.EqualTo(-0.050).Within(Tolerance));
            Assert.That(ina219.ReadCurrent(), Is.EqualTo(-0.5).Within(Tolerance));
            Assert.That(ina219.ReadPower(), Is.EqualTo(6.0).Within(Tolerance));
        }
    }

    [Test]
    public void ReadCurrent_RailChangesBetweenReads_FollowsRail()
    {
        using Ina219 ina219 = CreateDriver(0.1);
        ina219.Calibrate(0.1, 3.2);
        double before = ina219.ReadCurrent();

        _rail.CurrentAmps = 2.25;
        double after = ina219.ReadCurrent();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(before, Is.EqualTo(1.5).Within(Tolerance));
            Assert.That(after, Is.EqualTo(2.25).Within(Tolerance));
        }
    }

    [Test]
    public void ReadCurrent_BeforeCalibrate_ThrowsInvalidOperationNamingCalibrate()
    {
        using Ina219 ina219 = CreateDriver(0.1);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(() => ina219.ReadCurrent(), Throws.InvalidOperationException.With.Message.Contains("Calibrate"));
            Assert.That(() => ina219.ReadPower(), Throws.InvalidOperationException.With.Message.Contains("Calibrate"));
            Assert.That(() => ina219.TryReadCurrent(out _), Throws.InvalidOperationException);
            Assert.That(() => ina219.CurrentLsbAmps, Throws.InvalidOperationException);
        }
    }

    [Test]
    public void Calibrate_MaxExpectedBeyondShuntRange_ThrowsNamingMaxExpectedAmps()
    {
        using Ina219 ina219 = CreateDriver(0.1);

        Assert.That(
            () => ina219.Calibrate(0.1, 3.3),
            Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("maxExpectedAmps"));
    }

    [Test]
    public void Calibrate_MaxExpectedTooSmallToResolve_ThrowsNamingMaxExpectedAmps()
    {
        // 0.1 A through 0.1 ohm: LSB 5 uA, Cal = 0.04096 / (5 uA x 0.1) = 81920 > 0xFFFE.
        using Ina219 ina219 = CreateDriver(0.1);

        Assert.That(
            () => ina219.Calibrate(0.1, 0.1),
            Throws.TypeOf<ArgumentOutOfRangeException>()
                .With.Property("ParamName").EqualTo("maxExpectedAmps")
                .And.Message.Contains("81920"));
    }

    [TestCase(0.0)]
    [TestCase(-0.1)]
    [TestCase(double.NaN)]
    [TestCase(double.PositiveInfinity)]
    public void Calibrate_ShuntNotPositive_ThrowsNamingShuntOhms(double shuntOhms)
    {
        using Ina219 ina219 = CreateDriver(0.1);

        Assert.That(
            () => ina219.Calibrate(shuntOhms, 1.0),
            Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("shuntOhms"));
    }

    [TestCase(0.0)]
    [TestCase(-1.0)]
    [TestCase(double.NaN)]
    public void Calibrate_MaxExpectedNotPositive_ThrowsNamingMaxExpectedAmps(double maxExpectedAmps)
    {
        using Ina219 ina219 = CreateDriver(0.1);

        Assert.That(
            () => ina219.Calibrate(0.1, maxExpectedAmps),
            Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("maxExpectedAmps"));
    }

    [Test]
    public void Calibrate_Rejected_LeavesChipAndDriverUncalibrated()
    {
        using Ina219 ina219 = CreateDriver(0.1);

        Assert.Catch<ArgumentOutOfRangeException>(() => ina219.Calibrate(0.1, 0.1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ina219.IsCalibrated, Is.False);
            Assert.That(_raw.ReadRegister(CalibrationRegister), Is.Zero);
        }
    }

    [TestCase(0.01, 10.0, 500e-6, 8192)] // 10 A / 32767 = 305 uA -> 500 uA
    [TestCase(0.1, 2.0, 100e-6, 4096)] // 61 uA -> 100 uA
    [TestCase(0.05, 1.0, 50e-6, 16384)] // 30.5 uA -> 50 uA
    [TestCase(0.1, 0.5, 20e-6, 20480)] // 15.3 uA -> 20 uA
    public void Calibrate_VariousShunts_RoundsLsbUpToOneTwoFive(double shuntOhms, double maxExpectedAmps, double expectedLsb, int expectedCal)
    {
        using Ina219 ina219 = CreateDriver(shuntOhms);

        ina219.Calibrate(shuntOhms, maxExpectedAmps);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ina219.CalibrationValue, Is.EqualTo(expectedCal));
            Assert.That(ina219.CurrentLsbAmps, Is.EqualTo(expectedLsb).Within(expectedLsb * 1e-9));
            Assert.That(ina219.PowerLsbWatts, Is.EqualTo(20 * expectedLsb).Within(expectedLsb * 1e-8));
        }
    }

    [Test]
    public void ReadCurrent_ShuntBeyondPgaRange_ThrowsOverflowAndTryReadReturnsFalse()
    {
        _rail.CurrentAmps = 4.0; // 400 mV across 0.1 ohm: beyond the 320 mV range
        using Ina219 ina219 = CreateDriver(0.1);
        ina219.Calibrate(0.1, 3.2);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(() => ina219.ReadCurrent(), Throws.TypeOf<OverflowException>().With.Message.Contains("OVF"));
            Assert.That(() => ina219.ReadPower(), Throws.TypeOf<OverflowException>());
            Assert.That(ina219.TryReadCurrent(out double amps), Is.False);
            Assert.That(amps, Is.Zero);
            Assert.That(ina219.TryReadPower(out _), Is.False);
            Assert.That(ina219.ReadMathOverflow(), Is.True);
            Assert.That(ina219.ReadShuntVoltage(), Is.EqualTo(0.32).Within(Tolerance), "clipped at full scale");
            Assert.That(ina219.ReadBusVoltage(), Is.EqualTo(12.0).Within(Tolerance), "the bus voltage stays valid");
        }
    }

    [Test]
    public void ReadMathOverflow_WithinRange_IsFalse()
    {
        using Ina219 ina219 = CreateDriver(0.1);
        ina219.Calibrate(0.1, 3.2);

        Assert.That(ina219.ReadMathOverflow(), Is.False);
    }

    [Test]
    public void Properties_PowerOn_ReadDatasheetDefaults()
    {
        using Ina219 ina219 = CreateDriver(0.1);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ina219.BusVoltageRange, Is.EqualTo(Ina219BusVoltageRange.Range32Volts));
            Assert.That(ina219.PgaGain, Is.EqualTo(Ina219PgaGain.DivideBy8));
            Assert.That(ina219.BusAdcResolution, Is.EqualTo(Ina219AdcResolutionOrSamples.Resolution12Bit));
            Assert.That(ina219.ShuntAdcResolution, Is.EqualTo(Ina219AdcResolutionOrSamples.Resolution12Bit));
            Assert.That(ina219.OperatingMode, Is.EqualTo(Ina219OperatingMode.ShuntAndBusContinuous));
            Assert.That(ina219.CalibrationRegister, Is.Zero);
        }
    }

    [TestCase(Ina219PgaGain.DivideBy1, 0x219F)]
    [TestCase(Ina219PgaGain.DivideBy2, 0x299F)]
    [TestCase(Ina219PgaGain.DivideBy4, 0x319F)]
    [TestCase(Ina219PgaGain.DivideBy8, 0x399F)]
    public void PgaGain_Set_WritesPgBitsOnly(Ina219PgaGain gain, int expectedConfiguration)
    {
        using Ina219 ina219 = CreateDriver(0.1);

        ina219.PgaGain = gain;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(_raw.ReadRegister(ConfigurationRegister), Is.EqualTo(expectedConfiguration));
            Assert.That(ina219.PgaGain, Is.EqualTo(gain));
        }
    }

    [Test]
    public void BusVoltageRange_Set16Volts_ClearsBrng()
    {
        using Ina219 ina219 = CreateDriver(0.1);

        ina219.BusVoltageRange = Ina219BusVoltageRange.Range16Volts;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(_raw.ReadRegister(ConfigurationRegister), Is.EqualTo(0x199F));
            Assert.That(ina219.BusVoltageRange, Is.EqualTo(Ina219BusVoltageRange.Range16Volts));
        }
    }

    [Test]
    public void AdcResolution_SetBothChannels_WritesBadcAndSadcBits()
    {
        using Ina219 ina219 = CreateDriver(0.1);

        ina219.BusAdcResolution = Ina219AdcResolutionOrSamples.Samples128;
        ina219.ShuntAdcResolution = Ina219AdcResolutionOrSamples.Resolution9Bit;

        using (Assert.EnterMultipleScope())
        {
            // BADC = 1111 (bits 10..7), SADC = 0000 (bits 6..3).
            Assert.That(_raw.ReadRegister(ConfigurationRegister), Is.EqualTo(0x3F87));
            Assert.That(ina219.BusAdcResolution, Is.EqualTo(Ina219AdcResolutionOrSamples.Samples128));
            Assert.That(ina219.ShuntAdcResolution, Is.EqualTo(Ina219AdcResolutionOrSamples.Resolution9Bit));
        }
    }

    [TestCase(0x8, Ina219AdcResolutionOrSamples.Resolution12Bit)]
    [TestCase(0x5, Ina219AdcResolutionOrSamples.Resolution10Bit)]
    public void ShuntAdcResolution_AliasCodes_ReadAsTheirEquivalent(int code, Ina219AdcResolutionOrSamples expected)
    {
        using Ina219 ina219 = CreateDriver(0.1);
        _raw.WriteRegister(ConfigurationRegister, (ushort)(0x3807 | (code << 3)));

        Assert.That(ina219.ShuntAdcResolution, Is.EqualTo(expected));
    }

    [Test]
    public void OperatingMode_SetPowerDown_WritesModeBits()
    {
        using Ina219 ina219 = CreateDriver(0.1);

        ina219.OperatingMode = Ina219OperatingMode.PowerDown;

        Assert.That(_raw.ReadRegister(ConfigurationRegister), Is.EqualTo(0x3998));
    }

    [Test]
    public void Property_UndefinedEnumValue_ThrowsAndWritesNothing()
    {
        using Ina219 ina219 = CreateDriver(0.1);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(() => ina219.PgaGain = (Ina219PgaGain)7, Throws.TypeOf<ArgumentOutOfRangeException>());
            Assert.That(() => ina219.BusAdcResolution = (Ina219AdcResolutionOrSamples)0x8, Throws.TypeOf<ArgumentOutOfRangeException>());
            Assert.That(_raw.ReadRegister(ConfigurationRegister), Is.EqualTo(0x399F));
        }
    }

    [Test]
    public void OperatingMode_Triggered_HoldsConversionUntilTriggeredAgain()
    {
        using Ina219 ina219 = CreateDriver(0.1);
        ina219.Calibrate(0.1, 3.2);

        ina219.OperatingMode = Ina219OperatingMode.ShuntAndBusTriggered;
        bool readyAfterTrigger = ina219.ReadConversionReady();
        _rail.BusVolts = 5.0;
        double held = ina219.ReadBusVoltage();
        ina219.OperatingMode = Ina219OperatingMode.ShuntAndBusTriggered;
        double retriggered = ina219.ReadBusVoltage();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(readyAfterTrigger, Is.True);
            Assert.That(held, Is.EqualTo(12.0).Within(Tolerance));
            Assert.That(retriggered, Is.EqualTo(5.0).Within(Tolerance));
        }
    }

    [Test]
    public void ReadConversionReady_AfterReadPower_IsFalse()
    {
        using Ina219 ina219 = CreateDriver(0.1);
        ina219.Calibrate(0.1, 3.2);
        ina219.OperatingMode = Ina219OperatingMode.ShuntAndBusTriggered;

        _ = ina219.ReadPower();

        Assert.That(ina219.ReadConversionReady(), Is.False);
    }

    [Test]
    public void Reset_AfterConfigurationAndCalibration_RestoresPowerOnValuesAndForgetsCalibration()
    {
        using Ina219 ina219 = CreateDriver(0.1);
        ina219.PgaGain = Ina219PgaGain.DivideBy1;
        ina219.Calibrate(0.1, 0.4);

        ina219.Reset();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(_raw.ReadRegister(ConfigurationRegister), Is.EqualTo(0x399F));
            Assert.That(_raw.ReadRegister(CalibrationRegister), Is.Zero);
            Assert.That(ina219.IsCalibrated, Is.False);
            Assert.That(() => ina219.ReadCurrent(), Throws.InvalidOperationException);
        }
    }

    [Test]
    public void ReadBusVoltage_NoChipAtAddress_ThrowsIOExceptionAndTryReadReturnsFalse()
    {
        using var ina219 = new Ina219(_bus.CreateDevice(0x41));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(() => ina219.ReadBusVoltage(), Throws.TypeOf<IOException>().With.Message.Contains("0x41"));
            Assert.That(ina219.TryReadBusVoltage(out double volts), Is.False);
            Assert.That(volts, Is.Zero);
            Assert.That(ina219.TryReadShuntVoltage(out _), Is.False);
            Assert.That(() => ina219.Calibrate(0.1, 3.2), Throws.TypeOf<IOException>());
        }
    }

    [Test]
    public void ReadBusVoltage_OneRead_IsOneBusTransaction()
    {
        _bus.Attach(new Ina219Model(Address, 0.1, _rail));
        SimI2cDevice device = _bus.CreateDevice(Address);
        using var ina219 = new Ina219(device);

        _ = ina219.ReadBusVoltage();

        Assert.That(device.TransactionCount, Is.EqualTo(1));
    }

    [Test]
    public void Dispose_OwningDriver_DisposesDevice()
    {
        _bus.Attach(new Ina219Model(Address, 0.1, _rail));
        SimI2cDevice device = _bus.CreateDevice(Address);
        var ina219 = new Ina219(device);

        ina219.Dispose();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(() => device.Read(new byte[2]), Throws.TypeOf<ObjectDisposedException>());
            Assert.That(() => ina219.ReadBusVoltage(), Throws.TypeOf<ObjectDisposedException>());
        }
    }

    [Test]
    public void Dispose_NotOwningDriver_LeavesDeviceUsable()
    {
        _bus.Attach(new Ina219Model(Address, 0.1, _rail));
        using SimI2cDevice device = _bus.CreateDevice(Address);
        var ina219 = new Ina219(device, shouldDispose: false);

        ina219.Dispose();

        Assert.That(() => device.Read(new byte[2]), Throws.Nothing);
    }

    private Ina219 CreateDriver(double shuntOhms)
    {
        _bus.Attach(new Ina219Model(Address, shuntOhms, _rail));
        return new Ina219(_bus.CreateDevice(Address));
    }
}
