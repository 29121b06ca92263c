using System.Security.Cryptography;
using FlightSw.Core.Application;
using FlightSw.Core.Components;

namespace FlightSw.Link.Dictionary;

/// <summary>
/// The node's command and telemetry dictionary: every command with its arguments, every telemetry
/// channel with its type, every event. Immutable; commands are kept sorted by opcode, channels and
/// events by id, so equal content gives an equal dictionary and the same XTCE document bytes
/// (<see cref="XtceWriter"/>). Equality compares every entry by content.
/// </summary>
public sealed class LinkDictionary : IEquatable<LinkDictionary>
{
    private readonly Dictionary<string, CommandEntry> _commandsByName = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<ushort, ChannelEntry> _channelsById = [];
    private readonly Dictionary<string, ChannelEntry> _channelsByName = new(StringComparer.Ordinal);
    private readonly Dictionary<ushort, EventEntry> _eventsById = [];
    private byte[]? _sha256;

    /// <summary>
    /// Creates a dictionary. Throws <see cref="ArgumentException"/> naming the clash when two
    /// commands share an opcode or a name (names compare regardless of case, as the dispatcher
    /// does), or two channels or two events share an id or a name.
    /// </summary>
    public LinkDictionary(string nodeName, IEnumerable<CommandEntry> commands, IEnumerable<ChannelEntry> channels, IEnumerable<EventEntry> events)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nodeName);
        ArgumentNullException.ThrowIfNull(commands);
        ArgumentNullException.ThrowIfNull(channels);
        ArgumentNullException.ThrowIfNull(events);
        NodeName = nodeName;
        Commands = commands.OrderBy(c => c.Opcode).ThenBy(c => c.Name, StringComparer.Ordinal).ToArray();
        Channels = channels.OrderBy(c => c.Id).ThenBy(c => c.Name, StringComparer.Ordinal).ToArray();
        Events = events.OrderBy(e => e.Id).ThenBy(e => e.Name, StringComparer.Ordinal).ToArray();

        var opcodes = new HashSet<ushort>();
        foreach (var command in Commands)
        {
            if (!opcodes.Add(command.Opcode) || !_commandsByName.TryAdd(command.Name, command))
            {
                throw new ArgumentException($"Command {command.Name} (opcode 0x{command.Opcode:X4}) clashes with another command of the same opcode or name.", nameof(commands));
            }
        }

        foreach (var channel in Channels)
        {
            if (!_channelsById.TryAdd(channel.Id, channel) || !_channelsByName.TryAdd(channel.Name, channel))
            {
                throw new ArgumentException($"Channel {channel.Name} (id 0x{channel.Id:X4}) clashes with another channel of the same id or name.", nameof(channels));
            }
        }

        var eventNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in Events)
        {
            if (!_eventsById.TryAdd(entry.Id, entry) || !eventNames.Add(entry.Name))
            {
                throw new ArgumentException($"Event {entry.Name} (id 0x{entry.Id:X4}) clashes with another event of the same id or name.", nameof(events));
            }
        }
    }

    /// <summary>The node's name; the XTCE document's root space system.</summary>
    public string NodeName { get; }

    /// <summary>Every command, by ascending opcode.</summary>
    public IReadOnlyList<CommandEntry> Commands { get; }

    /// <summary>Every telemetry channel, by ascending id.</summary>
    public IReadOnlyList<ChannelEntry> Channels { get; }

    /// <summary>Every event, by ascending id.</summary>
    public IReadOnlyList<EventEntry> Events { get; }

    /// <summary>
    /// The dictionary of <paramref name="app"/>: the declarations of every component, the
    /// framework's included (the health monitor too, which the application adds only at start),
    /// so the result is the same before and after <see cref="FlightApplication.Start"/>.
    /// </summary>
    public static LinkDictionary From(FlightApplication app, string nodeName)
    {
        ArgumentNullException.ThrowIfNull(app);
        var components = new List<Component>(app.Components);
        if (!components.Contains(app.Health))
        {
            components.Add(app.Health);
        }

        return new LinkDictionary(
            nodeName,
            components.SelectMany(c => c.Commands).Select(CommandEntry.From),
            components.SelectMany(c => c.Channels).Select(ChannelEntry.From),
            components.SelectMany(c => c.Events).Select(EventEntry.From));
    }

    /// <summary>The command named <paramref name="name"/> (regardless of case, as the node dispatches), or null.</summary>
    public CommandEntry? FindCommand(string name) => _commandsByName.GetValueOrDefault(name);

    /// <summary>The channel with id <paramref name="id"/>, or null.</summary>
    public ChannelEntry? FindChannel(ushort id) => _channelsById.GetValueOrDefault(id);

    /// <summary>The channel named <paramref name="name"/> (exact case), or null.</summary>
    public ChannelEntry? FindChannel(string name) => _channelsByName.GetValueOrDefault(name);

    /// <summary>The event with id <paramref name="id"/>, or null.</summary>
    public EventEntry? FindEvent(ushort id) => _eventsById.GetValueOrDefault(id);

    /// <summary>
    /// SHA-256 of the dictionary's XTCE document (the bytes <see cref="XtceWriter.Write"/> gives),
    /// which the link hello carries so the ground can tell whether its copy is current. A fresh
    /// copy on every call.
    /// </summary>
    public byte[] Sha256()
    {
        _sha256 ??= SHA256.HashData(XtceWriter.ToBytes(this));
        return (byte[])_sha256.Clone();
    }

    /// <summary>
    /// What differs between this dictionary and <paramref name="other"/>, one line per entry
    /// missing from either side or changed; empty when they are equal. For test and operator
    /// messages.
    /// </summary>
    public IReadOnlyList<string> DifferencesFrom(LinkDictionary other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var lines = new List<string>();
        if (NodeName != other.NodeName)
        {
            lines.Add($"node name: {NodeName} vs {other.NodeName}");
        }

        Compare("command", Commands, other.Commands, c => c.Name, lines);
        Compare("channel", Channels, other.Channels, c => c.Name, lines);
        Compare("event", Events, other.Events, e => e.Name, lines);
        return lines;
    }

    /// <inheritdoc />
    public bool Equals(LinkDictionary? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (NodeName == other.NodeName
                && ListEquality.Same(Commands, other.Commands)
                && ListEquality.Same(Channels, other.Channels)
                && ListEquality.Same(Events, other.Events)));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as LinkDictionary);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(NodeName, ListEquality.Hash(Commands), ListEquality.Hash(Channels), ListEquality.Hash(Events));

    /// <inheritdoc />
    public override string ToString() => $"LinkDictionary {NodeName}: {Commands.Count} commands, {Channels.Count} channels, {Events.Count} events";

    private static void Compare<T>(string kind, IReadOnlyList<T> mine, IReadOnlyList<T> theirs, Func<T, string> nameOf, List<string> lines)
        where T : IEquatable<T>
    {
        var theirsByName = theirs.ToDictionary(nameOf, StringComparer.Ordinal);
        foreach (var entry in mine)
        {
            if (!theirsByName.TryGetValue(nameOf(entry), out var other))
            {
                lines.Add($"{kind} {nameOf(entry)} only in the first: {entry}");
            }
            else if (!entry.Equals(other))
            {
                lines.Add($"{kind} {nameOf(entry)} differs: {entry} vs {other}");
            }
        }

        var mineNames = mine.Select(nameOf).ToHashSet(StringComparer.Ordinal);
        foreach (var entry in theirs.Where(e => !mineNames.Contains(nameOf(e))))
        {
            lines.Add($"{kind} {nameOf(entry)} only in the second: {entry}");
        }
    }
}
