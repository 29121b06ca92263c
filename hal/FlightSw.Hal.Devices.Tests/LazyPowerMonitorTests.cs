using FlightSw.Sim.Buses;
using FlightSw.Sim.Chips;
using FlightSw.Sim.Environment;

namespace FlightSw.Hal.Devices.Tests;

public class LazyPowerMonitorTests
{
    private static readonly PowerReading Sample = new(BusVolts: 5.0, ShuntVolts: 0.06, CurrentAmps: 0.6, PowerWatts: 3.0);

    [Test]
    public void Constructor_NullOpen_ThrowsArgumentNullException()
    {
        Assert.That(() => new LazyPowerMonitor(null!), Throws.ArgumentNullException);
    }

    [Test]
    public void Constructor_Open_IsNotCalled()
    {
        int opens = 0;

        using var monitor = new LazyPowerMonitor(() =>
        {
            opens++;
            return new FakePowerMonitor();
        });

        Assert.That(opens, Is.Zero);
    }

    [Test]
    public void Read_ManyTimes_OpensOnceAndReturnsTheDriversReadings()
    {
        int opens = 0;
        var fake = new FakePowerMonitor();
        using var monitor = new LazyPowerMonitor(() =>
        {
            opens++;
            return fake;
        });

        var readings = new[] { monitor.Read(), monitor.Read(), monitor.Read() };
        bool tried = monitor.TryRead(out var tryReading);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(readings, Is.All.EqualTo(Sample));
            Assert.That(tried, Is.True);
            Assert.That(tryReading, Is.EqualTo(Sample));
            Assert.That(opens, Is.EqualTo(1));
            Assert.That(fake.Reads, Is.EqualTo(4));
        }
    }

    [Test]
    public void TryRead_OpenThrowsIOException_ReturnsFalseWithADefaultReadingAndOpensAgainNextTime()
    {
        int opens = 0;
        using var monitor = new LazyPowerMonitor(() => ++opens == 1 ? throw new IOException("no ACK") : new FakePowerMonitor());

        bool first = monitor.TryRead(out var failed);
        bool second = monitor.TryRead(out var reading);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first, Is.False);
            Assert.That(failed, Is.EqualTo(default(PowerReading)));
            Assert.That(second, Is.True);
            Assert.That(reading, Is.EqualTo(Sample));
            Assert.That(opens, Is.EqualTo(2));
        }
    }

    [Test]
    public void Read_OpenThrowsIOException_PropagatesAndOpensAgainNextTime()
    {
        int opens = 0;
        using var monitor = new LazyPowerMonitor(() => ++opens == 1 ? throw new IOException("no ACK") : new FakePowerMonitor());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(() => monitor.Read(), Throws.TypeOf<IOException>().With.Message.EqualTo("no ACK"));
            Assert.That(monitor.Read(), Is.EqualTo(Sample));
            Assert.That(opens, Is.EqualTo(2));
        }
    }

    [Test]
    public void TryRead_OpenThrowsSomethingOtherThanIOException_Propagates()
    {
        using var monitor = new LazyPowerMonitor(() => throw new ArgumentOutOfRangeException("maxExpectedAmps"));

        Assert.That(() => monitor.TryRead(out _), Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void TryRead_DriverReportsFailure_ReturnsFalseWithoutReopening()
    {
        int opens = 0;
        var fake = new FakePowerMonitor { Answers = false };
        using var monitor = new LazyPowerMonitor(() =>
        {
            opens++;
            return fake;
        });

        bool first = monitor.TryRead(out _);
        fake.Answers = true;
        bool second = monitor.TryRead(out var reading);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first, Is.False);
            Assert.That(second, Is.True);
            Assert.That(reading, Is.EqualTo(Sample));
            Assert.That(opens, Is.EqualTo(1));
        }
    }

    [Test]
    public void Dispose_AfterOpening_DisposesTheDriverOnce()
    {
        var fake = new FakePowerMonitor();
        var monitor = new LazyPowerMonitor(() => fake);
        monitor.Read();

        monitor.Dispose();
        monitor.Dispose();

        Assert.That(fake.Disposals, Is.EqualTo(1));
    }

    [Test]
    public void Dispose_NeverOpened_DoesNotOpen()
    {
        int opens = 0;
        var monitor = new LazyPowerMonitor(() =>
        {
            opens++;
            return new FakePowerMonitor();
        });

        monitor.Dispose();

        Assert.That(opens, Is.Zero);
    }

    [Test]
    public void ReadAndTryRead_AfterDispose_ThrowObjectDisposedExceptionWithoutOpening()
    {
        int opens = 0;
        var monitor = new LazyPowerMonitor(() =>
        {
            opens++;
            return new FakePowerMonitor();
        });
        monitor.Dispose();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(() => monitor.Read(), Throws.TypeOf<ObjectDisposedException>());
            Assert.That(() => monitor.TryRead(out _), Throws.TypeOf<ObjectDisposedException>());
            Assert.That(opens, Is.Zero);
        }
    }

    [Test]
    public void TryRead_RealIna219DetachedAndReattached_FalseWithoutThrowingThenRecovers()
    {
        var rail = new ConstantEnvironment { BusVolts = 3.3, CurrentAmps = 0.25 };
        var bus = new SimI2cBus(1);
        var chip = new Ina219Model(0x40, 0.1, rail);
        bus.Attach(chip);
        using var monitor = new LazyPowerMonitor(() => new Ina219PowerMonitor(new Ina219(bus.CreateDevice(0x40)), 0.1, 3.0));
        bool before = monitor.TryRead(out _);

        bus.Detach(0x40);
        bool detached = monitor.TryRead(out var missing);
        bus.Attach(chip);
        bool reattached = monitor.TryRead(out var reading);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(before, Is.True);
            Assert.That(detached, Is.False);
            Assert.That(missing, Is.EqualTo(default(PowerReading)));
            Assert.That(reattached, Is.True);
            Assert.That(reading.BusVolts, Is.EqualTo(3.3).Within(1e-9));
            Assert.That(reading.CurrentAmps, Is.EqualTo(0.25).Within(1e-9));
        }
    }

    private sealed class FakePowerMonitor : IPowerMonitor, IDisposable
    {
        public bool Answers { get; set; } = true;

        public int Reads { get; private set; }

        public int Disposals { get; private set; }

        public PowerReading Read()
        {
            Reads++;
            return Answers ? Sample : throw new IOException("no ACK");
        }

        public bool TryRead(out PowerReading reading)
        {
            Reads++;
            reading = Answers ? Sample : default;
            return Answers;
        }

        public void Dispose() => Disposals++;
    }
}
