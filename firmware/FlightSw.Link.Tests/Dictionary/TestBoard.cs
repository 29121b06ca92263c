using System.Device.Gpio;
using System.Device.I2c;
using FlightSw.Hal;
using FlightSw.Hal.Boards;
using FlightSw.Hal.Memory;

namespace FlightSw.Link.Tests.Dictionary;

/// <summary>
/// A board with only a clock, enough to compose a <c>FlightApplication</c> whose declarations a
/// dictionary is built from (the application is never started, so no device is touched).
/// </summary>
internal sealed class TestBoard : IBoard
{
    public BoardDefinition Definition => throw new NotSupportedException("The dictionary test board has no board file.");

    public TimeProvider Time { get; } = new FixedClock();

    public GpioController Gpio => throw new NotSupportedException();

    public IWatchdog Watchdog => throw new NotSupportedException();

    public IPowerMonitor PowerMonitor => throw new NotSupportedException();

    public ITemperatureSensor TemperatureSensor => throw new NotSupportedException();

    public IResetController ResetController => throw new NotSupportedException();

    public IPersistentStore PersistentStore => throw new NotSupportedException();

    public MemoryMap Memory => throw new NotSupportedException();

    public IWorkload Workload => throw new NotSupportedException();

    public I2cDevice CreateI2cDevice(I2cConnectionSettings settings) => throw new NotSupportedException();

    public void Dispose()
    {
    }

    private sealed class FixedClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
    }
}
