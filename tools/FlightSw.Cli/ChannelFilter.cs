using FlightSw.Link.Dictionary;

namespace FlightSw.Cli;

/// <summary>Which channels <c>flightsw tlm</c> shows: names, or prefixes ending in <c>*</c>, case-insensitive; all when none is given.</summary>
internal sealed class ChannelFilter
{
    private readonly string[] _names;
    private readonly string[] _prefixes;

    private ChannelFilter(string[] patterns)
    {
        _names = patterns.Where(p => !p.EndsWith('*')).ToArray();
        _prefixes = patterns.Where(p => p.EndsWith('*')).Select(p => p[..^1]).ToArray();
        IsEmpty = patterns.Length == 0;
    }

    /// <summary>Whether every channel is shown.</summary>
    public bool IsEmpty { get; }

    /// <summary>The filter of <paramref name="patterns"/>.</summary>
    public static ChannelFilter Of(IReadOnlyList<string> patterns) => new(patterns.Where(p => p.Length > 0).ToArray());

    /// <summary>Whether the channel named <paramref name="name"/> is shown.</summary>
    public bool Shows(string name) =>
        IsEmpty
        || _names.Any(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase))
        || _prefixes.Any(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase));

    /// <summary>Throws <see cref="CliException"/> (bad input) naming every pattern that selects no channel of <paramref name="dictionary"/>.</summary>
    public void RequireMatches(LinkDictionary dictionary)
    {
        var unmatched = _names.Where(n => dictionary.Channels.All(c => !string.Equals(c.Name, n, StringComparison.OrdinalIgnoreCase)))
            .Concat(_prefixes.Where(p => dictionary.Channels.All(c => !c.Name.StartsWith(p, StringComparison.OrdinalIgnoreCase))).Select(p => p + "*"))
            .ToArray();
        if (unmatched.Length > 0)
        {
            throw new CliException(CliExitCodes.BadInput, $"no telemetry channel of {dictionary.NodeName} matches {string.Join(", ", unmatched)} ({dictionary.Channels.Count} channels; `flightsw dict --xtce FILE` lists them)");
        }
    }
}
