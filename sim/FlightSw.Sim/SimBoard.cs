using System.Device.Gpio;
using System.Device.I2c;
using FlightSw.Hal;
using FlightSw.Hal.Boards;
using FlightSw.Hal.Devices;
using FlightSw.Hal.Memory;
using FlightSw.Sim.Devices;
using FlightSw.Sim.Gpio;
using FlightSw.Sim.Time;

namespace FlightSw.Sim;

/// <summary>
/// The simulated board as one boot of the flight software sees it: <see cref="IBoard"/> over
/// the <see cref="SimHardware"/>. The chip drivers run unchanged against the register-level
/// models; the clock is the hardware's, scoped so that the boot's timers die with it.
/// </summary>
public sealed class SimBoard : IBoard
{
    private readonly SimHardware _hardware;
    private readonly BootScopedTimeProvider _time;
    private readonly LazyPowerMonitor _powerMonitor;
    private readonly LazyTemperatureSensor _temperatureSensor;
    private bool _disposed;

    internal SimBoard(SimHardware hardware, ResetCause cause, int bootNumber)
    {
        _hardware = hardware;
        BootNumber = bootNumber;
        _time = new BootScopedTimeProvider(hardware.Clock);
        GpioDriver = new SimGpioDriver(hardware.Definition.Gpio.PinCount);
        Gpio = new GpioController(GpioDriver);
        // Software of a boot that has ended can no longer pull the reset line of the next one.
        ResetController = new SimResetController(cause, (requested, reason) =>
        {
            if (!_disposed)
            {
                hardware.RequestReset(requested, reason);
            }
        });
        _powerMonitor = BoardSensors.CreatePowerMonitor(hardware.Definition.I2c.PowerMonitor, CreateI2cDevice);
        _temperatureSensor = BoardSensors.CreateTemperatureSensor(hardware.Definition.I2c.TemperatureSensor, CreateI2cDevice);
    }

    /// <summary>This boot's number, from 1.</summary>
    public int BootNumber { get; }

    /// <inheritdoc />
    public BoardDefinition Definition => _hardware.Definition;

    /// <inheritdoc />
    public TimeProvider Time => _time;

    /// <inheritdoc />
    public GpioController Gpio { get; }

    /// <summary>The GPIO driver under <see cref="Gpio"/>, for reading pins back.</summary>
    public SimGpioDriver GpioDriver { get; }

    /// <inheritdoc />
    public IWatchdog Watchdog => _hardware.Watchdog;

    /// <inheritdoc />
    public IPowerMonitor PowerMonitor => _powerMonitor;

    /// <inheritdoc />
    public ITemperatureSensor TemperatureSensor => _temperatureSensor;

    /// <inheritdoc />
    public IResetController ResetController { get; }

    /// <inheritdoc />
    public IPersistentStore PersistentStore => _hardware.Store;

    /// <inheritdoc />
    public MemoryMap Memory { get; } = new();

    /// <inheritdoc />
    public IWorkload Workload => Jobs;

    /// <summary>The boot's job count; the hardware's power model listens to it.</summary>
    public JobCounter Jobs { get; } = new();

    /// <inheritdoc />
    public I2cDevice CreateI2cDevice(I2cConnectionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!_hardware.I2cBuses.TryGetValue(settings.BusId, out var bus))
        {
            // What opening a missing /dev/i2c-N gives on Linux.
            throw new IOException($"I2C bus {settings.BusId} does not exist on board '{Definition.Name}' (it has bus {string.Join(", ", _hardware.I2cBuses.Keys)}).");
        }

        return bus.CreateDevice(settings.DeviceAddress);
    }

    /// <summary>Whether a functional interrupt has stopped the whole board.</summary>
    public bool IsFrozen => _time.IsFrozen;

    /// <summary>Stops the whole board (every timer of the boot) or one thread (the <paramref name="pick"/>-th live timer), as a functional interrupt does.</summary>
    /// <returns>Whether anything was running to stop (false on a board that is already hung).</returns>
    internal bool Interrupt(Environment.Radiation.FunctionalInterruptKind kind, int pick)
    {
        if (_disposed)
        {
            return false;
        }

        if (kind == Environment.Radiation.FunctionalInterruptKind.Board)
        {
            if (_time.IsFrozen)
            {
                return false; // already hung: nothing is left running to stop
            }

            _time.FreezeAll();
            return true;
        }

        return _time.FreezeOne(pick);
    }

    /// <summary>Ends the boot: its timers stop, its devices close, GPIO pins float again.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _time.EndBoot();
        _powerMonitor.Dispose();
        _temperatureSensor.Dispose();
        Gpio.Dispose();
    }
}
