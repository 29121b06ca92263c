using System.Runtime.InteropServices;
using FlightSw.Edac.Regions;

namespace FlightSw.Edac.Tests.Regions;

public class EccViewTests
{
    [Test]
    public void Indexer_Floats_RoundTripAndCountCoversRegion()
    {
        var region = TestRegions.Create(8);
        var view = region.View<float>();

        for (int index = 0; index < view.Count; index++)
        {
            view[index] = index * 0.5f - 3.25f;
        }

        Assert.Multiple(() =>
        {
            Assert.That(view.Count, Is.EqualTo(16));
            Assert.That(Enumerable.Range(0, 16).Select(index => view[index]), Is.EqualTo(Enumerable.Range(0, 16).Select(index => index * 0.5f - 3.25f)));
            Assert.That(region.Raw<float>().ToArray(), Is.EqualTo(Enumerable.Range(0, 16).Select(index => index * 0.5f - 3.25f)), "contiguous in the byte stream");
            Assert.That(region.Scrub(0, 8).CorrectedWords + region.UncorrectableWords, Is.Zero, "writes re-encode");
        });
    }

    [Test]
    public void Indexer_FloatUnderSingleBitError_CorrectedAndCounted()
    {
        var region = TestRegions.Create(8);
        var view = region.View<float>();
        view[7] = 1.5f;
        region.FlipCodewordBit(3, 62);

        Assert.Multiple(() =>
        {
            Assert.That(view[7], Is.EqualTo(1.5f));
            Assert.That(region.CorrectedWords, Is.EqualTo(1));
        });
    }

    [Test]
    public void Indexer_IntUnderDoubleBitError_GetThrowsForThatWord()
    {
        var region = TestRegions.Create(8);
        var view = region.View<int>();
        view[10] = -42;
        region.FlipCodewordBit(5, 0);
        region.FlipCodewordBit(5, 64);

        Assert.Multiple(() =>
        {
            Assert.That(view[9], Is.Zero, "word 4 is clean");
            Assert.That(() => view[10], Throws.TypeOf<UncorrectableWordException>().With.Property(nameof(UncorrectableWordException.WordIndex)).EqualTo(5));
        });
    }

    [Test]
    public void Indexer_StructStraddlingWords_RoundTripsAndCorrectsBothWords()
    {
        var region = TestRegions.Create(8);
        var view = region.View<Sample>();
        var first = new Sample(1, 2.5f, -3);
        var second = new Sample(40, -0.125f, 600);
        view[0] = first;
        view[1] = second;
        region.FlipCodewordBit(1, 40);
        region.FlipCodewordBit(2, 3);

        Assert.Multiple(() =>
        {
            Assert.That(view.Count, Is.EqualTo(5));
            Assert.That(view[1], Is.EqualTo(second), "bytes 12 to 23: words 1 and 2");
            Assert.That(view[0], Is.EqualTo(first));
            Assert.That(region.CorrectedWords, Is.EqualTo(2));
        });
    }

    [Test]
    public void IndexerSet_SingleBitErrorInSharedWord_CorrectedBeforeReencoding()
    {
        var region = TestRegions.Create(8);
        var view = region.View<Sample>();
        var first = new Sample(7, 8f, 9);
        view[0] = first;
        region.FlipCodewordBit(1, 5);

        view[1] = new Sample(10, 11f, 12);

        Assert.Multiple(() =>
        {
            Assert.That(view[0], Is.EqualTo(first), "element 0's last bytes share word 1 with element 1");
            Assert.That(region.CorrectedWords, Is.EqualTo(1));
            Assert.That(region.Scrub(0, 8).CorrectedWords, Is.Zero);
        });
    }

    [Test]
    public void IndexerSet_PartlyCoveredWordUncorrectable_ThrowsAndLeavesItAlone()
    {
        var region = TestRegions.Create(8);
        var view = region.View<Sample>();
        region.FlipCodewordBit(1, 60);
        region.FlipCodewordBit(1, 61);

        Assert.Multiple(() =>
        {
            Assert.That(() => view[1] = new Sample(1, 1f, 1), Throws.TypeOf<UncorrectableWordException>().With.Property(nameof(UncorrectableWordException.WordIndex)).EqualTo(1));
            Assert.That(region.Raw<ulong>()[1], Is.EqualTo(0b11UL << 60), "element 1 covers only bytes 12 to 15 of word 1");
            Assert.That(region.Raw<ulong>()[2], Is.Zero, "word 2 was not written either");
            Assert.That(region.Scrub(0, 8).UncorrectableWords, Is.EqualTo(new[] { 1 }));
        });
    }

    [Test]
    public void IndexerSet_WhollyCoveredWordUncorrectable_OverwrittenAndDetectionCounted()
    {
        var region = TestRegions.Create(8);
        var view = region.View<long>();
        region.FlipCodewordBit(3, 9);
        region.FlipCodewordBit(3, 50);

        view[3] = -77;

        Assert.Multiple(() =>
        {
            Assert.That(region.ReadWord(3), Is.EqualTo(unchecked((ulong)-77L)));
            Assert.That(region.UncorrectableWords, Is.EqualTo(1));
        });
    }

    [Test]
    public void Indexer_InterleavedRegionUnderAdjacentUpset_Corrected()
    {
        var region = TestRegions.Create(16, interleaveDepth: 4);
        var view = region.View<int>();
        for (int index = 0; index < view.Count; index++)
        {
            view[index] = index * 1000 - 7;
        }

        for (long bit = 300; bit < 304; bit++)
        {
            region.FlipBit(bit);
        }

        Assert.That(Enumerable.Range(0, view.Count).Select(index => view[index]), Is.EqualTo(Enumerable.Range(0, view.Count).Select(index => index * 1000 - 7)));
    }

    [Test]
    public void Indexer_SixtyFourByteElement_Allowed()
    {
        var region = TestRegions.Create(24);
        var view = region.View<Block64>();

        view[2] = new Block64 { First = 42 };

        Assert.Multiple(() =>
        {
            Assert.That(view.Count, Is.EqualTo(3));
            Assert.That(view[2].First, Is.EqualTo(42));
            Assert.That(region.ReadWord(16), Is.EqualTo(42));
        });
    }

    [Test]
    public void View_ElementLargerThan64Bytes_Throws()
    {
        var region = TestRegions.Create(24);

        Assert.That(() => region.View<Block65>(), Throws.ArgumentException.With.Message.Contains("65 bytes"));
    }

    [TestCase(-1)]
    [TestCase(16)]
    public void Indexer_OutsideView_Throws(int index)
    {
        var view = TestRegions.Create(8).View<float>();

        Assert.Multiple(() =>
        {
            Assert.That(() => view[index], Throws.TypeOf<ArgumentOutOfRangeException>());
            Assert.That(() => view[index] = 1f, Throws.TypeOf<ArgumentOutOfRangeException>());
        });
    }

    /// <summary>A 12-byte element: consecutive ones straddle 8-byte words.</summary>
    private readonly record struct Sample(int Id, float Gain, int Offset);

    [StructLayout(LayoutKind.Sequential, Size = 64)]
    private struct Block64
    {
        public long First;
    }

    [StructLayout(LayoutKind.Sequential, Size = 65)]
    private struct Block65
    {
        public byte First;
    }
}
