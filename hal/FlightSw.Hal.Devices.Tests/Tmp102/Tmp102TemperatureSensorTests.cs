using FlightSw.Sim.Buses;
using FlightSw.Sim.Chips;
using FlightSw.Sim.Environment;

namespace FlightSw.Hal.Devices.Tests;

public class Tmp102TemperatureSensorTests
{
    [Test]
    public void ReadCelsius_BoardTemperature_ReturnsIt()
    {
        var thermal = new ConstantEnvironment { BoardCelsius = 31.25 };
        var bus = new SimI2cBus(1);
        bus.Attach(new Tmp102Model(0x48, thermal));
        using var sensor = new Tmp102TemperatureSensor(new Tmp102(bus.CreateDevice(0x48)));

        double first = sensor.ReadCelsius();
        thermal.BoardCelsius = -40.0;
        bool read = sensor.TryReadCelsius(out double second);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first, Is.EqualTo(31.25));
            Assert.That(read, Is.True);
            Assert.That(second, Is.EqualTo(-40.0));
        }
    }

    [Test]
    public void TryReadCelsius_ChipAbsent_ReturnsFalse()
    {
        var bus = new SimI2cBus(1);
        using var sensor = new Tmp102TemperatureSensor(new Tmp102(bus.CreateDevice(0x48)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(sensor.TryReadCelsius(out _), Is.False);
            Assert.That(() => sensor.ReadCelsius(), Throws.TypeOf<IOException>());
        }
    }
}
