using FlightSw.Core.Components;
using FlightSw.Core.Events;
using FlightSw.Core.Telemetry;

namespace FlightSw.Core.Scheduling;

/// <summary>
/// The executive: one timer on the board clock ticks at the base rate; each tick runs the rate
/// groups that are due, in fixed order (10 Hz, 1 Hz, 0.1 Hz), and each group runs its components
/// in the order they were added. A group that takes longer than its period overruns; a tick that
/// comes late, or while the previous one is still running, misses cycles. Both count as slips
/// and raise a warning event. A component that throws is reported and the others still run.
/// </summary>
public sealed class RateGroupScheduler : Component
{
    /// <summary>Id base of the scheduler.</summary>
    public const ushort ComponentIdBase = 0x0100;

    private static readonly RateGroupId[] GroupOrder = Enum.GetValues<RateGroupId>();

    private readonly SchedulerOptions _options;
    private readonly List<Component>[] _members;
    private readonly long[] _groupCycles;
    private readonly Lock _tickGate = new();
    private readonly TelemetryChannel<ulong> _ticks;
    private readonly TelemetryChannel<uint> _slips;
    private readonly TelemetryChannel<double> _lastTickMs;
    private readonly EventDefinition _overrun;
    private readonly EventDefinition _missedTicks;
    private readonly EventDefinition _componentFault;
    private ITimer? _timer;
    private long _startTimestamp;
    private long _tick = -1;
    private long _ticksRun;
    private bool _stopped;

    /// <summary>The timing the scheduler runs with.</summary>
    public SchedulerOptions Options => _options;

    /// <summary>Creates the scheduler with <paramref name="options"/>, or the defaults.</summary>
    public RateGroupScheduler(SchedulerOptions? options = null)
        : base("scheduler", ComponentIdBase)
    {
        _options = options ?? new SchedulerOptions();
        _members = GroupOrder.Select(_ => new List<Component>()).ToArray();
        _groupCycles = new long[GroupOrder.Length];

        _ticks = DeclareChannel<ulong>(0, "SCHED_TICKS", "", "Base ticks run since boot");
        _slips = DeclareChannel<uint>(1, "SCHED_SLIPS", "", "Rate-group overruns and missed cycles since boot");
        _lastTickMs = DeclareChannel<double>(2, "SCHED_TICK_MS", "ms", "Time the last tick's groups took");

        _overrun = DeclareEvent(0, "SCHED_OVERRUN", EventSeverity.WarningLow, "Rate group {group} took {elapsedMs} ms of its {periodMs} ms period");
        _missedTicks = DeclareEvent(1, "SCHED_MISSED_TICKS", EventSeverity.WarningLow, "{missed} base ticks missed; the executive ran {lateMs} ms late");
        _componentFault = DeclareEvent(2, "SCHED_COMPONENT_FAULT", EventSeverity.WarningHigh, "Component {component} failed in {group}: {error}");
    }

    /// <summary>Base ticks actually run since the scheduler started (missed ones are counted in <see cref="Slips"/>).</summary>
    public long Ticks => _ticksRun;

    /// <summary>Slips (overruns and missed cycles) since the scheduler started.</summary>
    public long Slips { get; private set; }

    /// <summary>Cycles each group has run.</summary>
    public long CyclesOf(RateGroupId group) => _groupCycles[(int)group];

    /// <summary>The components of <paramref name="group"/>, in run order.</summary>
    public IReadOnlyList<Component> MembersOf(RateGroupId group) => _members[(int)group];

    internal void Schedule(Component component, RateGroupId group)
    {
        if (State != ComponentState.Created)
        {
            throw new InvalidOperationException("Components are scheduled before the application starts.");
        }

        _members[(int)group].Add(component);
    }

    /// <inheritdoc />
    protected override void OnStart()
    {
        var time = Context.Time;
        _startTimestamp = time.GetTimestamp();
        _timer = time.CreateTimer(_ => Tick(), null, _options.BasePeriod, _options.BasePeriod);
    }

    /// <inheritdoc />
    protected override void OnStop()
    {
        _timer?.Dispose();
        _timer = null;

        // A tick already running on a timer thread finishes before the caller goes on to stop
        // components or reset the board; none starts after this.
        lock (_tickGate)
        {
            _stopped = true;
        }
    }

    /// <summary>Runs one base tick; the timer calls it, tests may too.</summary>
    internal void Tick()
    {
        if (!_tickGate.TryEnter())
        {
            // The previous tick is still running on another thread: this one is lost.
            AddSlips(1);
            Emit(_missedTicks, 1, _options.BasePeriod.TotalMilliseconds);
            return;
        }

        try
        {
            if (_stopped)
            {
                return;
            }

            RunTick();
        }
        finally
        {
            _tickGate.Exit();
        }
    }

    private void RunTick()
    {
        var time = Context.Time;
        long now = time.GetTimestamp();
        var sinceStart = time.GetElapsedTime(_startTimestamp, now);
        // The slot this firing belongs to: the latest whose start has passed, allowing a timer
        // on hardware to wake up to a quarter period early. A slot never runs earlier than that,
        // and late firings of slots already run (a catch-up burst) do nothing.
        long earlyTolerance = _options.BasePeriod.Ticks / 4;
        long due = ((sinceStart.Ticks + earlyTolerance) / _options.BasePeriod.Ticks) - 1;
        if (due <= _tick)
        {
            return;
        }

        if (due > _tick + 1)
        {
            long missed = due - (_tick + 1);
            AddSlips(missed);
            Emit(_missedTicks, missed, (sinceStart - (_options.BasePeriod * (_tick + 2))).TotalMilliseconds);
        }

        _tick = due;
        var tickStart = now;
        foreach (var group in GroupOrder)
        {
            int divider = SchedulerOptions.Divider(group);
            if (_tick % divider == 0)
            {
                RunGroup(group, time);
            }
        }

        _ticksRun++;
        _ticks.Write((ulong)_ticksRun);
        _lastTickMs.Write(time.GetElapsedTime(tickStart).TotalMilliseconds);
    }

    private void RunGroup(RateGroupId group, TimeProvider time)
    {
        long start = time.GetTimestamp();
        var cycle = new RateGroupCycle(group, _groupCycles[(int)group]++, _options.Period(group));
        foreach (var component in _members[(int)group])
        {
            if (component.State != ComponentState.Running)
            {
                continue; // skipped in a SAFE boot, or disabled by the health monitor
            }

            try
            {
                component.RunCycle(cycle);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // A failing component must not take the executive down; health sees it stop answering.
                Emit(_componentFault, component.Name, group, $"{ex.GetType().Name}: {ex.Message}");
            }
        }

        var elapsed = time.GetElapsedTime(start);
        if (elapsed > cycle.Period)
        {
            AddSlips(1);
            Emit(_overrun, group, elapsed.TotalMilliseconds, cycle.Period.TotalMilliseconds);
        }
    }

    private void AddSlips(long count)
    {
        Slips += count;
        _slips.Write((uint)Math.Min(Slips, uint.MaxValue));
    }
}
