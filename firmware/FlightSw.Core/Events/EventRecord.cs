namespace FlightSw.Core.Events;

/// <summary>One raised event, as kept in the ring and sent to the ground.</summary>
/// <param name="Sequence">Position in the node's event stream since boot, from 1.</param>
/// <param name="Time">When it was raised, on the board's clock.</param>
/// <param name="Id">Event id.</param>
/// <param name="Name">Event name.</param>
/// <param name="Severity">How much it matters.</param>
/// <param name="Component">The component that raised it.</param>
/// <param name="Arguments">Structured arguments, by name, in template order.</param>
/// <param name="Message">The template with its arguments filled in.</param>
public sealed record EventRecord(
    ulong Sequence,
    DateTimeOffset Time,
    ushort Id,
    string Name,
    EventSeverity Severity,
    string Component,
    IReadOnlyList<KeyValuePair<string, object?>> Arguments,
    string Message)
{
    /// <summary>The argument named <paramref name="name"/>; throws <see cref="KeyNotFoundException"/> when absent.</summary>
    public object? this[string name]
    {
        get
        {
            foreach (var pair in Arguments)
            {
                if (pair.Key == name)
                {
                    return pair.Value;
                }
            }

            throw new KeyNotFoundException($"Event {Name} has no argument '{name}'.");
        }
    }
}
