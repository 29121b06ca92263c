using System.Globalization;

namespace FlightSw.Campaigns.Running;

/// <summary>
/// A deterministic slice of a campaign: shard <see cref="Index"/> of <see cref="Count"/> (1-based,
/// as <c>--shard K/N</c> writes it) holds the trials whose number is <c>K - 1</c> modulo N, so
/// every shard gets a share of every variant.
/// </summary>
public sealed record ShardSpec
{
    /// <summary>The most shards a campaign is cut into.</summary>
    public const int MaxCount = 100_000;

    /// <summary>Shard <paramref name="index"/> of <paramref name="count"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not 1 ≤ <paramref name="index"/> ≤ <paramref name="count"/> ≤ <see cref="MaxCount"/>.</exception>
    public ShardSpec(int index, int count)
    {
        if (count is < 1 or > MaxCount || index < 1 || index > count)
        {
            throw new ArgumentOutOfRangeException(nameof(index), $"Shard {index}/{count} does not exist: give K/N with 1 <= K <= N <= {MaxCount}.");
        }

        Index = index;
        Count = count;
    }

    /// <summary>The shard, 1 to <see cref="Count"/>.</summary>
    public int Index { get; }

    /// <summary>How many shards the campaign is cut into.</summary>
    public int Count { get; }

    /// <summary>The whole campaign.</summary>
    public static ShardSpec Whole { get; } = new(1, 1);

    /// <summary>True for the whole campaign.</summary>
    public bool IsWhole => Count == 1;

    /// <summary>True when trial <paramref name="trial"/> belongs to this shard.</summary>
    public bool Holds(long trial) => trial % Count == Index - 1;

    /// <summary>How many of <paramref name="total"/> trials this shard holds.</summary>
    public long CountOf(long total) => (total / Count) + ((total % Count) > Index - 1 ? 1 : 0);

    /// <summary>Parses <c>K/N</c> (1 ≤ K ≤ N ≤ <see cref="MaxCount"/>).</summary>
    /// <exception cref="FormatException">The text is not K/N with 1 ≤ K ≤ N.</exception>
    public static ShardSpec Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int index)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int count)
            && count is >= 1 and <= MaxCount && index >= 1 && index <= count)
        {
            return new ShardSpec(index, count);
        }

        throw new FormatException($"'{text}' is not a shard: give K/N with 1 <= K <= N <= 100000 (for example 2/3)");
    }

    /// <inheritdoc />
    public override string ToString() => $"{Index}/{Count}";
}
