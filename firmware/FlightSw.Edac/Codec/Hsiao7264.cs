using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace FlightSw.Edac.Codec;

/// <summary>
/// The Hsiao (72,64) single-error-correcting, double-error-detecting code, word at a time: eight
/// check bits protect a 64-bit word. Any one wrong bit of the 72 is located and corrected; any
/// two are detected (the syndrome of two odd-weight columns has even weight, and no column has).
/// Bulk work over buffers goes through an <see cref="Kernels.EccKernel"/>.
/// </summary>
public static class Hsiao7264
{
    /// <summary>Data bits in a codeword.</summary>
    public const int DataBits = HsiaoMatrix.DataBits;

    /// <summary>Check bits in a codeword.</summary>
    public const int CheckBits = HsiaoMatrix.CheckBits;

    /// <summary>Bits in a codeword, data and check.</summary>
    public const int CodewordBits = DataBits + CheckBits;

    /// <summary>The eight check bits of <paramref name="data"/>: bit r is the parity of row r.</summary>
    public static byte Encode(ulong data)
    {
        ref byte table = ref MemoryMarshal.GetArrayDataReference(HsiaoMatrix.ByteContributions);
        return (byte)(
            Unsafe.Add(ref table, (int)(data & 0xFF))
            ^ Unsafe.Add(ref table, 256 + (int)(data >> 8 & 0xFF))
            ^ Unsafe.Add(ref table, 512 + (int)(data >> 16 & 0xFF))
            ^ Unsafe.Add(ref table, 768 + (int)(data >> 24 & 0xFF))
            ^ Unsafe.Add(ref table, 1024 + (int)(data >> 32 & 0xFF))
            ^ Unsafe.Add(ref table, 1280 + (int)(data >> 40 & 0xFF))
            ^ Unsafe.Add(ref table, 1536 + (int)(data >> 48 & 0xFF))
            ^ Unsafe.Add(ref table, 1792 + (int)(data >> 56)));
    }

    /// <summary>The syndrome of a stored word: recomputed check bits XOR the stored ones.</summary>
    public static byte Syndrome(ulong data, byte check) => (byte)(Encode(data) ^ check);

    /// <summary>Checks <paramref name="data"/> against its stored <paramref name="check"/> bits without changing them.</summary>
    public static CodewordCheck Check(ulong data, byte check) => Decode(Syndrome(data, check));

    /// <summary>What a syndrome means: Ok, the single bit it points at, or Uncorrectable.</summary>
    public static CodewordCheck Decode(byte syndrome)
    {
        if (syndrome == 0)
        {
            return new CodewordCheck(CodewordStatus.Ok, 0, -1);
        }

        int bit = HsiaoMatrix.SyndromeToBit[syndrome];
        return bit < 0
            ? new CodewordCheck(CodewordStatus.Uncorrectable, syndrome, -1)
            : new CodewordCheck(CodewordStatus.Corrected, syndrome, bit);
    }

    /// <summary>
    /// Checks a stored word and, when one bit is wrong, corrects it in place (data or check).
    /// An uncorrectable word is left as it is, for its region's recovery action.
    /// </summary>
    public static CodewordCheck Correct(ref ulong data, ref byte check)
    {
        var result = Check(data, check);
        if (result.Status == CodewordStatus.Corrected)
        {
            if (result.IsCheckBit)
            {
                check ^= (byte)(1 << (result.Bit - DataBits));
            }
            else
            {
                data ^= 1UL << result.Bit;
            }
        }

        return result;
    }

    /// <summary>The 8-bit parity-check column of codeword bit <paramref name="bit"/> (0 to 71).</summary>
    public static byte Column(int bit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bit);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(bit, CodewordBits);
        return HsiaoMatrix.Columns[bit];
    }
}
