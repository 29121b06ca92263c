using FlightSw.Core.Components;
using FlightSw.Core.Events;
using FlightSw.Core.Scheduling;
using FlightSw.Core.Telemetry;
using FlightSw.Sim.Time;

namespace FlightSw.Core.Tests.Fixtures;

/// <summary>
/// A component that keeps the processor busy: in the cycle numbered <see cref="BusyCycle"/> it
/// consumes <see cref="BusyTime"/> of virtual CPU time, as a slow computation would.
/// </summary>
public sealed class BusyComponent : Component
{
    private readonly VirtualClock _clock;
    private readonly TelemetryChannel<uint> _cycles;
    private readonly EventDefinition _busy;

    /// <summary>Creates the component on the hardware clock whose time it consumes.</summary>
    public BusyComponent(VirtualClock clock, TimeSpan busyTime, long busyCycle)
        : base("busy", 0x2100)
    {
        _clock = clock;
        BusyTime = busyTime;
        BusyCycle = busyCycle;
        _cycles = DeclareChannel<uint>(0, "BUSY_CYCLES", "", "Cycles run");
        _busy = DeclareEvent(0, "BUSY_WORKED", EventSeverity.Diagnostic, "Worked {ms} ms in cycle {index}");
    }

    /// <summary>CPU time consumed in the busy cycle.</summary>
    public TimeSpan BusyTime { get; }

    /// <summary>Index of the cycle that is busy.</summary>
    public long BusyCycle { get; }

    /// <summary>Board times at which each cycle started, in order.</summary>
    public List<TimeSpan> CycleStarts { get; } = [];

    /// <summary>Cycle indices seen, in order.</summary>
    public List<long> CycleIndices { get; } = [];

    /// <inheritdoc />
    protected override void OnCycle(RateGroupCycle cycle)
    {
        CycleStarts.Add(_clock.Elapsed);
        CycleIndices.Add(cycle.Index);
        _cycles.Write(_cycles.Value + 1);
        if (cycle.Index == BusyCycle)
        {
            _clock.Consume(BusyTime);
            Emit(_busy, BusyTime.TotalMilliseconds, cycle.Index);
        }
    }
}
