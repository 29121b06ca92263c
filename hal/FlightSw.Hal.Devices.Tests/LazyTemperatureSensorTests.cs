using FlightSw.Sim.Buses;
using FlightSw.Sim.Chips;
using FlightSw.Sim.Environment;

namespace FlightSw.Hal.Devices.Tests;

public class LazyTemperatureSensorTests
{
    private const double Sample = 23.4375;

    [Test]
    public void Constructor_NullOpen_ThrowsArgumentNullException()
    {
        Assert.That(() => new LazyTemperatureSensor(null!), Throws.ArgumentNullException);
    }

    [Test]
    public void Constructor_Open_IsNotCalled()
    {
        int opens = 0;

        using var sensor = new LazyTemperatureSensor(() =>
        {
            opens++;
            return new FakeTemperatureSensor();
        });

        Assert.That(opens, Is.Zero);
    }

    [Test]
    public void ReadCelsius_ManyTimes_OpensOnceAndReturnsTheDriversReadings()
    {
        int opens = 0;
        var fake = new FakeTemperatureSensor();
        using var sensor = new LazyTemperatureSensor(() =>
        {
            opens++;
            return fake;
        });

        var readings = new[] { sensor.ReadCelsius(), sensor.ReadCelsius() };
        bool tried = sensor.TryReadCelsius(out double celsius);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(readings, Is.All.EqualTo(Sample));
            Assert.That(tried, Is.True);
            Assert.That(celsius, Is.EqualTo(Sample));
            Assert.That(opens, Is.EqualTo(1));
            Assert.That(fake.Reads, Is.EqualTo(3));
        }
    }

    [Test]
    public void TryReadCelsius_OpenThrowsIOException_ReturnsFalseWithNaNAndOpensAgainNextTime()
    {
        int opens = 0;
        using var sensor = new LazyTemperatureSensor(() => ++opens == 1 ? throw new IOException("no /dev/i2c-1") : new FakeTemperatureSensor());

        bool first = sensor.TryReadCelsius(out double failed);
        bool second = sensor.TryReadCelsius(out double celsius);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first, Is.False);
            Assert.That(failed, Is.NaN);
            Assert.That(second, Is.True);
            Assert.That(celsius, Is.EqualTo(Sample));
            Assert.That(opens, Is.EqualTo(2));
        }
    }

    [Test]
    public void ReadCelsius_OpenThrowsIOException_PropagatesAndOpensAgainNextTime()
    {
        int opens = 0;
        using var sensor = new LazyTemperatureSensor(() => ++opens == 1 ? throw new IOException("no ACK") : new FakeTemperatureSensor());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(() => sensor.ReadCelsius(), Throws.TypeOf<IOException>());
            Assert.That(sensor.ReadCelsius(), Is.EqualTo(Sample));
            Assert.That(opens, Is.EqualTo(2));
        }
    }

    [Test]
    public void TryReadCelsius_OpenThrowsSomethingOtherThanIOException_Propagates()
    {
        using var sensor = new LazyTemperatureSensor(() => throw new UnauthorizedAccessException("permission denied"));

        Assert.That(() => sensor.TryReadCelsius(out _), Throws.TypeOf<UnauthorizedAccessException>());
    }

    [Test]
    public void TryReadCelsius_DriverReportsFailure_ReturnsFalseWithoutReopening()
    {
        int opens = 0;
        var fake = new FakeTemperatureSensor { Answers = false };
        using var sensor = new LazyTemperatureSensor(() =>
        {
            opens++;
            return fake;
        });

        bool first = sensor.TryReadCelsius(out _);
        fake.Answers = true;
        bool second = sensor.TryReadCelsius(out double celsius);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first, Is.False);
            Assert.That(second, Is.True);
            Assert.That(celsius, Is.EqualTo(Sample));
            Assert.That(opens, Is.EqualTo(1));
        }
    }

    [Test]
    public void Dispose_AfterOpening_DisposesTheDriverOnce()
    {
        var fake = new FakeTemperatureSensor();
        var sensor = new LazyTemperatureSensor(() => fake);
        sensor.ReadCelsius();

        sensor.Dispose();
        sensor.Dispose();

        Assert.That(fake.Disposals, Is.EqualTo(1));
    }

    [Test]
    public void ReadAndTryRead_AfterDispose_ThrowObjectDisposedExceptionWithoutOpening()
    {
        int opens = 0;
        var sensor = new LazyTemperatureSensor(() =>
        {
            opens++;
            return new FakeTemperatureSensor();
        });
        sensor.Dispose();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(() => sensor.ReadCelsius(), Throws.TypeOf<ObjectDisposedException>());
            Assert.That(() => sensor.TryReadCelsius(out _), Throws.TypeOf<ObjectDisposedException>());
            Assert.That(opens, Is.Zero);
        }
    }

    [Test]
    public void TryReadCelsius_RealTmp102DetachedAndReattached_FalseWithoutThrowingThenRecovers()
    {
        var thermal = new ConstantEnvironment { BoardCelsius = 47.25 };
        var bus = new SimI2cBus(1);
        var chip = new Tmp102Model(0x48, thermal);
        bus.Attach(chip);
        using var sensor = new LazyTemperatureSensor(() => new Tmp102TemperatureSensor(new Tmp102(bus.CreateDevice(0x48))));
        bool before = sensor.TryReadCelsius(out _);

        bus.Detach(0x48);
        bool detached = sensor.TryReadCelsius(out _);
        bus.Attach(chip);
        bool reattached = sensor.TryReadCelsius(out double celsius);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(before, Is.True);
            Assert.That(detached, Is.False);
            Assert.That(reattached, Is.True);
            Assert.That(celsius, Is.EqualTo(47.25));
        }
    }

    private sealed class FakeTemperatureSensor : ITemperatureSensor, IDisposable
    {
        public bool Answers { get; set; } = true;

        public int Reads { get; private set; }

        public int Disposals { get; private set; }

        public double ReadCelsius()
        {
            Reads++;
            return Answers ? Sample : throw new IOException("no ACK");
        }

        public bool TryReadCelsius(out double celsius)
        {
            Reads++;
            celsius = Answers ? Sample : double.NaN;
            return Answers;
        }

        public void Dispose() => Disposals++;
    }
}
