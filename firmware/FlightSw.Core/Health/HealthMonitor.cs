using FlightSw.Core.Components;
using FlightSw.Core.Events;
using FlightSw.Core.Scheduling;
using FlightSw.Core.Telemetry;

namespace FlightSw.Core.Health;

/// <summary>
/// Pings every scheduled component once per cycle with a fresh key and expects it back within
/// the component's deadline (two cycles of its slowest rate group, at least two health cycles).
/// The hardware watchdog is armed at start and petted only while every component answers, so a
/// hung component ends, at the latest one watchdog timeout later, in a hardware reset.
/// </summary>
public sealed class HealthMonitor : Component
{
    /// <summary>Id base of the health monitor.</summary>
    public const ushort ComponentIdBase = 0x0500;

    private readonly List<Watch> _watches = [];
    private readonly TelemetryChannel<uint> _pets;
    private readonly TelemetryChannel<uint> _unresponsive;
    private readonly TelemetryChannel<bool> _watchdogRunning;
    private readonly EventDefinition _armed;
    private readonly EventDefinition _unresponsiveEvent;
    private readonly EventDefinition _recovered;
    private readonly EventDefinition _escalated;
    private readonly TelemetryChannel<uint> _escalations;
    private uint _nextKey = 1;

    /// <summary>Creates the health monitor.</summary>
    public HealthMonitor()
        : base("health", ComponentIdBase)
    {
        _pets = DeclareChannel<uint>(0, "HEALTH_WDOG_PETS", "", "Watchdog pets since boot");
        _unresponsive = DeclareChannel<uint>(1, "HEALTH_UNRESPONSIVE", "", "Components not answering their heartbeat");
        _watchdogRunning = DeclareChannel<bool>(2, "HEALTH_WDOG_ARMED", "", "Whether the hardware watchdog is armed");
        _escalations = DeclareChannel<uint>(3, "HEALTH_ESCALATIONS", "", "Faults escalated to the health monitor since boot");

        _armed = DeclareEvent(0, "HEALTH_WDOG_ARMED", EventSeverity.ActivityLow, "Watchdog armed, timeout {timeoutS} s; {components} components monitored");
        _unresponsiveEvent = DeclareEvent(1, "HEALTH_UNRESPONSIVE", EventSeverity.WarningHigh, "Component {component} has not answered heartbeat {key} for {waitedS} s; watchdog no longer petted");
        _recovered = DeclareEvent(2, "HEALTH_RECOVERED", EventSeverity.ActivityHigh, "Component {component} answers its heartbeat again");
        _escalated = DeclareEvent(3, "HEALTH_ESCALATED", EventSeverity.WarningHigh, "Component {component} cannot recover by itself ({reason}); warm reset requested");
    }

    /// <summary>Names of the components currently not answering.</summary>
    public IReadOnlyList<string> Unresponsive => _watches.Where(w => !w.Healthy).Select(w => w.Component.Name).ToArray();

    /// <summary>Watchdog pets since boot.</summary>
    public uint WatchdogPets => _pets.Value;

    /// <summary>
    /// Takes a fault that <paramref name="reporter"/> cannot repair by itself (for example an
    /// uncorrectable word in a region with no golden image or recompute callback): raises
    /// HEALTH_ESCALATED and asks the board for a warm reset, which rebuilds volatile state from
    /// its sources. The recovery ladder of the health issue refines what happens here.
    /// </summary>
    public void Escalate(Component reporter, string reason)
    {
        ArgumentNullException.ThrowIfNull(reporter);
        _escalations.Write(_escalations.Value + 1);
        Emit(_escalated, reporter.Name, reason);
        Context.Board.ResetController.RequestWarmReset($"{reporter.Name}: {reason}");
    }

    /// <inheritdoc />
    protected override void OnStart()
    {
        var scheduler = Context.Components.Values.OfType<RateGroupScheduler>().Single().Options;
        var period = scheduler.Period(RateGroupId.Rate1Hz);
        foreach (var component in Context.Components.Values)
        {
            if (component.RateGroups.Count == 0)
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
        foreach (var watch in _watches)
        {
            if (watch.Key != 0 && watch.Component.AnsweredPing == watch.Key)
            {
                if (!watch.Healthy)
                {
                    watch.Healthy = true;
                    Emit(_recovered, watch.Component.Name);
                }

                watch.Key = 0;
            }

            if (watch.Key == 0)
            {
                watch.Key = _nextKey++;
                watch.SentAt = now;
                watch.Component.Ping(watch.Key);
            }
            else if (now - watch.SentAt > watch.Deadline && watch.Healthy)
            {
                watch.Healthy = false;
                Emit(_unresponsiveEvent, watch.Component.Name, watch.Key, (now - watch.SentAt).TotalSeconds);
            }

            if (!watch.Healthy)
            {
                unresponsive++;
            }
        }

        _unresponsive.Write(unresponsive);
        if (unresponsive == 0)
        {
            Context.Board.Watchdog.Pet();
            _pets.Write(_pets.Value + 1);
        }
    }

    /// <summary>What the monitor knows of one component's heartbeat.</summary>
    private sealed class Watch(Component component, TimeSpan deadline)
    {
        public Component Component { get; } = component;

        public TimeSpan Deadline { get; } = deadline;

        public uint Key { get; set; }

        public DateTimeOffset SentAt { get; set; }

        public bool Healthy { get; set; } = true;
    }
}
