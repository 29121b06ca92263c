using FlightSw.Edac.Codec;
using FlightSw.Hal.Memory;

namespace FlightSw.Edac.Regions;

/// <summary>
/// How a region's physical bits map to its codewords. Data bits come first, [0, 64W), then check
/// bits, [64W, 72W). With interleave depth D, each area is cut into blocks of D codewords; within a
/// block, physical bit i belongs to codeword i % D, bit i / D, so D physically adjacent bits hit D
/// different codewords. Depth 1 is the plain layout: word p / 64, bit p % 64.
/// </summary>
internal readonly struct PhysicalBitLayout
{
    private const int DataBits = Hsiao7264.DataBits;
    private const int CheckBits = Hsiao7264.CheckBits;

    private readonly int _wordCount;
    private readonly int _depth;

    /// <summary>The layout of <paramref name="wordCount"/> codewords (a multiple of <paramref name="depth"/>).</summary>
    public PhysicalBitLayout(int wordCount, int depth)
    {
        _wordCount = wordCount;
        _depth = depth;
    }

    /// <summary>Physical bits: 72 per codeword.</summary>
    public long BitCount => (long)Hsiao7264.CodewordBits * _wordCount;

    private long DataAreaBits => (long)DataBits * _wordCount;

    /// <summary>The codeword and bit (0 to 71) that physical bit <paramref name="physicalBit"/> is.</summary>
    public CodewordBit Locate(long physicalBit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(physicalBit);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(physicalBit, BitCount);
        return physicalBit < DataAreaBits
            ? Locate(physicalBit, DataBits, firstBit: 0)
            : Locate(physicalBit - DataAreaBits, CheckBits, firstBit: DataBits);
    }

    /// <summary>The physical bit of bit <paramref name="bit"/> (0 to 71) of codeword <paramref name="word"/>; the inverse of <see cref="Locate(long)"/>.</summary>
    public long PhysicalBit(int word, int bit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(word);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(word, _wordCount);
        ArgumentOutOfRangeException.ThrowIfNegative(bit);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(bit, Hsiao7264.CodewordBits);
        return bit < DataBits
            ? PhysicalBit(word, bit, DataBits)
            : DataAreaBits + PhysicalBit(word, bit - DataBits, CheckBits);
    }

    private CodewordBit Locate(long areaBit, int bitsPerWord, int firstBit)
    {
        long blockBits = (long)bitsPerWord * _depth;
        long block = areaBit / blockBits;
        int within = (int)(areaBit % blockBits);
        return new CodewordBit(block * _depth + within % _depth, firstBit + within / _depth);
    }

    private long PhysicalBit(int word, int areaBit, int bitsPerWord)
    {
        long block = word / _depth;
        return block * bitsPerWord * _depth + (long)areaBit * _depth + word % _depth;
    }
}
