using FlightSw.Hal;
using FlightSw.Hal.Boards;
using FlightSw.Sim.Buses;
using FlightSw.Sim.Chips;
using FlightSw.Sim.Devices;
using FlightSw.Sim.Environment;
using FlightSw.Sim.Environment.Power;
using FlightSw.Sim.Environment.Radiation;
using FlightSw.Sim.Faults;
using FlightSw.Sim.Gpio;
using FlightSw.Sim.Scenarios;
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
/// With a <see cref="SimHardwareOptions.Scenario"/> the board flies: its supply is the orbit's
/// <see cref="Power"/> system (brownouts cut the power, recovery restores it), and the
/// <see cref="Radiation"/> environment drives upsets, latch-ups and functional interrupts.
/// </summary>
public sealed class SimHardware : IDisposable
{
    /// <summary>Stream number of the radiation's seed (see <see cref="DeriveSeed"/>); changing it changes every seeded radiation run.</summary>
    private const ulong UpsetSeedStream = 1;

    /// <summary>Stream number of the latch-up and functional-interrupt draws' seed.</summary>
    private const ulong RadiationSeedStream = 2;

    /// <summary>Stream number of the store's tear points.</summary>
    private const ulong StoreSeedStream = 3;

    private readonly SimHardwareOptions _options;
    private readonly List<ResetRecord> _resets = [];
    private readonly List<LatchUp> _latchUps = [];
    private readonly List<FunctionalInterrupt> _interrupts = [];
    private readonly List<EnvironmentRecord> _log = [];
    private readonly List<ITimer> _scripted = [];
    private readonly ISupplyRail _supply;
    private readonly IThermalState _thermal;
    private Dictionary<int, SimI2cBus> _buses = [];
    private ResetCause? _pendingReset;
    private ITimer? _pendingResetTimer;
    private ITimer? _pendingBoot;
    private bool _switchedOn;
    private bool _everConnected;
    private double _latchAmps;
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
        Scenario = _options.Scenario;
        var upsetOptions = Scenario is { Radiation: var radiation }
            ? _options.Upsets with { RatePerBitPerDay = radiation.UpsetRatePerBitPerDay, MultiBitFraction = radiation.MultiBitFraction }
            : _options.Upsets;

        Store = new SimPersistentStore(new Random(DeriveSeed(seed, StoreSeedStream)));
        Store.WriteTorn += OnWriteTorn;
        Watchdog = new SimWatchdog(Clock, definition.Watchdog.Timeout, () => RequestReset(ResetCause.Watchdog, "watchdog expired"));
        Upsets = new UpsetInjector(Clock, upsetOptions, DeriveSeed(seed, UpsetSeedStream), () => Board?.Memory, () => Board?.BootNumber ?? 0);

        if (Scenario is { } scenario)
        {
            Power = new PowerSystem(Clock, scenario.Orbit, scenario.Array, scenario.Battery, scenario.Loads, scenario.Thermal);
            Power.Brownout += OnBrownout;
            Power.Recovered += OnSupplyRecovered;
            Radiation = new RadiationEnvironment(
                Clock,
                scenario.Orbit,
                scenario.Radiation,
                scenario.Events.Where(e => e.Solar is not null).Select(e => e.Solar!),
                Upsets,
                DeriveSeed(seed, RadiationSeedStream));
            Radiation.SaaChanged += inside => Log(inside ? EnvironmentRecordKind.SaaEntered : EnvironmentRecordKind.SaaLeft, $"rate factor {Radiation.Multiplier:0.##}");
            Radiation.SolarEventStarted += e => Log(EnvironmentRecordKind.SolarEventStarted, $"peak x{e.PeakMultiplier} after {e.RiseTime}, decay {e.DecayTime}");
            Radiation.LatchUpDue += amps => TriggerLatchUp(amps, source: "random");
            Radiation.FunctionalInterruptDue += kind => TriggerFunctionalInterrupt(kind, "random");
            Radiation.Updated += ApplyLeakage;
            _supply = Power;
            _thermal = Power;
        }
        else
        {
            _supply = new SupplyWithExtraCurrent(Environment, () => _latchAmps);
            _thermal = Environment;
        }

        if (_options.SensorNoise)
        {
            var noise = new SensorNoise(_supply, _thermal, Random);
            _supply = noise;
            _thermal = noise;
        }

        BuildChips();
        Upsets.Start(); // at rate 0 (the default) it schedules nothing
        Radiation?.Start();
        ScheduleScriptedEvents();
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

    /// <summary>
    /// The supply and temperature the sensors measure when no <see cref="Scenario"/> is set;
    /// tests set them. With a scenario the <see cref="Power"/> system supplies both instead.
    /// </summary>
    public ConstantEnvironment Environment { get; }

    /// <summary>The scenario the board flies; null for the constant environment.</summary>
    public Scenario? Scenario { get; }

    /// <summary>The orbit's solar array, battery and loads, and the board temperature; null without a scenario.</summary>
    public PowerSystem? Power { get; }

    /// <summary>The orbit's radiation (SAA, solar events, dose, latch-up and interrupt draws); null without a scenario.</summary>
    public RadiationEnvironment? Radiation { get; }

    /// <summary>Every latch-up so far, in order, with how it ended.</summary>
    public IReadOnlyList<LatchUp> LatchUps => _latchUps;

    /// <summary>Every functional interrupt so far, in order, with how it ended.</summary>
    public IReadOnlyList<FunctionalInterrupt> FunctionalInterrupts => _interrupts;

    /// <summary>What the environment did, with times: SAA passes, solar events, latch-ups, interrupts, brownouts, burn-out.</summary>
    public IReadOnlyList<EnvironmentRecord> EnvironmentLog => _log;

    /// <summary>Whether a latch-up outlived its deadline: the board is dead for the rest of the run.</summary>
    public bool IsDamaged => DamageReason is not null;

    /// <summary>Why the board is dead; null while it is not.</summary>
    public string? DamageReason { get; private set; }

    /// <summary>How long a latch-up may last before it burns the board out: the scenario's, else <see cref="RadiationSpec"/>'s default.</summary>
    public TimeSpan LatchUpDeadline => (Scenario?.Radiation ?? DefaultRadiation).LatchUpDeadline;

    /// <summary>The hardware watchdog.</summary>
    public SimWatchdog Watchdog { get; }

    /// <summary>
    /// The radiation: upsets in the memory the current boot registered in
    /// <see cref="SimBoard.Memory"/>, at the rate of <see cref="SimHardwareOptions.Upsets"/>
    /// (off by default). It runs across boots; nothing is hit while the board is off or booting.
    /// </summary>
    public UpsetInjector Upsets { get; }

    /// <summary>
    /// Cuts the power in the middle of the board's next write to its storage: the write is torn
    /// after <paramref name="keepBytes"/> bytes (a random point when null), the boot ends, and
    /// power returns after <see cref="SimHardwareOptions.PowerLossOffTime"/> with reset cause
    /// power-on. Returns at once; the loss happens at the next write.
    /// </summary>
    public void InjectPowerLossDuringWrite(int? keepBytes = null) => Store.ArmPowerLoss(keepBytes);

    /// <summary>
    /// The flight software crashed (an error escaped it): its supervisor restarts it, as systemd
    /// does on Linux, after the boot delay, with reset cause <see cref="ResetCause.Crash"/>. Power stays on.
    /// </summary>
    public void ReportCrash(string error)
    {
        Crashes++;
        RequestReset(ResetCause.Crash, error);
    }

    /// <summary>How many times the flight software crashed and was restarted.</summary>
    public int Crashes { get; private set; }

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
    /// <remarks>With a power system the board gets power only while the battery is above its cut-off; otherwise it waits for the supply to recover.</remarks>
    public void PowerOn()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_switchedOn)
        {
            return;
        }

        _switchedOn = true;
        if (Power is { } power && power.Battery.OpenCircuitVolts < Scenario!.Battery.PowerOnVolts)
        {
            Log(EnvironmentRecordKind.Skipped, $"power-on waits: battery at {power.Battery.OpenCircuitVolts:0.00} V, below the supply's power-on {Scenario.Battery.PowerOnVolts} V");
            return;
        }

        Connect(ResetCause.PowerOn);
    }

    /// <summary>
    /// A single-event latch-up now: the board draws <paramref name="stepAmps"/> more until power
    /// is removed, and burns out if that has not happened within <paramref name="deadline"/>
    /// (<see cref="LatchUpDeadline"/> when null). Nothing happens, and the log says so, while the
    /// board has no power.
    /// </summary>
    /// <returns>The latch-up, or null when the board had no power.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="stepAmps"/> is not a positive number, or <paramref name="deadline"/> is not positive.</exception>
    public LatchUp? TriggerLatchUp(double stepAmps, TimeSpan? deadline = null, string source = "test")
    {
        if (!double.IsFinite(stepAmps) || stepAmps <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(stepAmps), stepAmps, "A latch-up's current step must be a positive number of amperes.");
        }

        var allowed = deadline ?? LatchUpDeadline;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(allowed, TimeSpan.Zero, nameof(deadline));
        if (!IsPoweredOn || IsDamaged)
        {
            Log(EnvironmentRecordKind.Skipped, $"{source} latch-up of {stepAmps} A: the board has no power");
            return null;
        }

        var now = Clock.Elapsed;
        var latchUp = new LatchUp(now, Boots, stepAmps, now + allowed, source);
        _latchUps.Add(latchUp);
        ApplyLatchCurrent();
        Log(EnvironmentRecordKind.LatchUp, $"{source}: +{stepAmps} A, burns out at {latchUp.Deadline} unless power-cycled");
        AfterCurrentCallback(allowed, () => BurnOutIfStillLatched(latchUp));
        return latchUp;
    }

    /// <summary>
    /// A single-event functional interrupt now: the whole board, or one thread of the running
    /// software, stops until the next reset. Nothing happens, and the log says so, while no
    /// software runs.
    /// </summary>
    /// <returns>The interrupt, or null when no software was running (or no thread was left to stop).</returns>
    public FunctionalInterrupt? TriggerFunctionalInterrupt(FunctionalInterruptKind kind, string source = "test")
    {
        if (Board is not { } board || !board.Interrupt(kind, _interrupts.Count))
        {
            Log(EnvironmentRecordKind.Skipped, $"{source} functional interrupt ({kind}): no software running");
            return null;
        }

        var interrupt = new FunctionalInterrupt(Clock.Elapsed, Boots, kind, source);
        _interrupts.Add(interrupt);
        Log(EnvironmentRecordKind.FunctionalInterrupt, $"{source}: {(kind == FunctionalInterruptKind.Board ? "the board stops answering" : "a thread hangs")}");
        return interrupt;
    }

    /// <summary>
    /// Resets the board as <paramref name="cause"/> would, right after the current callback
    /// returns (a reset asked for from inside the software does not tear it down mid-call).
    /// A second request before the first is carried out is ignored, as the line is already low.
    /// A reset during the boot delay starts the boot over.
    /// </summary>
    public void RequestReset(ResetCause cause, string reason)
    {
        if (!IsPoweredOn || _pendingReset is { } pending && !(cause == ResetCause.CommandedPowerCycle && pending != ResetCause.CommandedPowerCycle))
        {
            return;
        }

        // A power cycle outranks a warm or watchdog reset pending in the same instant: only it removes power (and clears a latch-up).
        _pendingResetTimer?.Dispose();
        _pendingReset = cause;
        _pendingResetTimer = AfterCurrentCallback(TimeSpan.Zero, () => CarryOutReset(cause, reason));
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
        Radiation?.Dispose();
        Power?.Dispose();
        foreach (var timer in _scripted)
        {
            timer.Dispose();
        }
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

    private static readonly RadiationSpec DefaultRadiation = new();

    private void CarryOutReset(ResetCause cause, string reason)
    {
        if (_disposed)
        {
            return; // the timer outlived the hardware: nothing is left to reset
        }

        _pendingReset = null;
        _pendingResetTimer = null;
        _pendingBoot?.Dispose(); // a boot still under way is cut short and starts over below
        _pendingBoot = null;
        EndBoot(new ResetRecord(Clock.Elapsed, cause, reason, Boots));
        if (cause is ResetCause.CommandedPowerCycle or ResetCause.Brownout)
        {
            ClearLatchUps("power cycle");
            BuildChips(); // power went away: every chip is back at its power-on state
        }

        ScheduleBoot(cause);
    }

    /// <summary>Records the reset and ends the running boot, if any: its software stops, its jobs end.</summary>
    private void EndBoot(ResetRecord record)
    {
        _resets.Add(record);
        Watchdog.Disarm();
        foreach (var interrupt in _interrupts.Where(i => i.EndedAt is null))
        {
            interrupt.EndedAt = record.At;
            interrupt.EndedBy = record.Cause.ToString();
        }

        if (Board is { } ended)
        {
            BootEnded?.Invoke(ended, record);
            ended.Dispose();
            Board = null;
        }

        if (Power is { } power)
        {
            power.RunningJobs = 0;
        }
    }

    /// <summary>The supply connects the board: it boots after the boot delay, reporting <paramref name="cause"/>.</summary>
    private void Connect(ResetCause cause)
    {
        IsPoweredOn = true;
        Store.PowerUp();
        _everConnected = true;
        if (Power is { } power)
        {
            power.BoardPowered = true;
        }

        ScheduleBoot(cause);
    }

    /// <summary>
    /// Power goes away: the boot (or the boot under way) ends as at a reset, but nothing boots
    /// until power returns. A brownout is recorded as such; a burn-out as cause Unknown, since
    /// no boot ever reads it.
    /// </summary>
    private void Disconnect(ResetCause cause, string reason)
    {
        _pendingResetTimer?.Dispose();
        _pendingResetTimer = null;
        _pendingReset = null;
        _pendingBoot?.Dispose();
        _pendingBoot = null;
        IsPoweredOn = false;
        Store.PowerDown();
        EndBoot(new ResetRecord(Clock.Elapsed, cause, reason, Boots));
        ClearLatchUps(cause switch
        {
            ResetCause.Brownout => "brownout",
            ResetCause.PowerOn => "power loss",
            _ => "burn-out",
        });
        if (Power is { } power)
        {
            power.BoardPowered = false;
        }
    }

    private void OnBrownout()
    {
        if (!IsPoweredOn)
        {
            return;
        }

        string reason = FormattableString.Invariant($"battery at cut-off ({Scenario!.Battery.CutoffVolts} V open-circuit, {Power!.Battery.StateOfCharge:P1} charge)");
        Log(EnvironmentRecordKind.Brownout, $"{reason}");
        Disconnect(ResetCause.Brownout, reason);
    }

    private void OnSupplyRecovered()
    {
        if (IsPoweredOn || !_switchedOn || IsDamaged)
        {
            return;
        }

        Log(EnvironmentRecordKind.PowerRestored, $"battery back at {Scenario!.Battery.PowerOnVolts} V open-circuit ({Power!.Battery.StateOfCharge:P1} charge)");
        BuildChips(); // the chips lost power with the board
        // A power-on that waited for the battery is still the board's first power-on.
        Connect(_everConnected ? ResetCause.Brownout : ResetCause.PowerOn);
    }

    /// <summary>
    /// A write was torn by an injected power loss: the store has already stopped taking writes;
    /// the board goes dark right after the running software's callback, and power returns after
    /// the off time (or, flying a scenario, when the battery allows).
    /// </summary>
    private void OnWriteTorn(TornWrite torn)
    {
        string reason = FormattableString.Invariant($"power lost during write {torn.WriteNumber} of {torn.Key} ({torn.KeptBytes} of {torn.NewLength} bytes written)");
        Log(EnvironmentRecordKind.PowerLost, $"{reason}");
        AfterCurrentCallback(TimeSpan.Zero, () =>
        {
            if (!IsPoweredOn || _disposed)
            {
                Store.PowerUp(); // nothing left to cut: the board was already off
                return;
            }

            Disconnect(ResetCause.PowerOn, reason);
            AfterCurrentCallback(_options.PowerLossOffTime, RestorePowerAfterLoss);
        });
    }

    private void RestorePowerAfterLoss()
    {
        if (IsPoweredOn || _disposed || IsDamaged)
        {
            return;
        }

        if (Power is { } power && power.Battery.OpenCircuitVolts < Scenario!.Battery.PowerOnVolts)
        {
            return; // the supply's own recovery brings the board back
        }

        Log(EnvironmentRecordKind.PowerRestored, $"power back after an injected loss");
        BuildChips();
        Connect(ResetCause.PowerOn);
    }

    private void BurnOutIfStillLatched(LatchUp latchUp)
    {
        if (!latchUp.IsActive || _disposed)
        {
            return;
        }

        latchUp.BurnedOut = true;
        DamageReason = FormattableString.Invariant($"latch-up of {latchUp.StepAmps} A at {latchUp.Onset} was not power-cycled within {latchUp.Deadline - latchUp.Onset}: burned out at {latchUp.Deadline}");
        Log(EnvironmentRecordKind.BurnOut, $"{DamageReason}");
        Disconnect(ResetCause.Unknown, DamageReason);
    }

    private void ClearLatchUps(string clearedBy)
    {
        var now = Clock.Elapsed;
        foreach (var latchUp in _latchUps.Where(l => l.IsActive))
        {
            latchUp.ClearedAt = now;
            latchUp.ClearedBy = clearedBy;
            Log(EnvironmentRecordKind.LatchUpCleared, $"{clearedBy} {now - latchUp.Onset} after onset, {latchUp.Deadline - now} before burn-out");
        }

        ApplyLatchCurrent();
    }

    private void ApplyLatchCurrent()
    {
        _latchAmps = _latchUps.Where(l => l.IsActive).Sum(l => l.StepAmps);
        if (Power is { } power)
        {
            power.ExtraAmps = _latchAmps;
        }
    }

    /// <summary>Leakage grows with the dose; the load follows it in steps of a milliwatt, so the power model is not re-planned every update.</summary>
    private void ApplyLeakage()
    {
        double watts = Radiation!.DoseRad / 1000 * Radiation.Spec.LeakageWattsPerKrad;
        if (Math.Abs(watts - Power!.ExtraWatts) >= 0.001)
        {
            Power.ExtraWatts = watts;
        }
    }

    private void ScheduleScriptedEvents()
    {
        foreach (var scripted in Scenario?.Events ?? [])
        {
            if (scripted.Kind == ScriptedEventKind.SolarParticleEvent)
            {
                continue; // the radiation environment runs those
            }

            var due = scripted.At - Clock.Elapsed;
            _scripted.Add(AfterCurrentCallback(due < TimeSpan.Zero ? TimeSpan.Zero : due, () =>
            {
                if (scripted.Kind == ScriptedEventKind.LatchUp)
                {
                    TriggerLatchUp(scripted.StepAmps ?? Scenario!.Radiation.LatchUpStepAmps, source: "scripted");
                }
                else
                {
                    TriggerFunctionalInterrupt(scripted.Interrupt, "scripted");
                }
            }));
        }
    }

    /// <summary>Logs with invariant number formatting, so the log reads the same on every machine.</summary>
    private void Log(EnvironmentRecordKind kind, FormattableString detail) => _log.Add(new EnvironmentRecord(Clock.Elapsed, Boots, kind, FormattableString.Invariant(detail)));

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
        var board = new SimBoard(this, cause, Boots);
        Board = board;
        if (Power is { } power)
        {
            board.Jobs.Changed += _ =>
            {
                if (Board == board)
                {
                    power.RunningJobs = board.Jobs.RunningJobs; // the count now, whatever order concurrent changes arrive in
                }
            };
        }

        Booted?.Invoke(board);
    }

    private void BuildChips()
    {
        var supply = _supply;
        var thermal = _thermal;
        var buses = Definition.I2c.Buses.ToDictionary(id => id, id => new SimI2cBus(id));
        var monitor = Definition.I2c.PowerMonitor;
        buses[monitor.Bus].Attach(new Ina219Model(monitor.Address, monitor.ShuntOhms, supply));
        var sensor = Definition.I2c.TemperatureSensor;
        buses[sensor.Bus].Attach(new Tmp102Model(sensor.Address, thermal));
        _buses = buses;
    }
}
