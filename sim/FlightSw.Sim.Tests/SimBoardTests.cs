using System.Device.Gpio;
using System.Device.I2c;
using FlightSw.Hal;
using FlightSw.Sim.Chips;
using FlightSw.Sim.Time;
using static FlightSw.Sim.Tests.SimBoardFile;

namespace FlightSw.Sim.Tests;

public class SimBoardTests
{
    private static readonly SimHardwareOptions Quiet = new() { SensorNoise = false };

    [Test]
    public void Properties_BootedBoard_ExposeTheHardware()
    {
        using var hardware = new SimHardware(Definition, seed: 1);

        var board = PowerOnAndBoot(hardware);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(board.Definition, Is.SameAs(hardware.Definition));
            Assert.That(board.BootNumber, Is.EqualTo(1));
            Assert.That(board.Watchdog, Is.SameAs(hardware.Watchdog));
            Assert.That(board.PersistentStore, Is.SameAs(hardware.Store));
            Assert.That(board.Time, Is.TypeOf<BootScopedTimeProvider>());
            Assert.That(board.Time.GetUtcNow(), Is.EqualTo(hardware.Clock.GetUtcNow()));
            Assert.That(board.GpioDriver, Is.SameAs(hardware.Gpio));
            Assert.That(board.Gpio.PinCount, Is.EqualTo(64));
        }
    }

    [Test]
    public void CreateI2cDevice_MissingBus_ThrowsIOExceptionNamingTheBus()
    {
        using var hardware = new SimHardware(Definition, seed: 1);
        var board = PowerOnAndBoot(hardware);

        Assert.That(
            () => board.CreateI2cDevice(new I2cConnectionSettings(7, 0x40)),
            Throws.TypeOf<IOException>()
                .With.Message.Contains("I2C bus 7")
                .And.Message.Contains("'sim'")
                .And.Message.Contains("it has bus 1"));
    }

    [Test]
    public void CreateI2cDevice_NullSettings_ThrowsArgumentNullException()
    {
        using var hardware = new SimHardware(Definition, seed: 1);
        var board = PowerOnAndBoot(hardware);

        Assert.That(() => board.CreateI2cDevice(null!), Throws.ArgumentNullException);
    }

    [Test]
    public void CreateI2cDevice_ExistingBus_TalksToTheChipModel()
    {
        using var hardware = new SimHardware(Definition, seed: 1);
        var board = PowerOnAndBoot(hardware);
        using var device = board.CreateI2cDevice(new I2cConnectionSettings(1, 0x48));
        var data = new byte[2];

        device.WriteRead(new byte[] { 0x01 }, data);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(device.ConnectionSettings.BusId, Is.EqualTo(1));
            Assert.That(device.ConnectionSettings.DeviceAddress, Is.EqualTo(0x48));
            Assert.That((data[0] << 8) | data[1], Is.EqualTo(Tmp102Model.ConfigurationPowerOnValue));
        }
    }

    [Test]
    public void PowerMonitor_NoiseOff_ReadsTheEnvironmentThroughTheIna219Driver()
    {
        using var hardware = new SimHardware(Definition, seed: 1, Quiet);
        var board = PowerOnAndBoot(hardware);
        hardware.Environment.BusVolts = 12.0;
        hardware.Environment.CurrentAmps = 1.25;

        var reading = board.PowerMonitor.Read();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(reading.BusVolts, Is.EqualTo(12.0).Within(1e-9));
            Assert.That(reading.ShuntVolts, Is.EqualTo(0.125).Within(1e-9), "1.25 A through 0.1 ohm");
            Assert.That(reading.CurrentAmps, Is.EqualTo(1.25).Within(1e-9));
            Assert.That(reading.PowerWatts, Is.EqualTo(15.0).Within(1e-9));
        }
    }

    [Test]
    public void PowerMonitor_NoiseOff_BusVoltageIsQuantisedTo4Millivolts()
    {
        using var hardware = new SimHardware(Definition, seed: 1, Quiet);
        var board = PowerOnAndBoot(hardware);
        hardware.Environment.BusVolts = 5.0021; // 1250.525 LSB

        var reading = board.PowerMonitor.Read();

        Assert.That(reading.BusVolts, Is.EqualTo(5.004).Within(1e-9));
    }

    [Test]
    public void PowerMonitor_EnvironmentChanges_NextReadFollows()
    {
        using var hardware = new SimHardware(Definition, seed: 1, Quiet);
        var board = PowerOnAndBoot(hardware);
        var first = board.PowerMonitor.Read();

        hardware.Environment.CurrentAmps = 2.0;
        hardware.Environment.BusVolts = 4.8;
        var second = board.PowerMonitor.Read();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.BusVolts, Is.EqualTo(7.8).Within(1e-9), "the default 7.8 V battery bus");
            Assert.That(first.CurrentAmps, Is.EqualTo(0.6).Within(1e-9));
            Assert.That(second.BusVolts, Is.EqualTo(4.8).Within(1e-9));
            Assert.That(second.CurrentAmps, Is.EqualTo(2.0).Within(1e-9));
            Assert.That(second.PowerWatts, Is.EqualTo(9.6).Within(1e-9));
        }
    }

    [TestCase(25.0, 25.0)]
    [TestCase(31.3, 31.3125)]
    [TestCase(-10.03, -10.0)]
    [TestCase(0.03125, 0.0625)]
    public void TemperatureSensor_NoiseOff_ReadsTheEnvironmentInSixteenthsOfADegree(double boardCelsius, double expected)
    {
        using var hardware = new SimHardware(Definition, seed: 1, Quiet);
        var board = PowerOnAndBoot(hardware);
        hardware.Environment.BoardCelsius = boardCelsius;

        bool read = board.TemperatureSensor.TryReadCelsius(out double celsius);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(read, Is.True);
            Assert.That(celsius, Is.EqualTo(expected));
            Assert.That(board.TemperatureSensor.ReadCelsius(), Is.EqualTo(expected));
        }
    }

    [Test]
    public void PowerMonitor_ChipDetachedAfterFirstRead_TryReadFalseUntilReattached()
    {
        using var hardware = new SimHardware(Definition, seed: 1, Quiet);
        var board = PowerOnAndBoot(hardware);
        var bus = hardware.I2cBuses[1];
        var chip = bus.Chips.OfType<Ina219Model>().Single();
        Assert.That(board.PowerMonitor.TryRead(out _), Is.True);

        bus.Detach(chip.Address);
        bool whileDetached = board.PowerMonitor.TryRead(out var missing);
        bus.Attach(chip);
        bool afterReattach = board.PowerMonitor.TryRead(out var reading);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(whileDetached, Is.False);
            Assert.That(missing, Is.EqualTo(default(PowerReading)));
            Assert.That(afterReattach, Is.True);
            Assert.That(reading.BusVolts, Is.EqualTo(7.8).Within(1e-9));
            Assert.That(reading.CurrentAmps, Is.EqualTo(0.6).Within(1e-9));
        }
    }

    [Test]
    public void PowerMonitor_ChipAbsentAtFirstUse_TryReadFalseThenRecoversWhenAttached()
    {
        using var hardware = new SimHardware(Definition, seed: 1, Quiet);
        var board = PowerOnAndBoot(hardware);
        var bus = hardware.I2cBuses[1];
        var chip = bus.Chips.OfType<Ina219Model>().Single();
        bus.Detach(chip.Address);

        bool whileAbsent = board.PowerMonitor.TryRead(out _);
        bool whileAbsentAgain = board.PowerMonitor.TryRead(out _);
        bus.Attach(chip);
        bool afterAttach = board.PowerMonitor.TryRead(out var reading);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(whileAbsent, Is.False);
            Assert.That(whileAbsentAgain, Is.False);
            Assert.That(afterAttach, Is.True);
            Assert.That(reading.CurrentAmps, Is.EqualTo(0.6).Within(1e-9));
        }
    }

    [Test]
    public void PowerMonitor_ChipDetached_ReadThrowsIOException()
    {
        using var hardware = new SimHardware(Definition, seed: 1, Quiet);
        var board = PowerOnAndBoot(hardware);
        hardware.I2cBuses[1].Detach(0x40);

        Assert.That(() => board.PowerMonitor.Read(), Throws.TypeOf<IOException>());
    }

    [Test]
    public void TemperatureSensor_ChipDetached_TryReadFalseUntilReattached()
    {
        using var hardware = new SimHardware(Definition, seed: 1, Quiet);
        var board = PowerOnAndBoot(hardware);
        var bus = hardware.I2cBuses[1];
        var chip = bus.Chips.OfType<Tmp102Model>().Single();
        hardware.Environment.BoardCelsius = 18.5;

        bus.Detach(chip.Address);
        bool whileDetached = board.TemperatureSensor.TryReadCelsius(out _);
        bus.Attach(chip);
        bool afterReattach = board.TemperatureSensor.TryReadCelsius(out double celsius);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(whileDetached, Is.False);
            Assert.That(afterReattach, Is.True);
            Assert.That(celsius, Is.EqualTo(18.5));
        }
    }

    [Test]
    public async Task Dispose_OpenPins_ClosesGpioAndReleasesWaiters()
    {
        using var hardware = new SimHardware(Definition, seed: 1);
        var board = PowerOnAndBoot(hardware);
        int led = Definition.Gpio.StatusLedPin;
        const int button = 5;
        board.Gpio.OpenPin(led, PinMode.Output);
        board.Gpio.Write(led, PinValue.High);
        board.Gpio.OpenPin(button, PinMode.Input);
        var wait = board.Gpio.WaitForEventAsync(button, PinEventTypes.Rising, CancellationToken.None).AsTask();
        bool waitingBeforeDispose = !wait.IsCompleted;

        board.Dispose();
        var result = await wait.WaitAsync(TimeSpan.FromMinutes(1)); // a guard against a hang, not a timing check

        using (Assert.EnterMultipleScope())
        {
            Assert.That(waitingBeforeDispose, Is.True);
            Assert.That(result.TimedOut, Is.True, "the waiter is released with no edge");
            Assert.That(result.EventTypes, Is.EqualTo(PinEventTypes.None));
            Assert.That(() => board.Gpio.IsPinOpen(led), Throws.TypeOf<ObjectDisposedException>());
            Assert.That(() => board.Gpio.OpenPin(button, PinMode.Input), Throws.TypeOf<ObjectDisposedException>());
        }
    }

    [Test]
    public void Dispose_ByAReset_NextBootStartsWithEveryPinClosed()
    {
        using var hardware = new SimHardware(Definition, seed: 1);
        var board = PowerOnAndBoot(hardware);
        int led = Definition.Gpio.StatusLedPin;
        board.Gpio.OpenPin(led, PinMode.Output);
        board.Gpio.Write(led, PinValue.High);

        hardware.RequestReset(ResetCause.CommandedWarmReset, "test");
        var next = RunUntilBooted(hardware, board);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(next.GpioDriver, Is.Not.SameAs(board.GpioDriver));
            Assert.That(next.Gpio.IsPinOpen(led), Is.False);
            Assert.That(next.GpioDriver.GetLevel(led), Is.EqualTo(PinValue.Low), "an input again, floating low");
        }
    }

    [Test]
    public void Dispose_Board_EndsItsTimersAndClosesItsSensors()
    {
        using var hardware = new SimHardware(Definition, seed: 1);
        var board = PowerOnAndBoot(hardware);
        int ticks = 0;
        using var timer = board.Time.CreateTimer(_ => ticks++, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        board.PowerMonitor.Read();

        board.Dispose();
        board.Dispose();
        hardware.Clock.RunFor(TimeSpan.FromMinutes(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ticks, Is.Zero);
            Assert.That(((BootScopedTimeProvider)board.Time).HasEnded, Is.True);
            Assert.That(() => board.PowerMonitor.TryRead(out _), Throws.TypeOf<ObjectDisposedException>());
            Assert.That(() => board.TemperatureSensor.TryReadCelsius(out _), Throws.TypeOf<ObjectDisposedException>(), "never opened, but closed with the boot");
        }
    }
}
