using FlightSw.Edac.Regions;
using FlightSw.Hal.Memory;

namespace FlightSw.Edac.Tests.Regions;

public class PhysicalBitLayoutTests
{
    [Test]
    public void PhysicalBit_EveryCodewordBit_InverseOfLocate([Values(1, 2, 4, 8)] int depth)
    {
        var layout = new PhysicalBitLayout(wordCount: 24, depth);

        for (int word = 0; word < 24; word++)
        {
            for (int bit = 0; bit < 72; bit++)
            {
                long physical = layout.PhysicalBit(word, bit);
                if (layout.Locate(physical) != new CodewordBit(word, bit))
                {
                    Assert.Fail($"depth {depth}: word {word} bit {bit} -> physical {physical} -> {layout.Locate(physical)}");
                }
            }
        }
    }

    [Test]
    public void Locate_AnyRunOfDepthAdjacentBits_HitsDistinctCodewords([Values(2, 4, 8)] int depth)
    {
        var layout = new PhysicalBitLayout(wordCount: 32, depth);

        for (long start = 0; start + depth <= layout.BitCount; start++)
        {
            var words = new HashSet<long>();
            for (long bit = start; bit < start + depth; bit++)
            {
                words.Add(layout.Locate(bit).Codeword);
            }

            if (words.Count != depth)
            {
                Assert.Fail($"depth {depth}: the run from physical bit {start} hits only {words.Count} codewords");
            }
        }
    }

    [Test]
    public void PhysicalBit_OutOfRange_Throws()
    {
        var layout = new PhysicalBitLayout(wordCount: 8, depth: 2);

        Assert.Multiple(() =>
        {
            Assert.That(() => layout.PhysicalBit(8, 0), Throws.TypeOf<ArgumentOutOfRangeException>());
            Assert.That(() => layout.PhysicalBit(0, 72), Throws.TypeOf<ArgumentOutOfRangeException>());
            Assert.That(() => layout.PhysicalBit(-1, 0), Throws.TypeOf<ArgumentOutOfRangeException>());
        });
    }
}
