using FlightSw.Hal;
using FlightSw.Hal.Boards;
using FlightSw.Sim.Buses;
using FlightSw.Sim.Chips;
using FlightSw.Sim.Devices;
using FlightSw.Sim.Environment;
using FlightSw.Sim.Faults;
using FlightSw.Sim.Gpio;
using FlightSw.Sim.Time;

namespace FlightSw.Sim;

/// <summary>
/// The simulated board as hardware: a virtual clock, the I2C buses with their register-level
/// chip models, GPIO, a hardware watchdog, non-volatile storage and the environment the sensors
/// see. It outlives the software: on every power-on and reset it hands a fresh
/// <see cref="SimBoard"/> to whoever boots the flight software (<see cref="Booted"/>), and on a
/// reset it ends that boot (<see cref="BootEnded"/>), killing its timers and volatile state.
/// Everything random comes from the seed, so a seed fixes the run: the hardware's own choices
/// from one generator (<see cref="Random"/>), the radiation (<see cref="Upsets"/>) from a second
/// seed derived from it, so that switching radiation on leaves every other draw as it was.
/// </summary>
public sealed class SimHardware : IDisposable
{
    /// <summary>Stream number of the radiation's seed (see <see cref="DeriveSeed"/>); changing it changes every seeded radiation run.</summary>
    private const ulong UpsetSeedStream = 1;

    private readonly SimHardwareOptions _options;
    private readonly List<ResetRecord> _resets = [];
    private readonly SensorNoise? _noise;
    private Dictionary<int, SimI2cBus> _buses = [];
    private ResetCause? _pendingReset;
    private ITimer? _pendingBoot;
    private bool _disposed;

    /// <summary>Builds the hardware of <paramref name="definition"/>; nothing runs until <see cref="PowerOn"/>.</summary>
    /// <param name="definition">The board file to simulate (any backend's layout can be simulated).</param>
    /// <param name="seed">Seed of every random choice in the run.</param>
    /// <param name="options">Hardware settings; defaults when null.</param>
    /// <param name="clock">The clock to run on; a new one at the default epoch when null.</param>
    public SimHardware(BoardDefinition definition, int seed, SimHardwareOptions? options = null, VirtualClock? clock = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        Definition = definition;
        Seed = seed;
        _options = options ?? new SimHardwareOptions();
        Clock = clock ?? new VirtualClock();
        Random = new Random(seed);
        Environment = new ConstantEnvironment();
        if (_options.SensorNoise)
        {
            _noise = new SensorNoise(Environment, Environment, Random);
        }

        Store = new SimPersistentStore();
        Watchdog = new SimWatchdog(Clock, definition.Watchdog.Timeout, () => RequestReset(ResetCause.Watchdog, "watchdog expired"));
        Upsets = new UpsetInjector(Clock, _options.Upsets, DeriveSeed(seed, UpsetSeedStream), () => Board?.Memory, () => Board?.BootNumber ?? 0);
        BuildChips();
        Upsets.Start(); // at rate 0 (the default) it schedules nothing
    }

    /// <summary>Raised when a boot's software may start, with the boot's board.</summary>
    public event Action<SimBoard>? Booted;

    /// <summary>Raised when a reset ends a boot, before the board's timers die.</summary>
    public event Action<SimBoard, ResetRecord>? BootEnded;

    /// <summary>The board file being simulated.</summary>
    public BoardDefinition Definition { get; }

    /// <summary>The run's seed.</summary>
    public int Seed { get; }

    /// <summary>The hardware clock; the software sees it through each boot's scoped view.</summary>
    public VirtualClock Clock { get; }

    /// <summary>The run's random generator; every random choice of the simulation draws from it.</summary>
    public Random Random { get; }

    /// <summary>The supply and temperature the sensors measure; tests and the environment model set them.</summary>
    public ConstantEnvironment Environment { get; }

    /// <summary>The hardware watchdog.</summary>
    public SimWatchdog Watchdog { get; }

    /// <summary>
    /// The radiation: upsets in the memory the current boot registered in
    /// <see cref="SimBoard.Memory"/>, at the rate of <see cref="SimHardwareOptions.Upsets"/>
    /// (off by default). It runs across boots; nothing is hit while the board is off or booting.
    /// </summary>
    public UpsetInjector Upsets { get; }

    /// <summary>Non-volatile storage, surviving every reset.</summary>
    public SimPersistentStore Store { get; }

    /// <summary>The I2C buses, by number.</summary>
    public IReadOnlyDictionary<int, SimI2cBus> I2cBuses => _buses;

    /// <summary>The GPIO of the current boot (pins return to inputs at every reset); null while off.</summary>
    public SimGpioDriver? Gpio => Board?.GpioDriver;

    /// <summary>The current boot's board; null while powered off or booting.</summary>
    public SimBoard? Board { get; private set; }

    /// <summary>Whether the board has power.</summary>
    public bool IsPoweredOn { get; private set; }

    /// <summary>Boots started since the simulation began.</summary>
    public int Boots { get; private set; }

    /// <summary>Every reset so far, in order.</summary>
    public IReadOnlyList<ResetRecord> Resets => _resets;

    /// <summary>Applies power: the first boot starts after the boot delay, with reset cause power-on.</summary>
    public void PowerOn()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (IsPoweredOn)
        {
            return;
        }

        IsPoweredOn = true;
        ScheduleBoot(ResetCause.PowerOn);
    }

    /// <summary>
    /// Resets the board as <paramref name="cause"/> would, right after the current callback
    /// returns (a reset asked for from inside the software does not tear it down mid-call).
    /// A second request before the first is carried out is ignored, as the line is already low.
    /// A reset during the boot delay starts the boot over.
    /// </summary>
    public void RequestReset(ResetCause cause, string reason)
    {
        if (_pendingReset is not null || !IsPoweredOn)
        {
            return;
        }

        _pendingReset = cause;
        AfterCurrentCallback(TimeSpan.Zero, () => CarryOutReset(cause, reason));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        Board?.Dispose();
        Board = null;
        Watchdog.Disarm();
        Upsets.Dispose();
    }

    /// <summary>
    /// A seed for a separate random stream, mixed from the run's seed with the SplitMix64
    /// finaliser (integer operations only, so the same on every processor).
    /// </summary>
    private static int DeriveSeed(int seed, ulong stream)
    {
        unchecked
        {
            ulong z = ((ulong)seed << 32) ^ (stream * 0x9E3779B97F4A7C15UL);
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return (int)(z ^ (z >> 31));
        }
    }

    private void CarryOutReset(ResetCause cause, string reason)
    {
        _pendingReset = null;
        _pendingBoot?.Dispose(); // a boot still under way is cut short and starts over below
        _pendingBoot = null;
        var record = new ResetRecord(Clock.Elapsed, cause, reason, Boots);
        _resets.Add(record);
        Watchdog.Disarm();
        if (Board is { } ended)
        {
            BootEnded?.Invoke(ended, record);
            ended.Dispose();
            Board = null;
        }

        if (cause is ResetCause.CommandedPowerCycle or ResetCause.Brownout)
        {
            BuildChips(); // power went away: every chip is back at its power-on state
        }

        ScheduleBoot(cause);
    }

    private void ScheduleBoot(ResetCause cause)
    {
        var jitter = _options.BootJitter * ((2 * Random.NextDouble()) - 1);
        var delay = _options.BootDelay + jitter;
        _pendingBoot = AfterCurrentCallback(
            delay < TimeSpan.Zero ? TimeSpan.Zero : delay,
            () =>
            {
                _pendingBoot = null;
                Boot(cause);
            });
    }

    /// <summary>Runs <paramref name="action"/> once on the hardware clock after <paramref name="delay"/> (zero: right after the running callback).</summary>
    private ITimer AfterCurrentCallback(TimeSpan delay, Action action)
    {
        ITimer? timer = null;
        timer = Clock.CreateTimer(
            _ =>
            {
                timer!.Dispose();
                action();
            },
            null,
            delay,
            Timeout.InfiniteTimeSpan);
        return timer;
    }

    private void Boot(ResetCause cause)
    {
        if (_disposed || !IsPoweredOn)
        {
            return;
        }

        Boots++;
        Board = new SimBoard(this, cause, Boots);
        Booted?.Invoke(Board);
    }

    private void BuildChips()
    {
        ISupplyRail supply = (ISupplyRail?)_noise ?? Environment;
        IThermalState thermal = (IThermalState?)_noise ?? Environment;
        var buses = Definition.I2c.Buses.ToDictionary(id => id, id => new SimI2cBus(id));
        var monitor = Definition.I2c.PowerMonitor;
        buses[monitor.Bus].Attach(new Ina219Model(monitor.Address, monitor.ShuntOhms, supply));
        var sensor = Definition.I2c.TemperatureSensor;
        buses[sensor.Bus].Attach(new Tmp102Model(sensor.Address, thermal));
        _buses = buses;
    }
}
