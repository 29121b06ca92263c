using System.Globalization;
using FlightSw.Core.Components;
using FlightSw.Core.Events;
using FlightSw.Core.Parameters;
using FlightSw.Core.Scheduling;
using FlightSw.Core.Storage;
using FlightSw.Core.Telemetry;
using FlightSw.Hal;

namespace FlightSw.Core.LatchUp;

/// <summary>
/// Guards against single-event latch-up: ten times a second it compares the supply current with
/// the load the node should draw in its present state plus a margin, and power-cycles the node
/// when the current stays above that limit for LATCHUP_SAMPLES consecutive readings. Each
/// latch-up is counted in the persistent store before the power cycle. Schedule it in the 10 Hz group.
/// </summary>
/// <remarks>
/// <para><b>Design note.</b> Requirements, each with how it is verified (tests in
/// <c>FlightSw.Core.Tests/LatchUp</c>, on the simulated board through the real INA219 driver):</para>
/// <list type="number">
/// <item>SEL-1 The limit follows the expected load: limit = (LATCHUP_IDLE_W + LATCHUP_BUSY_W when a
/// job runs + LATCHUP_JOB_W x running jobs) / bus volts + LATCHUP_MARGIN_A (<see cref="LimitAt"/>).
/// The job count is read from <see cref="IBoard.Workload"/> around every reading, so a job that
/// starts is expected at once; a job that ends is still expected for one more reading, since its
/// current may take a moment to fall. Verified: jobs started with their load (the simulator's
/// <c>LoadSpec</c>) do not trip the guard; a job's tail of two readings after it ended does not either.</item>
/// <item>SEL-2 Debounce: only LATCHUP_SAMPLES (default 2) consecutive readings over the limit are a
/// latch-up, so one noisy sample does not power-cycle the node. Verified with one and with
/// two separate over-limit samples (no cycle) against two consecutive ones (cycle).</item>
/// <item>SEL-3 Detection and power cycle within well under a second of the step: with the default
/// two samples at 10 Hz the cycle is asked for 0.1 to 0.3 s after the step. Verified: the reset
/// record comes less than 1 s of virtual time after the step.</item>
/// <item>SEL-4 A reading beyond the monitor's range (the INA219's overflow flag) is taken as over
/// the limit: the range is sized for the board's largest load, and a latch-up must not hide
/// behind saturation. Verified with a current beyond the shunt's range.</item>
/// <item>SEL-5 The count (LATCHUP_COUNT, durable record <see cref="CountRecord"/>, see
/// <see cref="DurableRecordStore"/>) is written into both of the record's copies before the power
/// cycle is asked for, and only grows: a write cut short by a power loss leaves the previous
/// count readable, and a copy that rots falls back to the other, which holds the same count.
/// Each refused copy is reported (LATCHUP_COUNT_INVALID) and rewritten. Only when both copies are
/// refused does the count start again at 0, reported with the reasons, so that the ground can add
/// the last count it received. A store that fails to write does not stop the power cycle.
/// Verified across boots, with a torn write, with a corrupt newest copy and with both copies
/// corrupt.</item>
/// <item>SEL-6 A power monitor that stops answering is reported once per outage
/// (LATCHUP_SENSOR_FAILED) and breaks the run of over-limit samples; it never causes a power cycle.
/// Verified by detaching the chip.</item>
/// </list>
/// <para>Not here: a latch-up that a power cycle does not clear makes the node cycle again after
/// every boot; limiting that (for example by LATCHUP_COUNT per hour) belongs to the health ladder.</para>
/// </remarks>
public sealed class LatchUpGuard : Component
{
    /// <summary>Id base of the latch-up guard.</summary>
    public const ushort ComponentIdBase = 0x1400;

    /// <summary>The latch-up guard's component name.</summary>
    public const string ComponentName = "latchup";

    /// <summary>Name of the durable record (see <see cref="DurableRecordStore"/>) of the latch-up count.</summary>
    public const string CountRecord = "latchup.count";

    /// <summary>Default load of an idle node: 4 W.</summary>
    public const double DefaultIdleWatts = 4.0;

    /// <summary>Default load added while at least one job runs: 3 W.</summary>
    public const double DefaultBusyWatts = 3.0;

    /// <summary>Default load added per running job: 2 W.</summary>
    public const double DefaultJobWatts = 2.0;

    /// <summary>Default margin above the expected current: 0.5 A.</summary>
    public const double DefaultMarginAmps = 0.5;

    /// <summary>Default consecutive over-limit readings that make a latch-up: 2.</summary>
    public const int DefaultSamples = 2;

    /// <summary>Bus voltage below which the limit is computed as if at this voltage (1 V), so a collapsed bus cannot make the limit unbounded.</summary>
    public const double MinimumBusVolts = 1.0;

    private readonly TelemetryChannel<uint> _count;
    private readonly TelemetryChannel<double> _limit;
    private readonly TelemetryChannel<uint> _overLimitSamples;
    private readonly EventDefinition _detected;
    private readonly EventDefinition _countInvalid;
    private readonly EventDefinition _countNotStored;
    private readonly EventDefinition _sensorFailed;
    private readonly Parameter<double> _idleWatts;
    private readonly Parameter<double> _busyWatts;
    private readonly Parameter<double> _jobWatts;
    private readonly Parameter<double> _marginAmps;
    private readonly Parameter<int> _samples;
    private DurableRecordStore? _records;
    private int _consecutive;
    private int _previousJobs;
    private bool _sensorFailedReported;
    private bool _powerCycleRequested;

    /// <summary>Creates the latch-up guard.</summary>
    public LatchUpGuard()
        : base(ComponentName, ComponentIdBase)
    {
        IsEssential = true; // a latch-up burns the board out in seconds, SAFE or not
        _count = DeclareChannel<uint>(0, "LATCHUP_COUNT", "", "Latch-ups detected since the store was first written");
        _limit = DeclareChannel<double>(1, "LATCHUP_LIMIT_A", "A", "Current limit of the latest reading");
        _overLimitSamples = DeclareChannel<uint>(2, "LATCHUP_OVER_LIMIT", "", "Readings over the limit since boot, latch-ups or not");

        _detected = DeclareEvent(0, "LATCHUP_DETECTED", EventSeverity.WarningHigh, "Latch-up: {amps} A over limit {limit} A with {jobs} jobs; latch-up {count}, power cycle requested");
        _countInvalid = DeclareEvent(1, "LATCHUP_COUNT_INVALID", EventSeverity.WarningHigh, "Stored {record} refused ({reason}); counting on from {count}");
        _countNotStored = DeclareEvent(2, "LATCHUP_COUNT_NOT_STORED", EventSeverity.WarningHigh, "Latch-up count {count} not stored: {reason}");
        _sensorFailed = DeclareEvent(3, "LATCHUP_SENSOR_FAILED", EventSeverity.WarningHigh, "Power monitor did not answer; latch-up detection suspended until it does");

        _idleWatts = DeclareParameter(0, "LATCHUP_IDLE_W", DefaultIdleWatts, 0.0, 100.0, "W", "Expected load of the idle node");
        _busyWatts = DeclareParameter(1, "LATCHUP_BUSY_W", DefaultBusyWatts, 0.0, 100.0, "W", "Expected load added while at least one job runs");
        _jobWatts = DeclareParameter(2, "LATCHUP_JOB_W", DefaultJobWatts, 0.0, 100.0, "W", "Expected load added per running job");
        _marginAmps = DeclareParameter(3, "LATCHUP_MARGIN_A", DefaultMarginAmps, 0.05, 10.0, "A", "Margin above the expected current before a reading counts as over the limit");
        _samples = DeclareParameter(4, "LATCHUP_SAMPLES", DefaultSamples, 1, 5, "", "Consecutive readings over the limit that make a latch-up");
    }

    /// <summary>Latch-ups counted so far, across boots.</summary>
    public uint Count => _count.Value;

    /// <summary>Whether this boot has asked for a power cycle (the guard then stops judging).</summary>
    public bool PowerCycleRequested => _powerCycleRequested;

    /// <summary>The current limit, in amperes, with <paramref name="runningJobs"/> jobs on a bus at <paramref name="busVolts"/> (at least <see cref="MinimumBusVolts"/>).</summary>
    public double LimitAt(int runningJobs, double busVolts)
    {
        double watts = _idleWatts.Value;
        if (runningJobs > 0)
        {
            watts += _busyWatts.Value + (_jobWatts.Value * runningJobs);
        }

        double volts = double.IsFinite(busVolts) ? Math.Max(busVolts, MinimumBusVolts) : MinimumBusVolts;
        return (watts / volts) + _marginAmps.Value;
    }

    /// <inheritdoc />
    protected override void OnInitialize()
    {
        var refused = new List<string>();
        uint count = LatchUpCountStore.Read(Records, refused);
        foreach (string reason in refused)
        {
            Emit(_countInvalid, CountRecord, reason, count);
        }

        if (refused.Count > 0)
        {
            TryStore(count);
        }

        _count.Write(count);
        _overLimitSamples.Write(0);
    }

    /// <inheritdoc />
    protected override void OnCycle(RateGroupCycle cycle)
    {
        if (_powerCycleRequested)
        {
            return;
        }

        var workload = Context.Board.Workload;
        int jobsBefore = workload.RunningJobs;
        PowerReading reading = default;
        bool overRange = false;
        try
        {
            reading = Context.Board.PowerMonitor.Read();
        }
        catch (OverflowException)
        {
            overRange = true;
        }
        catch (IOException)
        {
            SensorFailed();
            return;
        }

        _sensorFailedReported = false;
        int jobsNow = Math.Max(jobsBefore, workload.RunningJobs);
        int jobs = Math.Max(jobsNow, _previousJobs);
        _previousJobs = jobsNow;

        double limit = LimitAt(jobs, reading.BusVolts);
        _limit.Write(limit);
        bool over = overRange || !(reading.CurrentAmps <= limit);
        if (!over)
        {
            _consecutive = 0;
            return;
        }

        _overLimitSamples.Write(_overLimitSamples.Value + 1);
        if (++_consecutive >= _samples.Value)
        {
            PowerCycle(overRange ? double.PositiveInfinity : reading.CurrentAmps, limit, jobs);
        }
    }

    private DurableRecordStore Records => _records ??= new DurableRecordStore(Context.Board.PersistentStore);

    private void PowerCycle(double amps, double limit, int jobs)
    {
        _powerCycleRequested = true;
        uint count = _count.Value == uint.MaxValue ? uint.MaxValue : _count.Value + 1;
        TryStore(count);
        _count.Write(count);
        Emit(_detected, amps, limit, jobs, count);
        string reason = string.Create(CultureInfo.InvariantCulture, $"latch-up {count}: {amps:0.###} A over limit {limit:0.###} A");
        Context.Boot.RequestReset(ResetCause.LatchUpPowerCycle, reason); // recorded first, so the next boot reports why
    }

    private void TryStore(uint count)
    {
        try
        {
            LatchUpCountStore.Write(Records, count);
        }
        catch (IOException ex)
        {
            Emit(_countNotStored, count, ex.Message);
        }
    }

    private void SensorFailed()
    {
        _consecutive = 0;
        if (!_sensorFailedReported)
        {
            _sensorFailedReported = true;
            Emit(_sensorFailed);
        }
    }
}
