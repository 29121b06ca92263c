using System.Text;
using FlightSw.Core.Telemetry;

namespace FlightSw.Link.Dictionary;

/// <summary>
/// One telemetry channel of the node as the ground sees it. Equality compares every member, the
/// enumeration labels by content and in order.
/// </summary>
/// <param name="Id">Channel id, unique in the node; housekeeping reports carry it.</param>
/// <param name="Name">Channel name, unique in the node, for example <c>BRD_BUS_V</c>.</param>
/// <param name="Component">The component that declared the channel.</param>
/// <param name="Type">Value type, which fixes the value's encoding in a housekeeping report.</param>
/// <param name="Unit">Engineering unit; empty for counts and states.</param>
/// <param name="Description">What the channel measures; empty when not given.</param>
/// <param name="EnumLabels">For an <see cref="TelemetryType.Enumeration"/> channel, each label with its value; empty otherwise.</param>
public sealed record ChannelEntry(
    ushort Id,
    string Name,
    string Component,
    TelemetryType Type,
    string Unit,
    string Description,
    IReadOnlyList<KeyValuePair<string, int>> EnumLabels)
{
    /// <summary>The entry for a declared channel.</summary>
    public static ChannelEntry From(TelemetryChannel channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return new ChannelEntry(channel.Id, channel.Name, channel.Component, channel.Type, channel.Unit, channel.Description, channel.EnumLabels.ToArray());
    }

    /// <summary>The label of <paramref name="value"/> (the first, when aliases share it), or null when the channel has none for it.</summary>
    public string? LabelOf(int value)
    {
        foreach (var label in EnumLabels)
        {
            if (label.Value == value)
            {
                return label.Key;
            }
        }

        return null;
    }

    /// <summary>Whether <paramref name="other"/> has the same members, labels compared in order.</summary>
    public bool Equals(ChannelEntry? other) =>
        other is not null
        && Id == other.Id
        && Name == other.Name
        && Component == other.Component
        && Type == other.Type
        && Unit == other.Unit
        && Description == other.Description
        && ListEquality.Same(EnumLabels, other.EnumLabels);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Name, Component, Type, Unit, Description, ListEquality.Hash(EnumLabels));

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append($"Id = 0x{Id:X4}, Name = {Name}, Component = {Component}, Type = {Type}, Unit = {Unit}, Description = {Description}, EnumLabels = {ListEquality.Show(EnumLabels)}");
        return true;
    }
}
