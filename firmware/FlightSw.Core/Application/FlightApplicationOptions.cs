using FlightSw.Core.Commands;
using FlightSw.Core.Events;
using FlightSw.Core.Scheduling;

namespace FlightSw.Core.Application;

/// <summary>Framework settings of a flight application. The defaults live here and in the types they name.</summary>
public sealed record FlightApplicationOptions
{
    /// <summary>Scheduler timing; <see cref="SchedulerOptions"/> defaults (10 Hz base tick).</summary>
    public SchedulerOptions Scheduler { get; init; } = new();

    /// <summary>Events kept for downlink; default <see cref="EventLog.DefaultCapacity"/>.</summary>
    public int EventCapacity { get; init; } = EventLog.DefaultCapacity;

    /// <summary>Commands that may wait for the dispatcher; default <see cref="CommandDispatcher.DefaultQueueCapacity"/>.</summary>
    public int CommandQueueCapacity { get; init; } = CommandDispatcher.DefaultQueueCapacity;
}
