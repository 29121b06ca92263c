using System.Collections;
using FlightSw.Hal.Memory;

namespace FlightSw.Sim.Tests.Faults;

/// <summary>An upset target over a plain bit array: 72 physical bits per codeword, in order.</summary>
internal sealed class BitArrayTarget : IUpsetTarget
{
    public const int BitsPerCodeword = 72;

    public BitArrayTarget(string name, int bitCount)
    {
        Name = name;
        Bits = new BitArray(bitCount);
    }

    public string Name { get; }

    public long BitCount => Bits.Length;

    /// <summary>The memory's bits; an upset inverts them.</summary>
    public BitArray Bits { get; }

    /// <summary>How many times any bit was flipped.</summary>
    public long Flips { get; private set; }

    public void FlipBit(long physicalBit)
    {
        int bit = checked((int)physicalBit);
        Bits[bit] = !Bits[bit];
        Flips++;
    }

    public CodewordBit Locate(long physicalBit) => new(physicalBit / BitsPerCodeword, (int)(physicalBit % BitsPerCodeword));

    public long PhysicalBitOf(CodewordBit location) => location.Codeword * BitsPerCodeword + location.Bit;

    /// <summary>The indices of the bits that are set.</summary>
    public IEnumerable<long> SetBits() => Enumerable.Range(0, Bits.Length).Where(i => Bits[i]).Select(i => (long)i);
}
