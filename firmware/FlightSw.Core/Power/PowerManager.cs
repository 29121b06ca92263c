using System.Globalization;
using FlightSw.Core.Commands;
using FlightSw.Core.Components;
using FlightSw.Core.Events;
using FlightSw.Core.Parameters;
using FlightSw.Core.Scheduling;
using FlightSw.Core.Telemetry;
using FlightSw.Hal.Power;

namespace FlightSw.Core.Power;

/// <summary>
/// Manages the node's energy: estimates the battery's state of charge from the supply bus every
/// second, walks the <see cref="PowerMode"/> ladder with hysteresis, and sheds load: heavy
/// compute jobs start only through <see cref="TryBeginHeavyJob"/> and only in
/// <see cref="PowerMode.Nominal"/>, and components that can run slower read
/// <see cref="CadenceDivisor"/>. Schedule it in the 1 Hz group, named <see cref="ComponentName"/>.
/// </summary>
/// <remarks>
/// <para><b>Design note.</b> Requirements, each with how it is verified (tests in
/// <c>FlightSw.Core.Tests/Power</c>, on the simulated board through the real INA219 driver):</para>
/// <list type="number">
/// <item>PWR-1 The state of charge is read from the battery curve (<see cref="BatteryCurve.LithiumIon"/>,
/// POWER_CELLS in series) at the open-circuit voltage, bus volts + current x POWER_R_INT_OHM while
/// discharging, and smoothed by an EWMA of time constant POWER_SOC_TAU_S that the first reading
/// seeds (<see cref="StateOfChargeEstimator"/>). Verified: steady supply against
/// <see cref="BatteryCurve.VoltsAt"/>, seeding, the step response at one time constant, estimator unit tests.</item>
/// <item>PWR-2 The ladder has hysteresis: a rung is entered below its enter threshold and left above
/// its higher leave threshold (<see cref="PowerThresholds"/>). It goes straight to the right rung
/// (a first reading at 10 % lands in Survival at once); with the smoothing a falling battery passes
/// the rungs one by one. Verified: a slow discharge and recharge walk down and up in order, each
/// change beyond its threshold; a charge wandering between enter and leave changes nothing.</item>
/// <item>PWR-3 Thresholds are parameters; a set that breaks the ordering (enter &lt; leave per rung,
/// rungs strictly ordered, all in 0..1) is refused with POWER_THRESHOLDS_INVALID (once per bad set)
/// and the last valid set stays in force. Verified by test.</item>
/// <item>PWR-4 Heavy jobs start only in Nominal and only once the first estimate exists (a node
/// booting on a flat battery must not start one before it has looked); a refused request returns
/// null, counts in POWER_JOBS_DEFERRED (every request) and raises POWER_JOB_DEFERRED once per job
/// name per wait. Verified by test.</item>
/// <item>PWR-5 On a change into a mode without heavy jobs, <see cref="ModeChanged"/> asks the owners
/// of running jobs to stop; a heavy job still running afterwards is reported (POWER_JOBS_STILL_RUNNING).
/// Verified with the payload duty, which ends its job.</item>
/// <item>PWR-6 A power monitor that stops answering is reported once per outage
/// (POWER_SENSOR_FAILED); the mode and estimate hold until it answers again. Verified by detaching the chip.</item>
/// <item>PWR-7 POWER_MODE_SET sets a floor, never a ceiling: the mode is the more conservative of
/// the ladder's rung and the floor, so the ground can hold the node in a frugal mode but cannot
/// keep it above the rung the battery calls for; commanding Nominal removes the floor. Verified by test.</item>
/// </list>
/// <para>Not here: the power mode is not persisted across resets (a reboot starts in Nominal and
/// the first reading, 0.1 s later, moves it), and it does not drive <see cref="Modes.ModeManager"/>.</para>
/// </remarks>
public sealed class PowerManager : Component
{
    /// <summary>Id base of the power manager.</summary>
    public const ushort ComponentIdBase = 0x1300;

    /// <summary>The power manager's component name, by which others find it.</summary>
    public const string ComponentName = "power";

    /// <summary>Default lithium-ion cells in series: 2 (6.0 to 8.4 V).</summary>
    public const int DefaultCells = 2;

    /// <summary>Default internal resistance of the battery: 0.08 ohm.</summary>
    public const double DefaultInternalOhms = 0.08;

    /// <summary>Default smoothing time constant of the state of charge: 30 s.</summary>
    public const double DefaultSmoothingSeconds = 30;

    private readonly TelemetryChannel<double> _soc;
    private readonly TelemetryChannel<PowerMode> _mode;
    private readonly TelemetryChannel<double> _busVolts;
    private readonly TelemetryChannel<double> _currentAmps;
    private readonly TelemetryChannel<uint> _modeChanges;
    private readonly TelemetryChannel<uint> _jobsDeferred;
    private readonly TelemetryChannel<PowerMode> _floorChannel;
    private readonly EventDefinition _modeChanged;
    private readonly EventDefinition _jobDeferred;
    private readonly EventDefinition _sensorFailed;
    private readonly EventDefinition _thresholdsInvalid;
    private readonly EventDefinition _jobsStillRunning;
    private readonly Parameter<int> _cells;
    private readonly Parameter<double> _internalOhms;
    private readonly Parameter<double> _smoothingSeconds;
    private readonly Parameter<double> _powerSaveEnter;
    private readonly Parameter<double> _powerSaveLeave;
    private readonly Parameter<double> _safeEnter;
    private readonly Parameter<double> _safeLeave;
    private readonly Parameter<double> _survivalEnter;
    private readonly Parameter<double> _survivalLeave;
    private readonly HashSet<string> _deferredThisWait = new(StringComparer.Ordinal);
    private readonly StateOfChargeEstimator _estimator;
    private PowerThresholds _thresholds = new();
    private PowerThresholds? _refusedThresholds;
    private int _curveCells = DefaultCells;
    private PowerMode _ladder = PowerMode.Nominal;
    private PowerMode _floor = PowerMode.Nominal;
    private long _lastReadingAt;
    private bool _sensorFailedReported;
    private int _heavyJobsRunning;

    /// <summary>Creates the power manager in <see cref="PowerMode.Nominal"/>, with no estimate yet.</summary>
    public PowerManager()
        : base(ComponentName, ComponentIdBase)
    {
        IsEssential = true; // power sensing and load shedding keep the node alive in SAFE
        _soc = DeclareChannel<double>(0, "POWER_SOC", "", "Smoothed battery state of charge, 0..1");
        _mode = DeclareChannel<PowerMode>(1, "POWER_MODE", "", "Power mode");
        _busVolts = DeclareChannel<double>(2, "POWER_BUS_V", "V", "Supply bus voltage as the power manager read it");
        _currentAmps = DeclareChannel<double>(3, "POWER_CURRENT_A", "A", "Supply current as the power manager read it");
        _modeChanges = DeclareChannel<uint>(4, "POWER_MODE_CHANGES", "", "Power mode changes since boot");
        _jobsDeferred = DeclareChannel<uint>(5, "POWER_JOBS_DEFERRED", "", "Heavy-job requests refused since boot");
        _floorChannel = DeclareChannel<PowerMode>(6, "POWER_MODE_FLOOR", "", "Most capable mode the ground allows (POWER_MODE_SET); Nominal when none");

        _modeChanged = DeclareEvent(0, "POWER_MODE_CHANGED", EventSeverity.ActivityHigh, "Power mode {from} -> {to} at state of charge {soc}: {reason}");
        _jobDeferred = DeclareEvent(1, "POWER_JOB_DEFERRED", EventSeverity.ActivityLow, "Heavy job {job} deferred in power mode {mode}: {reason}");
        _sensorFailed = DeclareEvent(2, "POWER_SENSOR_FAILED", EventSeverity.WarningHigh, "Power monitor did not answer; holding power mode {mode} at state of charge {soc}");
        _thresholdsInvalid = DeclareEvent(3, "POWER_THRESHOLDS_INVALID", EventSeverity.WarningHigh, "Power thresholds refused ({reason}); the previous set stays in force");
        _jobsStillRunning = DeclareEvent(4, "POWER_JOBS_STILL_RUNNING", EventSeverity.WarningHigh, "{count} heavy jobs still running in power mode {mode}");

        _cells = DeclareParameter(0, "POWER_CELLS", DefaultCells, 1, 16, "", "Lithium-ion cells in series in the battery");
        _internalOhms = DeclareParameter(1, "POWER_R_INT_OHM", DefaultInternalOhms, 0.0, 2.0, "ohm", "Battery internal resistance, for the open-circuit voltage under load");
        _smoothingSeconds = DeclareParameter(2, "POWER_SOC_TAU_S", DefaultSmoothingSeconds, 0.0, 3600.0, "s", "Time constant of the state-of-charge average; 0 for none");
        _powerSaveEnter = DeclareParameter(3, "POWER_SAVE_ENTER_SOC", PowerThresholds.DefaultPowerSaveEnter, 0.0, 1.0, "", "State of charge below which PowerSave is entered");
        _powerSaveLeave = DeclareParameter(4, "POWER_SAVE_LEAVE_SOC", PowerThresholds.DefaultPowerSaveLeave, 0.0, 1.0, "", "State of charge above which PowerSave is left");
        _safeEnter = DeclareParameter(5, "POWER_SAFE_ENTER_SOC", PowerThresholds.DefaultSafeEnter, 0.0, 1.0, "", "State of charge below which Safe is entered");
        _safeLeave = DeclareParameter(6, "POWER_SAFE_LEAVE_SOC", PowerThresholds.DefaultSafeLeave, 0.0, 1.0, "", "State of charge above which Safe is left");
        _survivalEnter = DeclareParameter(7, "POWER_SURVIVAL_ENTER_SOC", PowerThresholds.DefaultSurvivalEnter, 0.0, 1.0, "", "State of charge below which Survival is entered");
        _survivalLeave = DeclareParameter(8, "POWER_SURVIVAL_LEAVE_SOC", PowerThresholds.DefaultSurvivalLeave, 0.0, 1.0, "", "State of charge above which Survival is left");

        DeclareCommand(0, "POWER_MODE_SET", "Sets the most capable power mode allowed (a floor under the ladder); Nominal removes it", SetFloorCommand,
            CommandArgumentDefinition.Enumeration("mode", "Most capable mode allowed", PowerMode.Nominal, PowerMode.PowerSave, PowerMode.Safe, PowerMode.Survival));

        _estimator = new StateOfChargeEstimator(BatteryCurve.LithiumIon(DefaultCells), DefaultInternalOhms, TimeSpan.FromSeconds(DefaultSmoothingSeconds));
    }

    /// <summary>
    /// Raised on every power mode change, with the old and the new mode, on the thread of the
    /// power manager's cycle (or of the command). Owners of heavy jobs end them here when the new
    /// mode no longer <see cref="AllowsHeavyJobs"/>.
    /// </summary>
    public event Action<PowerMode, PowerMode>? ModeChanged;

    /// <summary>The power mode in force: the more conservative of <see cref="LadderMode"/> and <see cref="Floor"/>.</summary>
    public PowerMode Mode { get; private set; } = PowerMode.Nominal;

    /// <summary>The rung the battery's charge calls for.</summary>
    public PowerMode LadderMode => _ladder;

    /// <summary>The most capable mode the ground allows (POWER_MODE_SET); <see cref="PowerMode.Nominal"/> when there is no floor.</summary>
    public PowerMode Floor => _floor;

    /// <summary>The smoothed state of charge (0..1); null until the power monitor has answered once this boot.</summary>
    public double? StateOfCharge => _estimator.StateOfCharge;

    /// <summary>The threshold set in force (the last valid one the parameters gave).</summary>
    public PowerThresholds Thresholds => _thresholds;

    /// <summary>Whether heavy jobs may start: only in <see cref="PowerMode.Nominal"/>, and only once a state of charge is known.</summary>
    public bool AllowsHeavyJobs => Mode == PowerMode.Nominal && StateOfCharge is not null;

    /// <summary>By how much components that can slow down should divide their rates now; see <see cref="CadenceDivisorOf"/>.</summary>
    public int CadenceDivisor => CadenceDivisorOf(Mode);

    /// <summary>Heavy jobs started through <see cref="TryBeginHeavyJob"/> and not yet ended.</summary>
    public int HeavyJobsRunning => Volatile.Read(ref _heavyJobsRunning);

    /// <summary>The rate divisor of <paramref name="mode"/>: 1 in Nominal, 2 in PowerSave, 10 in Safe and Survival.</summary>
    public static int CadenceDivisorOf(PowerMode mode) => mode switch
    {
        PowerMode.Nominal => 1,
        PowerMode.PowerSave => 2,
        _ => 10,
    };

    /// <summary><paramref name="period"/> stretched by <see cref="CadenceDivisor"/>: how often to do what is done every <paramref name="period"/> in Nominal.</summary>
    public TimeSpan Stretch(TimeSpan period) => period * CadenceDivisor;

    /// <summary>
    /// Starts the heavy job <paramref name="name"/> if the power mode allows it: opens a job on the
    /// board's workload and returns it (dispose it to end the job). Otherwise returns null, counts
    /// the refusal and reports it once per name until the mode changes or the job is let start.
    /// Call it from the flight software's cycles or command handlers.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    public IDisposable? TryBeginHeavyJob(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!AllowsHeavyJobs)
        {
            _jobsDeferred.Write(_jobsDeferred.Value + 1);
            if (_deferredThisWait.Add(name))
            {
                string reason = Mode == PowerMode.Nominal ? "no state of charge yet" : "heavy jobs run only in Nominal";
                Emit(_jobDeferred, name, Mode, reason);
            }

            return null;
        }

        _deferredThisWait.Remove(name);
        var job = Context.Board.Workload.BeginJob(name);
        Interlocked.Increment(ref _heavyJobsRunning);
        return new HeavyJob(job, () => Interlocked.Decrement(ref _heavyJobsRunning));
    }

    /// <inheritdoc />
    protected override void OnInitialize()
    {
        _mode.Write(Mode);
        _floorChannel.Write(_floor);
        _modeChanges.Write(0);
        _jobsDeferred.Write(0);
    }

    /// <inheritdoc />
    protected override void OnCycle(RateGroupCycle cycle)
    {
        RefreshThresholds();
        if (!Context.Board.PowerMonitor.TryRead(out var reading)
            || !double.IsFinite(reading.BusVolts) || !double.IsFinite(reading.CurrentAmps))
        {
            if (!_sensorFailedReported)
            {
                _sensorFailedReported = true;
                Emit(_sensorFailed, Mode, StateOfCharge ?? double.NaN);
            }

            return;
        }

        _sensorFailedReported = false;
        _busVolts.Write(reading.BusVolts);
        _currentAmps.Write(reading.CurrentAmps);
        RefreshEstimator();

        long now = Context.Time.GetTimestamp();
        var sinceLast = StateOfCharge is null ? TimeSpan.Zero : Context.Time.GetElapsedTime(_lastReadingAt, now);
        _lastReadingAt = now;
        double soc = _estimator.Update(reading.BusVolts, reading.CurrentAmps, sinceLast);
        _soc.Write(soc);

        var rung = _thresholds.Next(_ladder, soc);
        if (rung != _ladder)
        {
            string direction = rung > _ladder ? "below" : "above";
            double threshold = rung > _ladder ? _thresholds.EnterOf(rung) : _thresholds.LeaveOf(_ladder);
            _ladder = rung;
            Apply(string.Create(CultureInfo.InvariantCulture, $"state of charge {direction} {threshold:0.###}"));
        }
    }

    /// <summary>Sets the mode to the more conservative of ladder and floor, and tells everyone when it changes.</summary>
    private void Apply(string reason)
    {
        var to = _ladder > _floor ? _ladder : _floor;
        var from = Mode;
        if (to == from)
        {
            return;
        }

        Mode = to;
        _deferredThisWait.Clear();
        _mode.Write(to);
        _modeChanges.Write(_modeChanges.Value + 1);
        Emit(_modeChanged, from, to, StateOfCharge ?? double.NaN, reason);
        ModeChanged?.Invoke(from, to);
        int stillRunning = HeavyJobsRunning;
        if (!AllowsHeavyJobs && stillRunning > 0)
        {
            Emit(_jobsStillRunning, stillRunning, to);
        }
    }

    private void RefreshThresholds()
    {
        var wanted = new PowerThresholds
        {
            PowerSaveEnter = _powerSaveEnter.Value,
            PowerSaveLeave = _powerSaveLeave.Value,
            SafeEnter = _safeEnter.Value,
            SafeLeave = _safeLeave.Value,
            SurvivalEnter = _survivalEnter.Value,
            SurvivalLeave = _survivalLeave.Value,
        };
        if (wanted == _thresholds)
        {
            _refusedThresholds = null;
            return;
        }

        if (wanted.IsValid(out string error))
        {
            _thresholds = wanted;
            _refusedThresholds = null;
        }
        else if (wanted != _refusedThresholds)
        {
            _refusedThresholds = wanted;
            Emit(_thresholdsInvalid, error);
        }
    }

    private void RefreshEstimator()
    {
        if (_cells.Value != _curveCells)
        {
            // The old estimate was read through the wrong curve: start again from this reading.
            _curveCells = _cells.Value;
            _estimator.Curve = BatteryCurve.LithiumIon(_curveCells);
            _estimator.Reset();
        }

        _estimator.InternalOhms = _internalOhms.Value;
        _estimator.TimeConstant = TimeSpan.FromSeconds(_smoothingSeconds.Value);
    }

    private CommandResult SetFloorCommand(CommandArguments arguments)
    {
        _floor = arguments.GetEnum<PowerMode>("mode");
        _floorChannel.Write(_floor);
        Apply(_floor == PowerMode.Nominal ? "commanded floor removed" : $"commanded floor {_floor}");
        return CommandResult.Ok($"power mode {Mode} (floor {_floor}, ladder {_ladder})");
    }
}
