namespace FlightSw.Edac.Regions;

/// <summary>What one <see cref="EccRegion.Scrub"/> of a word range found.</summary>
/// <param name="WordsChecked">Words in the range.</param>
/// <param name="CorrectedWords">Words with one wrong bit, now corrected in place.</param>
/// <param name="CorrectedCheckBits">Of those, the words whose wrong bit was a check bit.</param>
/// <param name="UncorrectableWords">Logical indices of words found uncorrectable, ascending; for the region's recovery.</param>
public readonly record struct RegionScrubResult(int WordsChecked, int CorrectedWords, int CorrectedCheckBits, IReadOnlyList<int> UncorrectableWords)
{
    /// <summary>The shared empty list of a scrub that found nothing uncorrectable.</summary>
    public static IReadOnlyList<int> NoWords { get; } = [];

    /// <summary>True when the scrub found no uncorrectable word.</summary>
    public bool IsClean => UncorrectableWords.Count == 0;
}
