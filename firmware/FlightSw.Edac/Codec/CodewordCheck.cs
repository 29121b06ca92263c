namespace FlightSw.Edac.Codec;

/// <summary>The result of checking one codeword.</summary>
/// <param name="Status">Ok, Corrected or Uncorrectable.</param>
/// <param name="Syndrome">Recomputed check bits XOR stored check bits; zero when Ok.</param>
/// <param name="Bit">The bit in error when Corrected (0 to 63 data, 64 to 71 check); otherwise -1.</param>
public readonly record struct CodewordCheck(CodewordStatus Status, byte Syndrome, int Bit)
{
    /// <summary>True when the corrected bit was a check bit (the data itself was right).</summary>
    public bool IsCheckBit => Bit >= Hsiao7264.DataBits;
}
