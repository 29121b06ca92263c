using System.Globalization;

namespace FlightSw.Campaigns.Running;

/// <summary>
/// A deterministic slice of a campaign: shard <see cref="Index"/> of <see cref="Count"/> (1-based,
/// as <c>--shard K/N</c> writes it) holds the trials whose number is <c>K - 1</c> modulo N, so
/// every shard gets a share of every variant.
/// </summary>
/// <param name="Index">The shard, 1 to <paramref name="Count"/>.</param>
/// <param name="Count">How many shards the campaign is cut into.</param>
public sealed record ShardSpec(int Index, int Count)
{
    /// <summary>The whole campaign.</summary>
    public static ShardSpec Whole { get; } = new(1, 1);

    /// <summary>True for the whole campaign.</summary>
    public bool IsWhole => Count == 1;

    /// <summary>True when trial <paramref name="trial"/> belongs to this shard.</summary>
    public bool Holds(long trial) => trial % Count == Index - 1;

    /// <summary>How many of <paramref name="total"/> trials this shard holds.</summary>
    public long CountOf(long total) => (total / Count) + ((total % Count) > Index - 1 ? 1 : 0);

    /// <summary>Parses <c>K/N</c> (1 ≤ K ≤ N ≤ 100,000).</summary>
    /// <exception cref="FormatException">The text is not K/N with 1 ≤ K ≤ N.</exception>
    public static ShardSpec Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int index)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int count)
            && count is >= 1 and <= 100_000 && index >= 1 && index <= count)
        {
            return new ShardSpec(index, count);
        }

        throw new FormatException($"'{text}' is not a shard: give K/N with 1 <= K <= N <= 100000 (for example 2/3)");
    }

    /// <inheritdoc />
    public override string ToString() => $"{Index}/{Count}";
}
