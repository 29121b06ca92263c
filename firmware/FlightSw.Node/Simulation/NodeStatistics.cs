using FlightSw.Core.Application;
using FlightSw.Core.Events;

namespace FlightSw.Node.Simulation;

/// <summary>What a run did, summed over every boot: the flight software's counters die with each reset, these do not.</summary>
public sealed class NodeStatistics
{
    private readonly long[] _eventsBySeverity = new long[Enum.GetValues<EventSeverity>().Length];
    private long _endedBootTicks;
    private long _endedBootSlips;

    /// <summary>Base ticks run over all boots.</summary>
    public long Ticks(FlightApplication? running) => _endedBootTicks + (running?.Scheduler.Ticks ?? 0);

    /// <summary>Slips over all boots.</summary>
    public long Slips(FlightApplication? running) => _endedBootSlips + (running?.Scheduler.Slips ?? 0);

    /// <summary>Events raised over all boots with <paramref name="severity"/>.</summary>
    public long EventsOf(EventSeverity severity) => _eventsBySeverity[(int)severity];

    internal void Count(EventRecord record) => _eventsBySeverity[(int)record.Severity]++;

    internal void EndBoot(FlightApplication app)
    {
        _endedBootTicks += app.Scheduler.Ticks;
        _endedBootSlips += app.Scheduler.Slips;
    }
}
