using System.Device.I2c;
using FlightSw.Hal.Boards;
using FlightSw.Sim.Buses;
using FlightSw.Sim.Chips;
using FlightSw.Sim.Environment;

namespace FlightSw.Hal.Devices.Tests;

public class BoardSensorsTests
{
    private static readonly PowerMonitorChip Ina219Chip = new("ina219", 1, 0x40, ShuntOhms: 0.1, MaxExpectedAmps: 3.0);
    private static readonly I2cChip Tmp102Chip = new("tmp102", 1, 0x48);

    private ConstantEnvironment _environment = null!;
    private SimI2cBus _bus = null!;
    private List<SimI2cDevice> _opened = null!;
    private List<I2cConnectionSettings> _requested = null!;

    [SetUp]
    public void SetUp()
    {
        _environment = new ConstantEnvironment { BusVolts = 12.0, CurrentAmps = 0.5, BoardCelsius = 21.5 };
        _bus = new SimI2cBus(1);
        _opened = [];
        _requested = [];
    }

    [Test]
    public void SupportedChips_Lists_NameTheChipsWithDrivers()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(BoardSensors.PowerMonitorChips, Is.EqualTo(new[] { "ina219" }));
            Assert.That(BoardSensors.TemperatureSensorChips, Is.EqualTo(new[] { "tmp102" }));
        }
    }

    [Test]
    public void CreatePowerMonitor_NullArgument_ThrowsArgumentNullException()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(() => BoardSensors.CreatePowerMonitor(null!, Open), Throws.ArgumentNullException);
            Assert.That(() => BoardSensors.CreatePowerMonitor(Ina219Chip, null!), Throws.ArgumentNullException);
        }
    }

    [Test]
    public void CreatePowerMonitor_UnsupportedChip_ThrowsNotSupportedNamingTheChipAndTheSupportedOnes()
    {
        var chip = Ina219Chip with { Chip = "ina226" };

        Assert.That(
            () => BoardSensors.CreatePowerMonitor(chip, Open),
            Throws.TypeOf<NotSupportedException>().With.Message.Contains("'ina226'").And.Message.Contains("ina219"));
    }

    [Test]
    public void CreatePowerMonitor_Ina219_OpensNothingUntilTheFirstRead()
    {
        AttachIna219();

        using var monitor = BoardSensors.CreatePowerMonitor(Ina219Chip, Open);

        Assert.That(_requested, Is.Empty);
    }

    [Test]
    public void CreatePowerMonitor_Ina219_ReadsTheRailAtTheBoardFilesBusAndAddress()
    {
        AttachIna219();
        using var monitor = BoardSensors.CreatePowerMonitor(Ina219Chip, Open);

        var reading = monitor.Read();
        monitor.Read();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(_requested.Select(s => (s.BusId, s.DeviceAddress)), Is.EqualTo(new[] { (1, 0x40) }), "opened once");
            Assert.That(reading.BusVolts, Is.EqualTo(12.0).Within(1e-9));
            Assert.That(reading.ShuntVolts, Is.EqualTo(0.05).Within(1e-9));
            Assert.That(reading.CurrentAmps, Is.EqualTo(0.5).Within(1e-9));
            Assert.That(reading.PowerWatts, Is.EqualTo(6.0).Within(1e-9));
        }
    }

    [Test]
    public void CreatePowerMonitor_SimBoardFile_CalibratesForItsShuntAndCurrent()
    {
        var definition = BoardCatalog.Locate().Load("sim");
        AttachIna219();
        using var monitor = BoardSensors.CreatePowerMonitor(definition.I2c.PowerMonitor, Open);

        bool read = monitor.TryRead(out var reading);
        using var raw = _bus.CreateDevice(0x40);
        var calibration = new byte[2];
        raw.WriteRead(new byte[] { 0x05 }, calibration);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(read, Is.True);
            Assert.That(reading.CurrentAmps, Is.EqualTo(0.5).Within(1e-9));
            Assert.That((calibration[0] << 8) | calibration[1], Is.EqualTo(4096), "0.1 ohm, 3 A: Cal 4096");
        }
    }

    [Test]
    public void CreatePowerMonitor_ChipAbsentAtFirstRead_ClosesTheDeviceItOpenedAndRetriesLater()
    {
        using var monitor = BoardSensors.CreatePowerMonitor(Ina219Chip, Open);

        bool whileAbsent = monitor.TryRead(out _);
        AttachIna219();
        bool afterAttach = monitor.TryRead(out var reading);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(whileAbsent, Is.False);
            Assert.That(afterAttach, Is.True);
            Assert.That(reading.BusVolts, Is.EqualTo(12.0).Within(1e-9));
            Assert.That(_opened, Has.Count.EqualTo(2));
            Assert.That(() => _opened[0].Read(new byte[2]), Throws.TypeOf<ObjectDisposedException>(), "the failed open's device is closed, not leaked");
        }
    }

    [Test]
    public void CreatePowerMonitor_CurrentBeyondTheShuntRange_ThrowsAndClosesTheDevice()
    {
        AttachIna219();
        var chip = Ina219Chip with { MaxExpectedAmps = 10.0 }; // 0.1 ohm measures at most 3.2 A
        using var monitor = BoardSensors.CreatePowerMonitor(chip, Open);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(() => monitor.TryRead(out _), Throws.TypeOf<ArgumentOutOfRangeException>(), "a wrong board file is not a chip that does not answer");
            Assert.That(() => _opened[0].Read(new byte[2]), Throws.TypeOf<ObjectDisposedException>());
        }
    }

    [Test]
    public void CreatePowerMonitor_Dispose_ClosesTheDevice()
    {
        AttachIna219();
        var monitor = BoardSensors.CreatePowerMonitor(Ina219Chip, Open);
        monitor.Read();

        monitor.Dispose();

        Assert.That(() => _opened.Single().Read(new byte[2]), Throws.TypeOf<ObjectDisposedException>());
    }

    [Test]
    public void CreateTemperatureSensor_NullArgument_ThrowsArgumentNullException()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(() => BoardSensors.CreateTemperatureSensor(null!, Open), Throws.ArgumentNullException);
            Assert.That(() => BoardSensors.CreateTemperatureSensor(Tmp102Chip, null!), Throws.ArgumentNullException);
        }
    }

    [Test]
    public void CreateTemperatureSensor_UnsupportedChip_ThrowsNotSupportedNamingTheChipAndTheSupportedOnes()
    {
        var chip = Tmp102Chip with { Chip = "lm75" };

        Assert.That(
            () => BoardSensors.CreateTemperatureSensor(chip, Open),
            Throws.TypeOf<NotSupportedException>().With.Message.Contains("'lm75'").And.Message.Contains("tmp102"));
    }

    [Test]
    public void CreateTemperatureSensor_Tmp102_OpensNothingUntilTheFirstRead()
    {
        _bus.Attach(new Tmp102Model(0x48, _environment));

        using var sensor = BoardSensors.CreateTemperatureSensor(Tmp102Chip, Open);

        Assert.That(_requested, Is.Empty);
    }

    [Test]
    public void CreateTemperatureSensor_Tmp102_ReadsTheBoardTemperatureAtTheBoardFilesBusAndAddress()
    {
        _bus.Attach(new Tmp102Model(0x48, _environment));
        using var sensor = BoardSensors.CreateTemperatureSensor(Tmp102Chip, Open);

        double first = sensor.ReadCelsius();
        _environment.BoardCelsius = -40.0;
        bool read = sensor.TryReadCelsius(out double second);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(_requested.Select(s => (s.BusId, s.DeviceAddress)), Is.EqualTo(new[] { (1, 0x48) }), "opened once");
            Assert.That(first, Is.EqualTo(21.5));
            Assert.That(read, Is.True);
            Assert.That(second, Is.EqualTo(-40.0));
        }
    }

    [Test]
    public void CreateTemperatureSensor_ChipAbsent_TryReadFalseThenRecoversWhenAttached()
    {
        using var sensor = BoardSensors.CreateTemperatureSensor(Tmp102Chip, Open);

        bool whileAbsent = sensor.TryReadCelsius(out _);
        _bus.Attach(new Tmp102Model(0x48, _environment));
        bool afterAttach = sensor.TryReadCelsius(out double celsius);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(whileAbsent, Is.False);
            Assert.That(afterAttach, Is.True);
            Assert.That(celsius, Is.EqualTo(21.5));
        }
    }

    private void AttachIna219() => _bus.Attach(new Ina219Model(0x40, 0.1, _environment));

    private SimI2cDevice Open(I2cConnectionSettings settings)
    {
        _requested.Add(settings);
        if (settings.BusId != _bus.BusId)
        {
            throw new IOException($"no bus {settings.BusId}");
        }

        var device = _bus.CreateDevice(settings.DeviceAddress);
        _opened.Add(device);
        return device;
    }
}
