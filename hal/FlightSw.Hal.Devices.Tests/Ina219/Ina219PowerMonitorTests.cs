using FlightSw.Sim.Buses;
using FlightSw.Sim.Chips;
using FlightSw.Sim.Environment;

namespace FlightSw.Hal.Devices.Tests;

public class Ina219PowerMonitorTests
{
    private const int Address = 0x40;
    private const double ShuntOhms = 0.1;
    private const double MaxExpectedAmps = 3.2;
    private const double Tolerance = 1e-9;

    private ConstantEnvironment _rail = null!;
    private SimI2cBus _bus = null!;
    private SimChip _raw = null!;

    [SetUp]
    public void SetUp()
    {
        _rail = new ConstantEnvironment { BusVolts = 5.0, CurrentAmps = 0.6 };
        _bus = new SimI2cBus(1);
        _bus.Attach(new Ina219Model(Address, ShuntOhms, _rail));
        _raw = new SimChip(_bus, Address);
    }

    [TearDown]
    public void TearDown() => _raw.Dispose();

    [Test]
    public void Constructor_ShuntAndMaxCurrent_CalibratesChip()
    {
        using Ina219PowerMonitor monitor = CreateMonitor();

        Assert.That(_raw.ReadRegister(0x05), Is.EqualTo(0x1000));
    }

    [Test]
    public void Read_IdleBoard_ReturnsAllFourQuantities()
    {
        using Ina219PowerMonitor monitor = CreateMonitor();

        PowerReading reading = monitor.Read();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(reading.BusVolts, Is.EqualTo(5.0).Within(Tolerance));
            Assert.That(reading.ShuntVolts, Is.EqualTo(0.060).Within(Tolerance));
            Assert.That(reading.CurrentAmps, Is.EqualTo(0.6).Within(Tolerance));
            Assert.That(reading.PowerWatts, Is.EqualTo(3.0).Within(Tolerance));
        }
    }

    [Test]
    public void TryRead_LatchUpCurrentStep_SeesTheStep()
    {
        using Ina219PowerMonitor monitor = CreateMonitor();
        Assert.That(monitor.TryRead(out PowerReading before), Is.True);

        _rail.CurrentAmps = 2.4;
        bool read = monitor.TryRead(out PowerReading after);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(read, Is.True);
            Assert.That(before.CurrentAmps, Is.EqualTo(0.6).Within(Tolerance));
            Assert.That(after.CurrentAmps, Is.EqualTo(2.4).Within(Tolerance));
            Assert.That(after.PowerWatts, Is.EqualTo(12.0).Within(Tolerance));
        }
    }

    [Test]
    public void Read_CurrentBeyondRange_ThrowsOverflowAndTryReadReturnsFalse()
    {
        using Ina219PowerMonitor monitor = CreateMonitor();
        _rail.CurrentAmps = 5.0;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(() => monitor.Read(), Throws.TypeOf<OverflowException>());
            Assert.That(monitor.TryRead(out PowerReading reading), Is.False);
            Assert.That(reading, Is.EqualTo(default(PowerReading)));
        }
    }

    [Test]
    public void Read_ChipGone_ThrowsIOExceptionAndTryReadReturnsFalse()
    {
        using Ina219PowerMonitor monitor = CreateMonitor();
        _bus.Detach(Address);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(() => monitor.Read(), Throws.TypeOf<IOException>());
            Assert.That(monitor.TryRead(out _), Is.False);
        }
    }

    [Test]
    public void Constructor_ChipAbsent_ThrowsIOException()
    {
        Assert.That(
            () => new Ina219PowerMonitor(new Ina219(_bus.CreateDevice(0x45)), ShuntOhms, MaxExpectedAmps),
            Throws.TypeOf<IOException>());
    }

    [Test]
    public void Constructor_InvalidCalibration_ThrowsNamingArgument()
    {
        Assert.That(
            () => new Ina219PowerMonitor(new Ina219(_bus.CreateDevice(Address)), ShuntOhms, 10.0),
            Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("maxExpectedAmps"));
    }

    [Test]
    public void Read_AfterChipReset_RecalibratesFailsOnceThenReadsCorrectly()
    {
        using Ina219PowerMonitor monitor = CreateMonitor();
        _raw.WriteRegister(0x00, 0x8000); // the chip resets: calibration back to 0

        bool firstRead = monitor.TryRead(out _);
        bool secondRead = monitor.TryRead(out PowerReading reading);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(firstRead, Is.False);
            Assert.That(monitor.RecalibrationCount, Is.EqualTo(1));
            Assert.That(_raw.ReadRegister(0x05), Is.EqualTo(0x1000));
            Assert.That(secondRead, Is.True);
            Assert.That(reading.CurrentAmps, Is.EqualTo(0.6).Within(Tolerance));
        }
    }

    private Ina219PowerMonitor CreateMonitor() =>
        new(new Ina219(_bus.CreateDevice(Address)), ShuntOhms, MaxExpectedAmps);
}
