using System.Text;
using FlightSw.Core.Commands;

namespace FlightSw.Link.Dictionary;

/// <summary>
/// One command of the node as the ground sees it. Equality compares every member, the arguments
/// by content and in order.
/// </summary>
/// <param name="Opcode">Opcode, unique in the node (the link carries the name, not the opcode).</param>
/// <param name="Name">Command name, unique in the node regardless of case, for example <c>MODE_SET</c>.</param>
/// <param name="Component">The component that declared the command.</param>
/// <param name="Description">What the command does; empty when not given.</param>
/// <param name="Arguments">The arguments, in order.</param>
public sealed record CommandEntry(
    ushort Opcode,
    string Name,
    string Component,
    string Description,
    IReadOnlyList<ArgumentEntry> Arguments)
{
    /// <summary>The entry for a declared command.</summary>
    public static CommandEntry From(CommandDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return new CommandEntry(
            definition.Opcode,
            definition.Name,
            definition.Component,
            definition.Description,
            definition.Arguments.Select(ArgumentEntry.From).ToArray());
    }

    /// <summary>Whether <paramref name="other"/> has the same members, arguments compared in order.</summary>
    public bool Equals(CommandEntry? other) =>
        other is not null
        && Opcode == other.Opcode
        && Name == other.Name
        && Component == other.Component
        && Description == other.Description
        && ListEquality.Same(Arguments, other.Arguments);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Opcode, Name, Component, Description, ListEquality.Hash(Arguments));

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append($"Opcode = 0x{Opcode:X4}, Name = {Name}, Component = {Component}, Description = {Description}, Arguments = {ListEquality.Show(Arguments)}");
        return true;
    }
}
