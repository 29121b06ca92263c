using FlightSw.Core.Components;
using FlightSw.Core.Events;
using FlightSw.Core.Parameters;
using FlightSw.Core.Scheduling;
using FlightSw.Core.Storage;
using FlightSw.Core.Telemetry;
using FlightSw.Hal;

namespace FlightSw.Core.Health;

/// <summary>
/// Pings every scheduled component once per cycle with a fresh key and expects it back within
/// the component's deadline (two cycles of its slowest rate group, at least two health cycles).
/// The hardware watchdog is armed at start and petted only while every critical component
/// answers. A component that stops answering climbs a recovery ladder: it is restarted (up to
/// <c>HEALTH_RESTARTS_MAX</c> times within <c>HEALTH_RESTART_WINDOW_S</c>); a critical one that
/// hangs again, or misses its deadline again after a restart, makes the node warm-reset, and if
/// a warm reset asked for less than <c>HEALTH_ESCALATION_WINDOW_S</c> earlier did not cure it,
/// power-cycle; a non-critical one is disabled for the rest of the boot. Should the monitor
/// itself hang, the watchdog resets the board. Every step is an event and a counter; the reset
/// counters survive resets.
/// </summary>
public sealed class HealthMonitor : Component
{
    /// <summary>Id base of the health monitor.</summary>
    public const ushort ComponentIdBase = 0x0500;

    /// <summary>The health monitor's component name.</summary>
    public const string ComponentName = "health";

    private readonly List<Watch> _watches = [];
    private readonly TelemetryChannel<uint> _pets;
    private readonly TelemetryChannel<uint> _unresponsive;
    private readonly TelemetryChannel<bool> _watchdogRunning;
    private readonly TelemetryChannel<uint> _escalations;
    private readonly TelemetryChannel<uint> _restarts;
    private readonly TelemetryChannel<uint> _warmResets;
    private readonly TelemetryChannel<uint> _powerCycles;
    private readonly TelemetryChannel<uint> _disabled;
    private readonly EventDefinition _armed;
    private readonly EventDefinition _unresponsiveEvent;
    private readonly EventDefinition _recovered;
    private readonly EventDefinition _escalated;
    private readonly EventDefinition _restarted;
    private readonly EventDefinition _warmReset;
    private readonly EventDefinition _powerCycle;
    private readonly EventDefinition _disabledEvent;
    private readonly EventDefinition _ladderInvalid;
    private readonly Parameter<uint> _restartsMax;
    private readonly Parameter<uint> _restartWindowSeconds;
    private readonly Parameter<uint> _escalationWindowSeconds;
    private RecoveryLadderRecord _ladder = new(0, 0, null);
    private DurableRecordStore? _records;
    private bool _resetRequested;
    private uint _nextKey = 1;

    /// <summary>Creates the health monitor.</summary>
    public HealthMonitor()
        : base(ComponentName, ComponentIdBase)
    {
        _pets = DeclareChannel<uint>(0, "HEALTH_WDOG_PETS", "", "Watchdog pets since boot");
        _unresponsive = DeclareChannel<uint>(1, "HEALTH_UNRESPONSIVE", "", "Components not answering their heartbeat");
        _watchdogRunning = DeclareChannel<bool>(2, "HEALTH_WDOG_ARMED", "", "Whether the hardware watchdog is armed");
        _escalations = DeclareChannel<uint>(3, "HEALTH_ESCALATIONS", "", "Faults escalated to a reset since boot");
        _restarts = DeclareChannel<uint>(4, "HEALTH_RESTARTS", "", "Component restarts since boot");
        _warmResets = DeclareChannel<uint>(5, "HEALTH_WARM_RESETS", "", "Warm resets the health monitor asked for, over the node's life");
        _powerCycles = DeclareChannel<uint>(6, "HEALTH_POWER_CYCLES", "", "Power cycles the health monitor asked for, over the node's life");
        _disabled = DeclareChannel<uint>(7, "HEALTH_DISABLED", "", "Non-critical components disabled since boot");

        _armed = DeclareEvent(0, "HEALTH_WDOG_ARMED", EventSeverity.ActivityLow, "Watchdog armed, timeout {timeoutS} s; {components} components monitored");
        _unresponsiveEvent = DeclareEvent(1, "HEALTH_UNRESPONSIVE", EventSeverity.WarningHigh, "Component {component} has not answered heartbeat {key} for {waitedS} s");
        _recovered = DeclareEvent(2, "HEALTH_RECOVERED", EventSeverity.ActivityHigh, "Component {component} answers its heartbeat again");
        _escalated = DeclareEvent(3, "HEALTH_ESCALATED", EventSeverity.WarningHigh, "Component {component} cannot recover by itself ({reason}); reset requested");
        _restarted = DeclareEvent(4, "HEALTH_RESTARTED", EventSeverity.WarningHigh, "Restarted component {component} (restart {count} within {windowS} s)");
        _warmReset = DeclareEvent(5, "HEALTH_WARM_RESET", EventSeverity.WarningHigh, "Warm reset for {component}: {reason}");
        _powerCycle = DeclareEvent(6, "HEALTH_POWER_CYCLE", EventSeverity.WarningHigh, "Power cycle for {component}: {reason}; the warm reset {agoS} s ago did not cure it");
        _disabledEvent = DeclareEvent(7, "HEALTH_DISABLED", EventSeverity.WarningHigh, "Non-critical component {component} disabled for the rest of the boot: {reason}");
        _ladderInvalid = DeclareEvent(8, "HEALTH_LADDER_INVALID", EventSeverity.WarningLow, "Stored recovery counters refused ({reason})");

        _restartsMax = DeclareParameter<uint>(0, "HEALTH_RESTARTS_MAX", 1, 0, 10, "", "Restarts of one component within the restart window before the health monitor escalates");
        _restartWindowSeconds = DeclareParameter<uint>(1, "HEALTH_RESTART_WINDOW_S", 600, 10, 86_400, "s", "Window over which a component's restarts are counted");
        _escalationWindowSeconds = DeclareParameter<uint>(2, "HEALTH_ESCALATION_WINDOW_S", 3600, 60, 604_800, "s", "A health reset this soon after the previous one power-cycles instead of warm-resetting");
    }

    /// <summary>Names of the components currently not answering.</summary>
    public IReadOnlyList<string> Unresponsive => _watches.Where(w => !w.Healthy).Select(w => w.Component.Name).ToArray();

    /// <summary>Watchdog pets since boot.</summary>
    public uint WatchdogPets => _pets.Value;

    /// <summary>
    /// Takes a fault that <paramref name="reporter"/> cannot repair by itself (for example an
    /// uncorrectable word in a region with no golden image or recompute callback): raises
    /// HEALTH_ESCALATED and climbs the reset steps of the ladder (a warm reset, which rebuilds
    /// volatile state from its sources, or a power cycle when a recent warm reset did not help).
    /// </summary>
    public void Escalate(Component reporter, string reason)
    {
        ArgumentNullException.ThrowIfNull(reporter);
        Emit(_escalated, reporter.Name, reason);
        ResetFor(reporter, reason);
    }

    /// <inheritdoc />
    protected override void OnInitialize()
    {
        _records = new DurableRecordStore(Context.Board.PersistentStore);
        var read = _records.Read(RecoveryLadderRecord.RecordName);
        foreach (string refused in read.Refused)
        {
            Emit(_ladderInvalid, refused);
        }

        if (read.Found)
        {
            if (RecoveryLadderRecord.TryParse(read.Payload, out var ladder, out string error))
            {
                _ladder = ladder;
            }
            else
            {
                Emit(_ladderInvalid, error);
            }
        }

        _warmResets.Write(_ladder.WarmResets);
        _powerCycles.Write(_ladder.PowerCycles);
    }

    /// <inheritdoc />
    protected override void OnStart()
    {
        var scheduler = Context.Components.Values.OfType<RateGroupScheduler>().Single().Options;
        var period = scheduler.Period(RateGroupId.Rate1Hz);
        foreach (var component in Context.Components.Values)
        {
            // The monitor cannot see itself hang (the watchdog does), and a component this boot
            // does not run has nothing to answer.
            if (component == this || component.RateGroups.Count == 0 || component.State is not (ComponentState.Initialized or ComponentState.Running))
            {
                continue;
            }

            var slowest = component.RateGroups.Max(scheduler.Period);
            var deadline = TimeSpan.FromTicks(Math.Max(2 * slowest.Ticks, 2 * period.Ticks));
            _watches.Add(new Watch(component, deadline));
        }

        var watchdog = Context.Board.Watchdog;
        watchdog.Start();
        _watchdogRunning.Write(watchdog.IsRunning);
        Emit(_armed, watchdog.Timeout.TotalSeconds, _watches.Count);
    }

    /// <inheritdoc />
    protected override void OnStop()
    {
        Context.Board.Watchdog.Stop();
        _watchdogRunning.Write(false);
    }

    /// <inheritdoc />
    protected override void OnCycle(RateGroupCycle cycle)
    {
        var now = Context.Time.GetUtcNow();
        uint unresponsive = 0;
        bool criticalDown = false;
        foreach (var watch in _watches)
        {
            if (watch.Component.State != ComponentState.Running)
            {
                continue; // disabled: no longer watched
            }

            if (watch.Key != 0 && watch.Component.AnsweredPing == watch.Key)
            {
                if (!watch.Healthy)
                {
                    watch.Healthy = true;
                    Emit(_recovered, watch.Component.Name);
                }

                watch.Key = 0;
                watch.Restarted = false;
            }

            if (watch.Key == 0)
            {
                Ping(watch, now);
            }
            else if (now - watch.SentAt > watch.Deadline && (watch.Healthy || watch.Restarted))
            {
                // Healthy until now, or restarted and still silent: the restart did not cure it.
                watch.Healthy = false;
                watch.Restarted = false;
                Emit(_unresponsiveEvent, watch.Component.Name, watch.Key, (now - watch.SentAt).TotalSeconds);
                Recover(watch, now);
            }

            if (!watch.Healthy && watch.Component.State == ComponentState.Running)
            {
                unresponsive++;
                criticalDown |= watch.Component.IsCritical;
            }
        }

        _unresponsive.Write(unresponsive);
        if (!criticalDown)
        {
            Context.Board.Watchdog.Pet();
            _pets.Write(_pets.Value + 1);
        }
    }

    private void Ping(Watch watch, DateTimeOffset now)
    {
        watch.Key = _nextKey++;
        watch.SentAt = now;
        watch.Component.Ping(watch.Key);
    }

    /// <summary>The first steps of the ladder: restart while restarts are left in the window, then escalate or disable.</summary>
    private void Recover(Watch watch, DateTimeOffset now)
    {
        var window = TimeSpan.FromSeconds(_restartWindowSeconds.Value);
        watch.RestartTimes.RemoveAll(at => now - at > window);
        var component = watch.Component;
        if (watch.RestartTimes.Count < _restartsMax.Value)
        {
            component.Restart();
            watch.RestartTimes.Add(now);
            _restarts.Write(_restarts.Value + 1);
            Emit(_restarted, component.Name, watch.RestartTimes.Count, window.TotalSeconds);
            Ping(watch, now); // it stays unhealthy until it answers this one, and climbs on if it misses it
            watch.Restarted = true;
            return;
        }

        string reason = watch.RestartTimes.Count == 0
            ? "not answering, and HEALTH_RESTARTS_MAX allows no restart"
            : $"hung again after {watch.RestartTimes.Count} restart(s) within {window.TotalSeconds:0} s";
        if (!component.IsCritical)
        {
            component.Disable();
            watch.Healthy = true;
            _disabled.Write(_disabled.Value + 1);
            Emit(_disabledEvent, component.Name, reason);
            return;
        }

        ResetFor(component, reason);
    }

    /// <summary>The reset steps of the ladder: a warm reset, or a power cycle when a recent warm reset did not cure the fault.</summary>
    private void ResetFor(Component component, string reason)
    {
        if (_resetRequested)
        {
            return; // one reset is already on its way
        }

        _resetRequested = true;
        _escalations.Write(_escalations.Value + 1);
        var now = Context.Time.GetUtcNow();
        var window = TimeSpan.FromSeconds(_escalationWindowSeconds.Value);
        // Only the same component failing again so soon says the warm reset did not cure it.
        bool recentReset = _ladder.LastResetAt is { } last && (last > now || now - last <= window)
            && string.Equals(_ladder.LastResetFor, component.Name, StringComparison.Ordinal);
        var cause = recentReset ? ResetCause.CommandedPowerCycle : ResetCause.CommandedWarmReset;
        if (recentReset)
        {
            double agoSeconds = (now - _ladder.LastResetAt!.Value).TotalSeconds;
            _ladder = _ladder with { PowerCycles = _ladder.PowerCycles + 1, LastResetAt = now, LastResetFor = component.Name };
            _powerCycles.Write(_ladder.PowerCycles);
            Emit(_powerCycle, component.Name, reason, agoSeconds);
        }
        else
        {
            _ladder = _ladder with { WarmResets = _ladder.WarmResets + 1, LastResetAt = now, LastResetFor = component.Name };
            _warmResets.Write(_ladder.WarmResets);
            Emit(_warmReset, component.Name, reason);
        }

        try
        {
            _records!.Write(RecoveryLadderRecord.RecordName, _ladder.Serialize());
        }
        catch (IOException ex)
        {
            Emit(_ladderInvalid, $"not stored: {ex.Message}");
        }

        Context.Boot.RequestReset(cause, $"health: {component.Name} {reason}");
    }

    /// <summary>What the monitor knows of one component's heartbeat.</summary>
    private sealed class Watch(Component component, TimeSpan deadline)
    {
        public Component Component { get; } = component;

        public TimeSpan Deadline { get; } = deadline;

        public uint Key { get; set; }

        public DateTimeOffset SentAt { get; set; }

        public bool Healthy { get; set; } = true;

        /// <summary>Restarted and not yet answering: missing the deadline again climbs the next step.</summary>
        public bool Restarted { get; set; }

        public List<DateTimeOffset> RestartTimes { get; } = [];
    }
}
