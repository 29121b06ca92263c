using System.Device.Gpio;
using System.Device.I2c;
using FlightSw.Hal.Boards;
using FlightSw.Hal.Devices;
using FlightSw.Hal.Memory;
using Meadow;
using Meadow.Hardware;

namespace FlightSw.Hal.Meadow;

/// <summary>
/// A Wilderness Labs Meadow F7 as one boot of the flight software sees it: <see cref="IBoard"/>
/// over the Meadow device's own IO. GPIO and I2C go through the device's ports and buses behind
/// the System.Device types, so the same INA219 and TMP102 drivers run here as in the simulator;
/// the watchdog is the STM32 IWDG; records are files in Meadow's data directory.
/// </summary>
/// <remarks>
/// Built and reviewed without the Meadow SDK: it was never compiled against the real packages
/// nor run on a board. See README.md beside this file for what to check first.
/// </remarks>
public sealed class MeadowBoard : IBoard
{
    private readonly IMeadowDevice _device;
    private readonly Dictionary<int, II2cBus> _i2cBuses = new();
    private readonly object _busGate = new();
    private readonly LazyPowerMonitor _powerMonitor;
    private readonly LazyTemperatureSensor _temperatureSensor;
    private bool _disposed;

    /// <summary>The board on the system clock; see <see cref="MeadowBoard(BoardDefinition, IMeadowDevice, TimeProvider)"/>.</summary>
    public MeadowBoard(BoardDefinition definition, IMeadowDevice device)
        : this(definition, device, TimeProvider.System)
    {
    }

    /// <summary>
    /// Builds the board from its board file and the running Meadow device (the app's
    /// <c>Device</c>). Reads the reset cause and recovers the record store now; opens the sensors
    /// on first use.
    /// </summary>
    /// <param name="definition">A board file whose backend is <c>meadow</c>.</param>
    /// <param name="device">The Meadow device the app runs on.</param>
    /// <param name="time">The clock flight code reads.</param>
    /// <exception cref="ArgumentException"><paramref name="definition"/> is not a Meadow board.</exception>
    /// <exception cref="InvalidOperationException">The store path is not under Meadow's data directory.</exception>
    public MeadowBoard(BoardDefinition definition, IMeadowDevice device, TimeProvider time)
    {
        Definition = definition ?? throw new ArgumentNullException(nameof(definition));
        _device = device ?? throw new ArgumentNullException(nameof(device));
        Time = time ?? throw new ArgumentNullException(nameof(time));
        if (definition.Backend != BoardBackend.Meadow)
        {
            throw new ArgumentException($"Board '{definition.Name}' has backend {definition.Backend}; MeadowBoard drives only meadow boards.", nameof(definition));
        }

        Gpio = new GpioController(new MeadowGpioDriver(device, definition.Gpio.PinCount));
        Watchdog = new MeadowWatchdog(device, definition.Watchdog.Timeout);
        PersistentStore = new MeadowFileStore(StoreDirectory(definition.Storage));
        ResetController = new MeadowResetController(device, PersistentStore, time);
        _powerMonitor = BoardSensors.CreatePowerMonitor(definition.I2c.PowerMonitor, CreateI2cDevice);
        _temperatureSensor = BoardSensors.CreateTemperatureSensor(definition.I2c.TemperatureSensor, CreateI2cDevice);
    }

    /// <inheritdoc />
    public BoardDefinition Definition { get; }

    /// <inheritdoc />
    public TimeProvider Time { get; }

    /// <inheritdoc />
    public GpioController Gpio { get; }

    /// <inheritdoc />
    public IWatchdog Watchdog { get; }

    /// <inheritdoc />
    public IPowerMonitor PowerMonitor => _powerMonitor;

    /// <inheritdoc />
    public ITemperatureSensor TemperatureSensor => _temperatureSensor;

    /// <inheritdoc />
    public IResetController ResetController { get; }

    /// <inheritdoc />
    public IPersistentStore PersistentStore { get; }

    /// <inheritdoc />
    public MemoryMap Memory { get; } = new();

    /// <inheritdoc />
    public IWorkload Workload { get; } = new JobCounter();

    /// <inheritdoc />
    /// <remarks>Bus numbers are the STM32 I2C peripherals (I2C1 = 1, on the Feather's D07/D08 pins).</remarks>
    public I2cDevice CreateI2cDevice(I2cConnectionSettings settings)
    {
        if (settings is null)
        {
            throw new ArgumentNullException(nameof(settings));
        }

        if (!Definition.I2c.Buses.Contains(settings.BusId))
        {
            // What opening a missing /dev/i2c-N gives on Linux.
            throw new IOException($"I2C bus {settings.BusId} is not in board '{Definition.Name}' (it has bus {string.Join(", ", Definition.I2c.Buses)}).");
        }

        return new MeadowI2cDevice(BusOf(settings.BusId), settings);
    }

    /// <summary>Ends the boot: closes the sensors, GPIO ports and I2C buses. The watchdog stays armed (the IWDG cannot be stopped).</summary>
    public void Dispose()
    {
        lock (_busGate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        _powerMonitor.Dispose();
        _temperatureSensor.Dispose();
        Gpio.Dispose();
        foreach (var bus in _i2cBuses.Values)
        {
            // Whether II2cBus is IDisposable differs between Meadow.Contracts versions.
            (bus as IDisposable)?.Dispose();
        }
    }

    /// <summary>One Meadow bus per peripheral for the whole boot: Meadow reserves the pins when a bus is created.</summary>
    private II2cBus BusOf(int busNumber)
    {
        lock (_busGate)
        {
            if (_disposed)
            {
                throw new ObjectDisposedException(nameof(MeadowBoard));
            }

            if (!_i2cBuses.TryGetValue(busNumber, out var bus))
            {
                // Standard mode (100 kHz): both INA219 and TMP102 take it, and it forgives long wires on a bench.
                bus = _device.CreateI2cBus(busNumber, I2cBusSpeed.Standard);
                _i2cBuses.Add(busNumber, bus);
            }

            return bus;
        }
    }

    /// <summary>
    /// The board file's storage path, which must lie under Meadow's data directory: the folder
    /// Meadow keeps when a new app is deployed (other folders, such as the app's own, are replaced).
    /// </summary>
    private static string StoreDirectory(StorageSettings storage)
    {
        // Check on the board: MeadowOS.FileSystem.DataDirectory is /meadow0/Data on an F7 as far as we know.
        string dataDirectory = MeadowOS.FileSystem.DataDirectory.TrimEnd('/');
        string storePath = storage.Path.TrimEnd('/');
        if (!storePath.StartsWith(dataDirectory + "/", StringComparison.Ordinal))
        {
            throw new InvalidOperationException(
                $"storage.path '{storage.Path}' is not under Meadow's data directory '{dataDirectory}', so a redeploy could erase the records. Put it under the data directory in the board file.");
        }

        return storePath;
    }
}
