namespace FlightSw.Inference.Faults;

/// <summary>
/// What an upset does to the 32 bits of a float: bits in <see cref="Clear"/> are cleared, then
/// bits in <see cref="Set"/> set, then bits in <see cref="Flip"/> inverted. A single-bit upset
/// flips one bit, an adjacent multi-bit upset several, a stuck-at cell sets or clears one, and a
/// random value clears all and sets the new value's bits.
/// </summary>
/// <param name="Flip">Bits inverted.</param>
/// <param name="Set">Bits forced to 1.</param>
/// <param name="Clear">Bits forced to 0.</param>
public readonly record struct BitChange(uint Flip, uint Set, uint Clear)
{
    /// <summary>A flip of bit <paramref name="bit"/> (0 to 31).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bit"/> is outside 0 to 31.</exception>
    public static BitChange FlipBit(int bit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bit);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bit, 31);
        return new BitChange(1u << bit, 0, 0);
    }

    /// <summary>The bits after the change.</summary>
    public uint Apply(uint bits) => ((bits & ~Clear) | Set) ^ Flip;

    /// <summary>The float after the change.</summary>
    public float Apply(float value) => BitConverter.UInt32BitsToSingle(Apply(BitConverter.SingleToUInt32Bits(value)));
}
