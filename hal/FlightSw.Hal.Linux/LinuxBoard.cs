using System.Device.Gpio;
using System.Device.I2c;
using FlightSw.Hal.Boards;
using FlightSw.Hal.Devices;
using FlightSw.Hal.Memory;

namespace FlightSw.Hal.Linux;

/// <summary>
/// An embedded Linux board (Raspberry Pi, Jetson, BeagleBone) as one run of the flight software
/// sees it: GPIO through libgpiod, I2C through <c>/dev/i2c-N</c> with the same chip drivers as the
/// simulated board, the hardware watchdog (followed by systemd's), a directory of persistent
/// records and the reset evidence in them. Open it with <see cref="Open"/>.
/// </summary>
public sealed class LinuxBoard : IBoard
{
    private readonly LazyPowerMonitor _powerMonitor;
    private readonly LazyTemperatureSensor _temperatureSensor;
    private bool _disposed;

    private LinuxBoard(BoardDefinition definition, GpioController gpio, LinuxWatchdog watchdog, SystemdNotifier notifier, DirectoryPersistentStore store, LinuxResetController resets)
    {
        Definition = definition;
        Gpio = gpio;
        HardwareWatchdog = watchdog;
        Notifier = notifier;
        Watchdog = new NotifyingWatchdog(watchdog, notifier);
        PersistentStore = store;
        ResetController = resets;
        _powerMonitor = BoardSensors.CreatePowerMonitor(definition.I2c.PowerMonitor, CreateI2cDevice);
        _temperatureSensor = BoardSensors.CreateTemperatureSensor(definition.I2c.TemperatureSensor, CreateI2cDevice);
    }

    /// <inheritdoc />
    public BoardDefinition Definition { get; }

    /// <summary>The system clock.</summary>
    public TimeProvider Time => TimeProvider.System;

    /// <inheritdoc />
    public GpioController Gpio { get; }

    /// <summary>The hardware watchdog with systemd's watchdog told of every pet.</summary>
    public IWatchdog Watchdog { get; }

    /// <summary>The hardware watchdog alone.</summary>
    public LinuxWatchdog HardwareWatchdog { get; }

    /// <summary>systemd's notification socket (a no-op when not run by systemd).</summary>
    public SystemdNotifier Notifier { get; }

    /// <inheritdoc />
    public IPowerMonitor PowerMonitor => _powerMonitor;

    /// <inheritdoc />
    public ITemperatureSensor TemperatureSensor => _temperatureSensor;

    /// <summary>Why this run started, and resets through the host.</summary>
    public LinuxResetController ResetController { get; }

    /// <inheritdoc />
    IResetController IBoard.ResetController => ResetController;

    /// <inheritdoc />
    public IPersistentStore PersistentStore { get; }

    /// <inheritdoc />
    public MemoryMap Memory { get; } = new();

    /// <inheritdoc />
    public IWorkload Workload { get; } = new JobCounter();

    /// <summary>
    /// Opens the board of <paramref name="definition"/>: checks every device it needs first and
    /// reports all that are missing at once; then opens the store, GPIO and the watchdog's boot
    /// status, and works out why this run started (which marks the run as started).
    /// </summary>
    /// <exception cref="ArgumentException">The board is not a Linux board.</exception>
    /// <exception cref="LinuxBoardException">A device is missing or cannot be opened; the message names each and its remedy.</exception>
    public static LinuxBoard Open(BoardDefinition definition, LinuxBoardOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (definition.Backend != BoardBackend.Linux)
        {
            throw new ArgumentException($"Board '{definition.Name}' uses the {definition.Backend} backend, not Linux.", nameof(definition));
        }

        options ??= new LinuxBoardOptions();
        var paths = LinuxBoardPaths.Resolve(definition, options);
        var problems = LinuxDeviceCheck.Find(definition, paths);
        if (problems.Count > 0)
        {
            throw new LinuxBoardException(definition, problems);
        }

        var store = OpenStore(definition, paths);
        var gpio = OpenGpio(definition, paths, options);
        var watchdog = new LinuxWatchdog(paths.Watchdog, definition.Watchdog.Timeout);
        SystemdNotifier? notifier = null;
        try
        {
            var bootStatus = ReadBootStatus(definition, watchdog);
            notifier = SystemdNotifier.FromEnvironment(options.EnvironmentVariables, Environment.ProcessId);

            // Last: from here on this run counts as started.
            var resets = new LinuxResetController(store, paths.BootId, bootStatus, options.Host ?? new SystemLinuxHost());
            return new LinuxBoard(definition, gpio, watchdog, notifier, store, resets);
        }
        catch
        {
            notifier?.Dispose();
            watchdog.Dispose();
            gpio.Dispose();
            throw;
        }
    }

    /// <summary>Opens the device through <see cref="I2cDevice.Create"/> (<c>/dev/i2c-N</c>); the caller owns it.</summary>
    /// <exception cref="IOException">The bus does not exist or cannot be opened.</exception>
    public I2cDevice CreateI2cDevice(I2cConnectionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ObjectDisposedException.ThrowIf(_disposed, this);
        return I2cDevice.Create(settings);
    }

    /// <summary>
    /// Ends the run: closes the sensors, GPIO and the watchdog. The watchdog is closed without the
    /// magic close, so an armed one stays armed; an orderly stop disarms it first with
    /// <see cref="IWatchdog.Stop"/>.
    /// </summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _powerMonitor.Dispose();
        _temperatureSensor.Dispose();
        Gpio.Dispose();
        HardwareWatchdog.Dispose();
        Notifier.Dispose();
    }

    private static GpioController OpenGpio(BoardDefinition definition, LinuxBoardPaths paths, LinuxBoardOptions options)
    {
        try
        {
            return new GpioController((options.OpenGpioDriver ?? LinuxGpio.OpenDriver)(definition.Gpio.Chip));
        }
        catch (IOException ex)
        {
            throw Problem(definition, paths.GpioChip, $"GPIO chip {definition.Gpio.Chip}", ex, DeviceRemedies.GpioDriverMissing);
        }
    }

    private static WatchdogStatusFlags? ReadBootStatus(BoardDefinition definition, LinuxWatchdog watchdog)
    {
        try
        {
            return watchdog.ReadBootStatus();
        }
        catch (IOException ex)
        {
            throw Problem(definition, watchdog.DevicePath, "hardware watchdog", ex, DeviceRemedies.WatchdogDenied + " " + DeviceRemedies.WatchdogBusy);
        }
    }

    private static DirectoryPersistentStore OpenStore(BoardDefinition definition, LinuxBoardPaths paths)
    {
        try
        {
            return new DirectoryPersistentStore(paths.Storage);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Problem(definition, paths.Storage, "persistent store", ex, DeviceRemedies.Storage(paths.Storage));
        }
    }

    private static LinuxBoardException Problem(BoardDefinition definition, string device, string role, Exception ex, string remedy) =>
        new(definition, [new DeviceProblem(device, role, $"cannot be opened: {ex.Message}", remedy)]);
}
