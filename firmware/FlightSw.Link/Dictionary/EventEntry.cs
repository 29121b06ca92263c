using System.Text;
using FlightSw.Core.Events;

namespace FlightSw.Link.Dictionary;

/// <summary>
/// One kind of event the node can raise, as the ground sees it. Equality compares every member,
/// the argument names by content and in order.
/// </summary>
/// <param name="Id">Event id, unique in the node.</param>
/// <param name="Name">Event name, unique in the node, for example <c>HEALTH_UNRESPONSIVE</c>.</param>
/// <param name="Component">The component that declared the event.</param>
/// <param name="Severity">How much the event matters.</param>
/// <param name="Template">Message template with named <c>{placeholders}</c>.</param>
/// <param name="ArgumentNames">Names of the structured arguments, in template order.</param>
public sealed record EventEntry(
    ushort Id,
    string Name,
    string Component,
    EventSeverity Severity,
    string Template,
    IReadOnlyList<string> ArgumentNames)
{
    /// <summary>The entry for a declared event.</summary>
    public static EventEntry From(EventDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return new EventEntry(definition.Id, definition.Name, definition.Component, definition.Severity, definition.Template, definition.ArgumentNames.ToArray());
    }

    /// <summary>Whether <paramref name="other"/> has the same members, argument names compared in order.</summary>
    public bool Equals(EventEntry? other) =>
        other is not null
        && Id == other.Id
        && Name == other.Name
        && Component == other.Component
        && Severity == other.Severity
        && Template == other.Template
        && ListEquality.Same(ArgumentNames, other.ArgumentNames);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Name, Component, Severity, Template, ListEquality.Hash(ArgumentNames));

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append($"Id = 0x{Id:X4}, Name = {Name}, Component = {Component}, Severity = {Severity}, Template = {Template}, ArgumentNames = {ListEquality.Show(ArgumentNames)}");
        return true;
    }
}
