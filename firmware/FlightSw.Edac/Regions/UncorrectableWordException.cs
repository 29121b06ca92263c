namespace FlightSw.Edac.Regions;

/// <summary>A correcting read met a word with more wrong bits than the code can correct.</summary>
public sealed class UncorrectableWordException : Exception
{
    /// <summary>Creates the exception for word <paramref name="wordIndex"/> of region <paramref name="region"/>.</summary>
    /// <param name="region">The region's name.</param>
    /// <param name="wordIndex">The logical word index.</param>
    public UncorrectableWordException(string region, int wordIndex)
        : base($"Word {wordIndex} of ECC region '{region}' is uncorrectable (two or more bits wrong); its region's recovery must restore it.")
    {
        Region = region;
        WordIndex = wordIndex;
    }

    /// <summary>The name of the region.</summary>
    public string Region { get; }

    /// <summary>The logical index of the uncorrectable word.</summary>
    public int WordIndex { get; }
}
