using FlightSw.Sim.Buses;
using FlightSw.Sim.Chips;
using FlightSw.Sim.Environment;

namespace FlightSw.Hal.Devices.Tests;

public class Tmp102Tests
{
    private const int Address = 0x48;
    private const byte ConfigurationRegister = 0x01;
    private const byte LowLimitRegister = 0x02;
    private const byte HighLimitRegister = 0x03;

    private ConstantEnvironment _thermal = null!;
    private SimI2cBus _bus = null!;
    private SimChip _raw = null!;

    [SetUp]
    public void SetUp()
    {
        _thermal = new ConstantEnvironment { BoardCelsius = 25.0 };
        _bus = new SimI2cBus(1);
        _bus.Attach(new Tmp102Model(Address, _thermal));
        _raw = new SimChip(_bus, Address);
    }

    [TearDown]
    public void TearDown() => _raw.Dispose();

    // SBOS397 12-bit data format table: 128 C saturates at 7FFh = 127.9375 C.
    [TestCase(128.0, 127.9375)]
    [TestCase(127.9375, 127.9375)]
    [TestCase(100.0, 100.0)]
    [TestCase(80.0, 80.0)]
    [TestCase(75.0, 75.0)]
    [TestCase(50.0, 50.0)]
    [TestCase(25.0, 25.0)]
    [TestCase(0.25, 0.25)]
    [TestCase(0.0, 0.0)]
    [TestCase(-0.25, -0.25)]
    [TestCase(-25.0, -25.0)]
    [TestCase(-55.0, -55.0)]
    public void ReadTemperatureCelsius_NormalModeDatasheetTable_DecodesValue(double boardCelsius, double expected)
    {
        using Tmp102 tmp102 = CreateDriver();
        _thermal.BoardCelsius = boardCelsius;

        Assert.That(tmp102.ReadTemperatureCelsius(), Is.EqualTo(expected));
    }

    // SBOS397 13-bit data format table (extended mode).
    [TestCase(150.0, 150.0)]
    [TestCase(128.0, 128.0)]
    [TestCase(127.9375, 127.9375)]
    [TestCase(100.0, 100.0)]
    [TestCase(80.0, 80.0)]
    [TestCase(75.0, 75.0)]
    [TestCase(50.0, 50.0)]
    [TestCase(25.0, 25.0)]
    [TestCase(0.25, 0.25)]
    [TestCase(0.0, 0.0)]
    [TestCase(-0.25, -0.25)]
    [TestCase(-25.0, -25.0)]
    [TestCase(-55.0, -55.0)]
    public void ReadTemperatureCelsius_ExtendedModeDatasheetTable_DecodesValue(double boardCelsius, double expected)
    {
        using Tmp102 tmp102 = CreateDriver();
        tmp102.ExtendedMode = true;
        _thermal.BoardCelsius = boardCelsius;

        Assert.That(tmp102.ReadTemperatureCelsius(), Is.EqualTo(expected));
    }

    [TestCase(false, 200.0, 127.9375)]
    [TestCase(true, 200.0, 150.0)]
    [TestCase(false, -100.0, -55.0)]
    [TestCase(true, -100.0, -55.0)]
    public void ReadTemperatureCelsius_BeyondChipRange_ReadsChipLimit(bool extendedMode, double boardCelsius, double expected)
    {
        using Tmp102 tmp102 = CreateDriver();
        tmp102.ExtendedMode = extendedMode;
        _thermal.BoardCelsius = boardCelsius;

        Assert.That(tmp102.ReadTemperatureCelsius(), Is.EqualTo(expected));
    }

    [Test]
    public void TryReadTemperatureCelsius_ChipPresent_ReturnsTrueAndValue()
    {
        using Tmp102 tmp102 = CreateDriver();
        _thermal.BoardCelsius = 42.5;

        bool read = tmp102.TryReadTemperatureCelsius(out double celsius);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(read, Is.True);
            Assert.That(celsius, Is.EqualTo(42.5));
        }
    }

    [Test]
    public void ReadTemperatureCelsius_NoChipAtAddress_ThrowsIOExceptionAndTryReadReturnsFalse()
    {
        using var tmp102 = new Tmp102(_bus.CreateDevice(0x49));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(() => tmp102.ReadTemperatureCelsius(), Throws.TypeOf<IOException>().With.Message.Contains("0x49"));
            Assert.That(tmp102.TryReadTemperatureCelsius(out double celsius), Is.False);
            Assert.That(celsius, Is.Zero);
        }
    }

    [Test]
    public void Properties_PowerOn_ReadDatasheetDefaults()
    {
        using Tmp102 tmp102 = CreateDriver();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(tmp102.ConversionRate, Is.EqualTo(Tmp102ConversionRate.FourHertz));
            Assert.That(tmp102.ExtendedMode, Is.False);
            Assert.That(tmp102.Shutdown, Is.False);
            Assert.That(tmp102.ThermostatMode, Is.EqualTo(Tmp102ThermostatMode.Comparator));
            Assert.That(tmp102.AlertPolarity, Is.EqualTo(Tmp102AlertPolarity.ActiveLow));
            Assert.That(tmp102.FaultQueue, Is.EqualTo(Tmp102FaultQueue.OneFault));
            Assert.That(tmp102.LowLimitCelsius, Is.EqualTo(75.0));
            Assert.That(tmp102.HighLimitCelsius, Is.EqualTo(80.0));
        }
    }

    [Test]
    public void Properties_SetEach_WriteTheirConfigurationBits()
    {
        using Tmp102 tmp102 = CreateDriver();

        tmp102.ConversionRate = Tmp102ConversionRate.EightHertz;
        tmp102.FaultQueue = Tmp102FaultQueue.SixFaults;
        tmp102.AlertPolarity = Tmp102AlertPolarity.ActiveHigh;
        tmp102.ThermostatMode = Tmp102ThermostatMode.Interrupt;
        tmp102.ExtendedMode = true;

        using (Assert.EnterMultipleScope())
        {
            // OS 0, R1 R0 11, F 11, POL 1, TM 1, SD 0 | CR 11, AL 0 (active high, no alert), EM 1.
            Assert.That(_raw.ReadRegister(ConfigurationRegister), Is.EqualTo(0x7ED0));
            Assert.That(tmp102.ConversionRate, Is.EqualTo(Tmp102ConversionRate.EightHertz));
            Assert.That(tmp102.FaultQueue, Is.EqualTo(Tmp102FaultQueue.SixFaults));
            Assert.That(tmp102.AlertPolarity, Is.EqualTo(Tmp102AlertPolarity.ActiveHigh));
            Assert.That(tmp102.ThermostatMode, Is.EqualTo(Tmp102ThermostatMode.Interrupt));
            Assert.That(tmp102.ExtendedMode, Is.True);
        }
    }

    [Test]
    public void Property_UndefinedEnumValue_Throws()
    {
        using Tmp102 tmp102 = CreateDriver();

        Assert.That(() => tmp102.ConversionRate = (Tmp102ConversionRate)4, Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void HighLimitCelsius_Set100InNormalMode_WritesDatasheetFormat()
    {
        using Tmp102 tmp102 = CreateDriver();

        tmp102.HighLimitCelsius = 100.0;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(_raw.ReadRegister(HighLimitRegister), Is.EqualTo(0x6400));
            Assert.That(tmp102.HighLimitCelsius, Is.EqualTo(100.0));
        }
    }

    [Test]
    public void LowLimitCelsius_SetNegativeInExtendedMode_WritesThirteenBitFormat()
    {
        using Tmp102 tmp102 = CreateDriver();
        tmp102.ExtendedMode = true;

        tmp102.LowLimitCelsius = -25.0;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(_raw.ReadRegister(LowLimitRegister), Is.EqualTo(0xF380), "1E70h shifted left by 3");
            Assert.That(tmp102.LowLimitCelsius, Is.EqualTo(-25.0));
        }
    }

    [Test]
    public void HighLimitCelsius_150InExtendedMode_RoundTrips()
    {
        using Tmp102 tmp102 = CreateDriver();
        tmp102.ExtendedMode = true;

        tmp102.HighLimitCelsius = 150.0;

        Assert.That(tmp102.HighLimitCelsius, Is.EqualTo(150.0));
    }

    [TestCase(false, 128.0)]
    [TestCase(false, -128.0625)]
    [TestCase(true, 256.0)]
    [TestCase(false, double.NaN)]
    public void HighLimitCelsius_BeyondRegister_Throws(bool extendedMode, double celsius)
    {
        using Tmp102 tmp102 = CreateDriver();
        tmp102.ExtendedMode = extendedMode;

        Assert.That(() => tmp102.HighLimitCelsius = celsius, Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void ReadAlert_AboveHighLimit_IsTrueForEitherPolarity()
    {
        using Tmp102 tmp102 = CreateDriver();
        _thermal.BoardCelsius = 85.0;
        _ = tmp102.ReadTemperatureCelsius();

        bool activeLow = tmp102.ReadAlert();
        tmp102.AlertPolarity = Tmp102AlertPolarity.ActiveHigh;
        bool activeHigh = tmp102.ReadAlert();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(activeLow, Is.True);
            Assert.That(activeHigh, Is.True);
        }
    }

    [Test]
    public void ReadAlert_BelowHighLimit_IsFalse()
    {
        using Tmp102 tmp102 = CreateDriver();
        _ = tmp102.ReadTemperatureCelsius();

        Assert.That(tmp102.ReadAlert(), Is.False);
    }

    [Test]
    public void Shutdown_TemperatureChanges_ReadingHoldsLastConversion()
    {
        using Tmp102 tmp102 = CreateDriver();

        tmp102.Shutdown = true;
        _thermal.BoardCelsius = 50.0;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(tmp102.Shutdown, Is.True);
            Assert.That(tmp102.ReadTemperatureCelsius(), Is.EqualTo(25.0));
        }
    }

    [Test]
    public void StartOneShotConversion_InShutdown_ConvertsOnceAndReportsComplete()
    {
        using Tmp102 tmp102 = CreateDriver();
        tmp102.Shutdown = true;
        _thermal.BoardCelsius = 50.0;
        bool completeBefore = tmp102.ReadOneShotComplete();

        tmp102.StartOneShotConversion();
        _thermal.BoardCelsius = 60.0;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(completeBefore, Is.False);
            Assert.That(tmp102.ReadOneShotComplete(), Is.True);
            Assert.That(tmp102.ReadTemperatureCelsius(), Is.EqualTo(50.0));
        }
    }

    [Test]
    public void StartOneShotConversion_Continuous_ThrowsInvalidOperation()
    {
        using Tmp102 tmp102 = CreateDriver();

        Assert.That(() => tmp102.StartOneShotConversion(), Throws.InvalidOperationException.With.Message.Contains("Shutdown"));
    }

    [Test]
    public void Configure_AfterOneShot_DoesNotStartAnotherConversion()
    {
        using Tmp102 tmp102 = CreateDriver();
        tmp102.Shutdown = true;
        tmp102.StartOneShotConversion();
        _thermal.BoardCelsius = 70.0;

        tmp102.ConversionRate = Tmp102ConversionRate.OneHertz;

        Assert.That(tmp102.ReadTemperatureCelsius(), Is.EqualTo(25.0));
    }

    [Test]
    public async Task ReadOneShotTemperatureCelsiusAsync_InShutdown_ReturnsNewConversion()
    {
        using Tmp102 tmp102 = CreateDriver();
        tmp102.Shutdown = true;
        _thermal.BoardCelsius = -10.5;

        double celsius = await tmp102.ReadOneShotTemperatureCelsiusAsync(TimeProvider.System);

        Assert.That(celsius, Is.EqualTo(-10.5));
    }

    [Test]
    public void Dispose_OwningDriver_DisposesDevice()
    {
        SimI2cDevice device = _bus.CreateDevice(Address);
        var tmp102 = new Tmp102(device);

        tmp102.Dispose();

        Assert.That(() => device.Read(new byte[2]), Throws.TypeOf<ObjectDisposedException>());
    }

    [Test]
    public void Dispose_NotOwningDriver_LeavesDeviceUsable()
    {
        using SimI2cDevice device = _bus.CreateDevice(Address);
        var tmp102 = new Tmp102(device, shouldDispose: false);

        tmp102.Dispose();

        Assert.That(() => device.Read(new byte[2]), Throws.Nothing);
    }

    private Tmp102 CreateDriver() => new(_bus.CreateDevice(Address));
}
