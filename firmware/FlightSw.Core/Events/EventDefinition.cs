using System.Text.RegularExpressions;

namespace FlightSw.Core.Events;

/// <summary>
/// A kind of event a component can raise: id, name, severity and a message template whose
/// <c>{placeholders}</c> name the structured arguments, in order.
/// </summary>
public sealed partial class EventDefinition
{
    /// <summary>Creates a definition; the template's placeholders become <see cref="ArgumentNames"/>.</summary>
    public EventDefinition(ushort id, string name, EventSeverity severity, string template)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(template);
        Id = id;
        Name = name;
        Severity = severity;
        Template = template;
        ArgumentNames = Placeholder().Matches(template).Select(m => m.Groups[1].Value).ToArray();
    }

    /// <summary>Event id, unique in the node.</summary>
    public ushort Id { get; }

    /// <summary>Event name, unique in the node, for example <c>HEALTH_UNRESPONSIVE</c>.</summary>
    public string Name { get; }

    /// <summary>How much the event matters.</summary>
    public EventSeverity Severity { get; }

    /// <summary>Message template with named placeholders, for example <c>"Mode {from} -> {to}"</c>.</summary>
    public string Template { get; }

    /// <summary>Names of the structured arguments, in template order.</summary>
    public IReadOnlyList<string> ArgumentNames { get; }

    /// <summary>The component that declared the event; set when the component is added to an application.</summary>
    public string Component { get; internal set; } = "";

    /// <summary>A <c>{placeholder}</c> of a template; group 1 is its name.</summary>
    [GeneratedRegex(@"\{([A-Za-z_][A-Za-z0-9_]*)\}")]
    internal static partial Regex Placeholder();
}
