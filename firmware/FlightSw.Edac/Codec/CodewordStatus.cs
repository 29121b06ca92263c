namespace FlightSw.Edac.Codec;

/// <summary>What checking a (72,64) codeword found.</summary>
public enum CodewordStatus
{
    /// <summary>The syndrome is zero: no error seen.</summary>
    Ok,

    /// <summary>One bit (data or check) was wrong and has been located; correcting it restores the word.</summary>
    Corrected,

    /// <summary>Two bits (or an even number, or a pattern no column matches) are wrong: detected, not correctable.</summary>
    Uncorrectable,
}
