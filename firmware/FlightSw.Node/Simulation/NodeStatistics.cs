using FlightSw.Core.Application;
using FlightSw.Core.Events;

namespace FlightSw.Node.Simulation;

/// <summary>What a run did, summed over every boot: the flight software's counters die with each reset, these do not.</summary>
public sealed class NodeStatistics
{
    private readonly long[] _eventsBySeverity = new long[Enum.GetValues<EventSeverity>().Length];
    private long _endedBootTicks;
    private long _endedBootSlips;
    private InferenceSummary? _endedBootInference;

    /// <summary>Base ticks run over all boots.</summary>
    public long Ticks(FlightApplication? running) => _endedBootTicks + (running?.Scheduler.Ticks ?? 0);

    /// <summary>Slips over all boots.</summary>
    public long Slips(FlightApplication? running) => _endedBootSlips + (running?.Scheduler.Slips ?? 0);

    /// <summary>What the inference job did over all boots; null when no boot had one.</summary>
    public InferenceSummary? Inference(FlightApplication? running)
    {
        var current = InferenceSummary.Of(running);
        return _endedBootInference is null ? current : current is null ? _endedBootInference : _endedBootInference.Plus(current);
    }

    /// <summary>Events raised over all boots with <paramref name="severity"/>.</summary>
    public long EventsOf(EventSeverity severity) => _eventsBySeverity[(int)severity];

    internal void Count(EventRecord record) => _eventsBySeverity[(int)record.Severity]++;

    internal void EndBoot(FlightApplication app)
    {
        _endedBootTicks += app.Scheduler.Ticks;
        _endedBootSlips += app.Scheduler.Slips;
        if (InferenceSummary.Of(app) is { } inference)
        {
            _endedBootInference = (_endedBootInference ?? InferenceSummary.Zero).Plus(inference);
        }
    }
}
