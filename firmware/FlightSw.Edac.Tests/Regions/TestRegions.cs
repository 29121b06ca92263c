using System.Runtime.InteropServices;
using FlightSw.Edac.Recovery;
using FlightSw.Edac.Regions;

namespace FlightSw.Edac.Tests.Regions;

/// <summary>Regions filled with known random words, for the region and recovery tests.</summary>
internal static class TestRegions
{
    public static EccRegion Create(int words, int interleaveDepth = 1, RegionRecovery? recovery = null, string name = "test.region") =>
        new(new EccRegionOptions
        {
            Name = name,
            WordCount = words,
            InterleaveDepth = interleaveDepth,
            Recovery = recovery ?? RegionRecovery.Escalate,
        });

    /// <summary>A region whose words are <paramref name="words"/> random values, and those values.</summary>
    public static (EccRegion Region, ulong[] Expected) Filled(int words, int interleaveDepth = 1, RegionRecovery? recovery = null, int seed = 1)
    {
        var region = Create(words, interleaveDepth, recovery);
        var expected = RandomWords(words, seed);
        for (int index = 0; index < words; index++)
        {
            region.WriteWord(index, expected[index]);
        }

        return (region, expected);
    }

    public static ulong[] RandomWords(int count, int seed)
    {
        var words = new ulong[count];
        new Random(seed).NextBytes(MemoryMarshal.AsBytes(words.AsSpan()));
        return words;
    }

    /// <summary>The data bytes of <paramref name="words"/> in logical order.</summary>
    public static byte[] Bytes(ulong[] words) => [.. MemoryMarshal.AsBytes(words.AsSpan())];

    /// <summary>Flips bit <paramref name="bit"/> (0 to 71) of codeword <paramref name="word"/> through the physical layout.</summary>
    public static void FlipCodewordBit(this EccRegion region, int word, int bit) => region.FlipBit(region.PhysicalBitOf(word, bit));

    /// <summary>Every word, read with correction.</summary>
    public static ulong[] ReadAll(this EccRegion region) =>
        [.. Enumerable.Range(0, region.WordCount).Select(region.ReadWord)];
}
