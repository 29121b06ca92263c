using FlightSw.Edac.Recovery;

namespace FlightSw.Edac.Regions;

/// <summary>
/// How to build an <see cref="EccRegion"/>. Defaults: <see cref="RegionImportance.Normal"/>,
/// no interleaving (depth 1), recovery <see cref="RegionRecovery.Escalate"/>.
/// </summary>
public sealed record EccRegionOptions
{
    /// <summary>The longest name a region may have.</summary>
    public const int MaxNameLength = 64;

    /// <summary>The most words a region may have: its data bytes must fit one .NET array and span.</summary>
    public const int MaxWordCount = 0x7FFFFFC7 / sizeof(ulong);

    /// <summary>The interleave depths a region may have.</summary>
    public static IReadOnlyList<int> AllowedInterleaveDepths { get; } = [1, 2, 4, 8];

    /// <summary>Unique name: 1 to 64 characters of ASCII letters, digits, '.', '_' and '-'.</summary>
    public required string Name { get; init; }

    /// <summary>64-bit data words in the region, at least one.</summary>
    public required int WordCount { get; init; }

    /// <summary>Scrub priority. Default <see cref="RegionImportance.Normal"/>.</summary>
    public RegionImportance Importance { get; init; } = RegionImportance.Normal;

    /// <summary>
    /// Codewords interleaved in the physical array: 1 (none, the default), 2, 4 or 8. A run of up to
    /// this many physically adjacent upset bits then lands in different codewords, each correctable.
    /// <see cref="WordCount"/> must be a multiple of it.
    /// </summary>
    public int InterleaveDepth { get; init; } = 1;

    /// <summary>What to do with uncorrectable words. Default <see cref="RegionRecovery.Escalate"/>.</summary>
    public RegionRecovery Recovery { get; init; } = RegionRecovery.Escalate;

    /// <summary>Checks every rule above.</summary>
    /// <exception cref="ArgumentException">A rule is broken; the message names the region and the rule.</exception>
    public void Validate()
    {
        if (!IsValidName(Name))
        {
            throw new ArgumentException($"ECC region name '{Name}' is not valid: a name is 1 to {MaxNameLength} characters of letters, digits, '.', '_' and '-'.", nameof(Name));
        }

        if (WordCount < 1 || WordCount > MaxWordCount)
        {
            throw new ArgumentException($"ECC region '{Name}' has WordCount {WordCount}; it must be 1 to {MaxWordCount}.", nameof(WordCount));
        }

        if (!AllowedInterleaveDepths.Contains(InterleaveDepth))
        {
            throw new ArgumentException($"ECC region '{Name}' has InterleaveDepth {InterleaveDepth}; it must be 1 (none), 2, 4 or 8.", nameof(InterleaveDepth));
        }

        if (WordCount % InterleaveDepth != 0)
        {
            throw new ArgumentException($"ECC region '{Name}' has WordCount {WordCount}, which is not a multiple of its InterleaveDepth {InterleaveDepth}.", nameof(WordCount));
        }

        if (Recovery is null)
        {
            throw new ArgumentException($"ECC region '{Name}' has no Recovery; use RegionRecovery.Escalate for none.", nameof(Recovery));
        }
    }

    /// <summary>True when <paramref name="name"/> is a valid region name: 1 to <see cref="MaxNameLength"/> ASCII letters, digits, '.', '_' or '-'.</summary>
    public static bool IsValidName(string? name) =>
        !string.IsNullOrEmpty(name)
        && name.Length <= MaxNameLength
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');
}
