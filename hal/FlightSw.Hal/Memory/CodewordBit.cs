namespace FlightSw.Hal.Memory;

/// <summary>
/// Where a physical bit lives logically: codeword <paramref name="Codeword"/> of its memory, bit
/// <paramref name="Bit"/> within it (for a (72,64) ECC word, 0 to 63 are data bits, 64 to 71
/// check bits).
/// </summary>
/// <param name="Codeword">Index of the codeword (the 64-bit word) in its memory.</param>
/// <param name="Bit">Bit within the codeword.</param>
public readonly record struct CodewordBit(long Codeword, int Bit);
