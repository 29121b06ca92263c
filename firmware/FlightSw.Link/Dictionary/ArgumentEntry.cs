using System.Text;
using FlightSw.Core.Commands;

namespace FlightSw.Link.Dictionary;

/// <summary>
/// One argument of a command as the ground sees it. Equality compares every member, the list of
/// enumeration names by content.
/// </summary>
/// <param name="Name">Argument name, for example <c>mode</c>.</param>
/// <param name="Type">Argument type.</param>
/// <param name="Description">What the argument means; empty when not given.</param>
/// <param name="Min">Smallest numeric value the node accepts; null when unbounded or not numeric.</param>
/// <param name="Max">Largest numeric value the node accepts; null when unbounded or not numeric.</param>
/// <param name="MaxLength">Longest text accepted, for a <see cref="CommandArgumentType.String"/> argument; null for every other type.</param>
/// <param name="EnumNames">The names an <see cref="CommandArgumentType.Enumeration"/> argument accepts, in order; empty for every other type.</param>
public sealed record ArgumentEntry(
    string Name,
    CommandArgumentType Type,
    string Description,
    double? Min,
    double? Max,
    int? MaxLength,
    IReadOnlyList<string> EnumNames)
{
    /// <summary>The entry for a declared argument.</summary>
    public static ArgumentEntry From(CommandArgumentDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return new ArgumentEntry(
            definition.Name,
            definition.Type,
            definition.Description ?? "",
            definition.Min,
            definition.Max,
            definition.Type == CommandArgumentType.String ? definition.MaxLength : null,
            definition.EnumNames.ToArray());
    }

    /// <summary>Whether <paramref name="other"/> has the same members, enumeration names compared in order.</summary>
    public bool Equals(ArgumentEntry? other) =>
        other is not null
        && Name == other.Name
        && Type == other.Type
        && Description == other.Description
        && Min == other.Min
        && Max == other.Max
        && MaxLength == other.MaxLength
        && ListEquality.Same(EnumNames, other.EnumNames);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, Type, Description, Min, Max, MaxLength, ListEquality.Hash(EnumNames));

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append($"Name = {Name}, Type = {Type}, Description = {Description}, Min = {Min}, Max = {Max}, MaxLength = {MaxLength}, EnumNames = {ListEquality.Show(EnumNames)}");
        return true;
    }
}
