using System.Runtime.InteropServices;
using FlightSw.Edac.Codec;
using FlightSw.Edac.Golden;
using FlightSw.Edac.Kernels;
using FlightSw.Edac.Recovery;
using FlightSw.Edac.Regions;
using FlightSw.Edac.Tests.Golden;
using FlightSw.Hal.Memory;

namespace FlightSw.Edac.Tests.Regions;

public class EccRegionTests
{
    public static IEnumerable<string> SupportedKernels => EccKernels.Supported.Select(kernel => kernel.Name);

    [Test]
    public void Constructor_NewRegion_AllZeroCleanAndSized()
    {
        var region = new EccRegion(new EccRegionOptions { Name = "fresh", WordCount = 16, InterleaveDepth = 4, Importance = RegionImportance.High });

        Assert.Multiple(() =>
        {
            Assert.That(region.ReadAll(), Is.All.Zero);
            Assert.That(region.Scrub(0, 16).WordsChecked, Is.EqualTo(16));
            Assert.That(region.CorrectedWords + region.UncorrectableWords, Is.Zero);
            Assert.That(region.ByteCount, Is.EqualTo(128));
            Assert.That(region.BitCount, Is.EqualTo(16 * 72));
            Assert.That(region.IsInterleaved, Is.True);
            Assert.That(region.Importance, Is.EqualTo(RegionImportance.High));
            Assert.That(region.Kernel, Is.SameAs(EccKernels.Best));
        });
    }

    [Test]
    public void WriteWord_ThenReadWord_ReturnsValueWithoutCorrection()
    {
        var (region, expected) = TestRegions.Filled(64);

        Assert.Multiple(() =>
        {
            Assert.That(region.ReadAll(), Is.EqualTo(expected));
            Assert.That(region.CorrectedWords, Is.Zero);
        });
    }

    [Test]
    public void ReadWord_SingleBitErrorInEachOf72Bits_CorrectedInPlaceAndCounted()
    {
        var (region, expected) = TestRegions.Filled(72);
        for (int bit = 0; bit < 72; bit++)
        {
            region.FlipCodewordBit(word: bit, bit);
        }

        var read = region.ReadAll();

        Assert.Multiple(() =>
        {
            Assert.That(read, Is.EqualTo(expected));
            Assert.That(region.CorrectedWords, Is.EqualTo(72));
            Assert.That(region.CorrectedCheckBits, Is.EqualTo(8));
            Assert.That(region.Scrub(0, 72).CorrectedWords, Is.Zero, "corrected in place, so a scrub finds nothing");
        });
    }

    [Test]
    public void ReadWord_DoubleBitError_ThrowsNamingRegionAndWordAndCounts()
    {
        var (region, _) = TestRegions.Filled(16);
        region.FlipCodewordBit(9, 3);
        region.FlipCodewordBit(9, 67);

        var exception = Assert.Throws<UncorrectableWordException>(() => region.ReadWord(9));

        Assert.Multiple(() =>
        {
            Assert.That(exception.Region, Is.EqualTo(region.Name));
            Assert.That(exception.WordIndex, Is.EqualTo(9));
            Assert.That(region.UncorrectableWords, Is.EqualTo(1));
        });
    }

    [Test]
    public void TryReadWord_SingleBitError_CorrectedNamingTheBit()
    {
        var (region, expected) = TestRegions.Filled(8);
        region.FlipCodewordBit(5, 41);

        var check = region.TryReadWord(5, out ulong value);

        Assert.Multiple(() =>
        {
            Assert.That(check.Status, Is.EqualTo(CodewordStatus.Corrected));
            Assert.That(check.Bit, Is.EqualTo(41));
            Assert.That(value, Is.EqualTo(expected[5]));
        });
    }

    [Test]
    public void TryReadWord_DoubleBitError_UncorrectableWithStoredData()
    {
        var (region, expected) = TestRegions.Filled(8);
        region.FlipCodewordBit(2, 0);
        region.FlipCodewordBit(2, 1);

        var check = region.TryReadWord(2, out ulong value);

        Assert.Multiple(() =>
        {
            Assert.That(check.Status, Is.EqualTo(CodewordStatus.Uncorrectable));
            Assert.That(value, Is.EqualTo(expected[2] ^ 0b11));
            Assert.That(region.UncorrectableWords, Is.EqualTo(1));
        });
    }

    [TestCase(-1)]
    [TestCase(8)]
    public void ReadWord_IndexOutsideRegion_Throws(int index)
    {
        var region = TestRegions.Create(8);

        Assert.Multiple(() =>
        {
            Assert.That(() => region.ReadWord(index), Throws.TypeOf<ArgumentOutOfRangeException>());
            Assert.That(() => region.WriteWord(index, 1), Throws.TypeOf<ArgumentOutOfRangeException>());
        });
    }

    [Test]
    public void Load_Bytes_StoredInLogicalOrderAndEncoded()
    {
        var region = TestRegions.Create(32);
        var bytes = TestRegions.Bytes(TestRegions.RandomWords(32, seed: 3));

        region.Load(bytes);

        var read = new byte[bytes.Length];
        region.ReadBytes(0, read);
        Assert.Multiple(() =>
        {
            Assert.That(read, Is.EqualTo(bytes));
            Assert.That(region.ReadWord(1), Is.EqualTo(MemoryMarshal.Read<ulong>(bytes.AsSpan(8))));
            Assert.That(region.Scrub(0, 32).CorrectedWords + region.UncorrectableWords, Is.Zero);
        });
    }

    [Test]
    public void Load_ShortLastWordAtOffset_ZeroPaddedAndOtherWordsKept()
    {
        var region = TestRegions.Create(6);
        for (int index = 0; index < 6; index++)
        {
            region.WriteWord(index, ulong.MaxValue);
        }

        region.Load([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], startWord: 2);

        Assert.Multiple(() =>
        {
            Assert.That(region.ReadWord(1), Is.EqualTo(ulong.MaxValue));
            Assert.That(region.ReadWord(2), Is.EqualTo(0x0807060504030201UL));
            Assert.That(region.ReadWord(3), Is.EqualTo(0x0B0A09UL));
            Assert.That(region.ReadWord(4), Is.EqualTo(ulong.MaxValue));
            Assert.That(region.CorrectedWords, Is.Zero);
        });
    }

    [TestCase(65, 0)]
    [TestCase(8, 8)]
    [TestCase(1, -1)]
    public void Load_DoesNotFit_ThrowsNamingRegion(int length, int startWord)
    {
        var region = TestRegions.Create(8);

        Assert.That(() => region.Load(new byte[length], startWord), Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contains(region.Name));
    }

    [Test]
    public void ReadBytes_SingleBitErrorsInRange_CorrectedAndCounted()
    {
        var (region, expected) = TestRegions.Filled(16);
        region.FlipCodewordBit(3, 60);
        region.FlipCodewordBit(4, 70);
        region.FlipCodewordBit(6, 0);
        var destination = new byte[21];

        region.ReadBytes(29, destination);

        Assert.Multiple(() =>
        {
            Assert.That(destination, Is.EqualTo(TestRegions.Bytes(expected).AsSpan(29, 21).ToArray()));
            Assert.That(region.CorrectedWords, Is.EqualTo(3));
            Assert.That(region.CorrectedCheckBits, Is.EqualTo(1));
        });
    }

    [Test]
    public void ReadBytes_DoubleBitErrorInRange_ThrowsForThatWord()
    {
        var (region, _) = TestRegions.Filled(16);
        region.FlipCodewordBit(5, 10);
        region.FlipCodewordBit(5, 11);

        Assert.Multiple(() =>
        {
            Assert.That(() => region.ReadBytes(0, new byte[40]), Throws.Nothing, "word 5 is outside bytes [0, 40)");
            Assert.That(() => region.ReadBytes(39, new byte[2]), Throws.TypeOf<UncorrectableWordException>().With.Property(nameof(UncorrectableWordException.WordIndex)).EqualTo(5));
        });
    }

    [TestCase(-1, 4)]
    [TestCase(60, 5)]
    public void ReadBytes_RangeOutsideRegion_Throws(long start, int length)
    {
        var region = TestRegions.Create(8);

        Assert.That(() => region.ReadBytes(start, new byte[length]), Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void Scrub_SingleBitErrors_CorrectedInPlaceCountingCheckBits([ValueSource(nameof(SupportedKernels))] string kernel)
    {
        var region = new EccRegion(new EccRegionOptions { Name = "k", WordCount = 1000 }, EccKernels.ByName(kernel));
        var expected = TestRegions.RandomWords(1000, seed: 4);
        region.Load(TestRegions.Bytes(expected));
        region.FlipCodewordBit(0, 5);
        region.FlipCodewordBit(17, 64);
        region.FlipCodewordBit(500, 71);
        region.FlipCodewordBit(999, 63);

        var result = region.Scrub(0, 1000);

        Assert.Multiple(() =>
        {
            Assert.That(result, Is.EqualTo(new RegionScrubResult(1000, 4, 2, RegionScrubResult.NoWords)));
            Assert.That(region.ReadAll(), Is.EqualTo(expected));
            Assert.That(region.CorrectedWords, Is.EqualTo(4));
            Assert.That(region.CorrectedCheckBits, Is.EqualTo(2));
        });
    }

    [Test]
    public void Scrub_DoubleBitErrors_ListedAscendingAndLeftForRecovery([ValueSource(nameof(SupportedKernels))] string kernel)
    {
        var region = new EccRegion(new EccRegionOptions { Name = "k", WordCount = 300 }, EccKernels.ByName(kernel));
        foreach (int word in new[] { 250, 7, 128 })
        {
            region.FlipCodewordBit(word, 1);
            region.FlipCodewordBit(word, 66);
        }

        region.FlipCodewordBit(8, 20);

        var first = region.Scrub(0, 300);
        var second = region.Scrub(0, 300);

        Assert.Multiple(() =>
        {
            Assert.That(first.UncorrectableWords, Is.EqualTo(new[] { 7, 128, 250 }));
            Assert.That(first.CorrectedWords, Is.EqualTo(1));
            Assert.That(second.UncorrectableWords, Is.EqualTo(new[] { 7, 128, 250 }), "still there: only recovery repairs them");
            Assert.That(region.UncorrectableWords, Is.EqualTo(6), "each detection counts");
        });
    }

    [Test]
    public void Scrub_PartialRange_ChecksOnlyThatRange()
    {
        var region = TestRegions.Create(100);
        region.FlipCodewordBit(9, 0);
        region.FlipCodewordBit(10, 0);
        region.FlipCodewordBit(30, 0);
        region.FlipCodewordBit(30, 1);
        region.FlipCodewordBit(31, 0);

        var result = region.Scrub(10, 21);

        Assert.Multiple(() =>
        {
            Assert.That(result.WordsChecked, Is.EqualTo(21));
            Assert.That(result.CorrectedWords, Is.EqualTo(1));
            Assert.That(result.UncorrectableWords, Is.EqualTo(new[] { 30 }));
            Assert.That(region.TryReadWord(9, out _).Status, Is.EqualTo(CodewordStatus.Corrected), "word 9 was outside the range");
        });
    }

    [Test]
    public void Scrub_CleanRegion_ReturnsTheSharedEmptyList()
    {
        var (region, _) = TestRegions.Filled(64);

        var result = region.Scrub(0, 64);

        Assert.That(result.UncorrectableWords, Is.SameAs(RegionScrubResult.NoWords));
    }

    [TestCase(-1, 4)]
    [TestCase(0, 9)]
    [TestCase(5, -1)]
    public void Scrub_RangeOutsideRegion_Throws(int start, int count)
    {
        var region = TestRegions.Create(8);

        Assert.That(() => region.Scrub(start, count), Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void Scrub_UpsetStorm_ZeroResidualErrorsAfterOneFullScan([Values(1, 2, 4, 8)] int depth)
    {
        const int Words = 8192;
        const int Upsets = 5000;
        var (region, expected) = TestRegions.Filled(Words, depth, seed: depth);
        var random = new Random(100 + depth);
        var hitWords = new HashSet<long>();
        int checkBitUpsets = 0;
        while (hitWords.Count < Upsets)
        {
            long physicalBit = random.NextInt64(region.BitCount);
            var location = region.Locate(physicalBit);
            if (hitWords.Add(location.Codeword))
            {
                region.FlipBit(physicalBit);
                checkBitUpsets += location.Bit >= Hsiao7264.DataBits ? 1 : 0;
            }
        }

        var scan = region.Scrub(0, Words);
        var rescan = region.Scrub(0, Words);
        var read = region.ReadAll();

        Assert.Multiple(() =>
        {
            Assert.That(scan.CorrectedWords, Is.EqualTo(Upsets));
            Assert.That(scan.CorrectedCheckBits, Is.EqualTo(checkBitUpsets));
            Assert.That(scan.UncorrectableWords, Is.Empty);
            Assert.That(rescan.CorrectedWords, Is.Zero);
            Assert.That(rescan.UncorrectableWords, Is.Empty);
            Assert.That(read, Is.EqualTo(expected), "every word as written");
            Assert.That(region.CorrectedWords, Is.EqualTo(Upsets), "the reads found nothing left to correct");
        });
    }

    [Test]
    public void Scrub_AdjacentRunInterleavedBy8_EveryFlipCorrected(
        [Range(2, 8)] int runLength,
        [Values("data", "check", "data-check boundary")] string area)
    {
        const int Words = 64;
        var (region, expected) = TestRegions.Filled(Words, interleaveDepth: 8);
        long dataBits = 64L * Words;
        var starts = area switch
        {
            "data" => new long[] { 0, 5, 511, 2000, dataBits - runLength },
            "check" => [dataBits, dataBits + 3, dataBits + 63, region.BitCount - runLength],
            _ => [dataBits - runLength + 1, dataBits - runLength / 2],
        };

        foreach (long start in starts)
        {
            for (long bit = start; bit < start + runLength; bit++)
            {
                region.FlipBit(bit);
            }

            var result = region.Scrub(0, Words);

            Assert.That(result.CorrectedWords, Is.EqualTo(runLength), $"run from physical bit {start}");
            Assert.That(result.UncorrectableWords, Is.Empty, $"run from physical bit {start}");
        }

        Assert.That(region.ReadAll(), Is.EqualTo(expected));
    }

    [Test]
    public void Scrub_AdjacentRunLongerThanDepth_TwoFlipsShareACodeword()
    {
        var (region, _) = TestRegions.Filled(64, interleaveDepth: 8);
        for (long bit = 100; bit < 109; bit++)
        {
            region.FlipBit(bit);
        }

        var result = region.Scrub(0, 64);

        Assert.Multiple(() =>
        {
            Assert.That(result.UncorrectableWords, Has.Count.EqualTo(1));
            Assert.That(result.CorrectedWords, Is.EqualTo(7));
        });
    }

    [TestCase(10L)]
    [TestCase(64L * 16 + 3)]
    public void Scrub_AdjacentPairWithoutInterleaving_Uncorrectable(long firstBit)
    {
        var (region, _) = TestRegions.Filled(16);
        region.FlipBit(firstBit);
        region.FlipBit(firstBit + 1);

        var result = region.Scrub(0, 16);

        Assert.Multiple(() =>
        {
            Assert.That(result.UncorrectableWords, Is.EqualTo(new[] { (int)region.Locate(firstBit).Codeword }));
            Assert.That(result.CorrectedWords, Is.Zero);
        });
    }

    [TestCase(1, 0L, 0, 0)]
    [TestCase(1, 130L, 2, 2)]
    [TestCase(1, 1023L, 15, 63)]
    [TestCase(1, 1024L, 0, 64)]
    [TestCase(1, 1034L, 1, 66)]
    [TestCase(1, 1151L, 15, 71)]
    [TestCase(2, 3L, 1, 1)]
    [TestCase(8, 1L, 1, 0)]
    [TestCase(8, 8L, 0, 1)]
    [TestCase(8, 511L, 7, 63)]
    [TestCase(8, 513L, 9, 0)]
    [TestCase(8, 1033L, 1, 65)]
    [TestCase(8, 1088L, 8, 64)]
    [TestCase(8, 1151L, 15, 71)]
    public void Locate_KnownPhysicalBits_FollowTheLayout(int depth, long physicalBit, int word, int bit)
    {
        var region = TestRegions.Create(16, depth);

        Assert.That(region.Locate(physicalBit), Is.EqualTo(new CodewordBit(word, bit)));
    }

    [Test]
    public void Locate_EveryPhysicalBit_CoversEachCodewordBitExactlyOnce([Values(1, 2, 4, 8)] int depth)
    {
        var region = TestRegions.Create(16, depth);
        var seen = new HashSet<CodewordBit>();

        for (long physicalBit = 0; physicalBit < region.BitCount; physicalBit++)
        {
            var location = region.Locate(physicalBit);
            Assert.That(location.Codeword, Is.InRange(0, 15));
            Assert.That(location.Bit, Is.InRange(0, 71));
            Assert.That(seen.Add(location), Is.True, $"physical bit {physicalBit} repeats {location}");
            Assert.That(region.PhysicalBitOf((int)location.Codeword, location.Bit), Is.EqualTo(physicalBit));
        }

        Assert.That(seen, Has.Count.EqualTo(16 * 72));
    }

    [Test]
    public void FlipBit_EveryPhysicalBit_CodecFindsTheLocatedBit([Values(1, 8)] int depth)
    {
        var (region, expected) = TestRegions.Filled(16, depth);

        for (long physicalBit = 0; physicalBit < region.BitCount; physicalBit++)
        {
            region.FlipBit(physicalBit);
            var location = region.Locate(physicalBit);
            var check = region.TryReadWord((int)location.Codeword, out ulong value);

            if (check.Status != CodewordStatus.Corrected || check.Bit != location.Bit || value != expected[location.Codeword])
            {
                Assert.Fail($"physical bit {physicalBit} -> {location}: {check}");
            }
        }

        Assert.That(region.CorrectedWords, Is.EqualTo(region.BitCount));
    }

    [TestCase(-1L)]
    [TestCase(8L * 72)]
    public void FlipBit_OutsideRegion_Throws(long physicalBit)
    {
        var region = TestRegions.Create(8);

        Assert.Multiple(() =>
        {
            Assert.That(() => region.FlipBit(physicalBit), Throws.TypeOf<ArgumentOutOfRangeException>());
            Assert.That(() => region.Locate(physicalBit), Throws.TypeOf<ArgumentOutOfRangeException>());
        });
    }

    [Test]
    public void FlipBit_AsUpsetTarget_RegistersInMemoryMap()
    {
        var map = new MemoryMap();
        var region = TestRegions.Create(8);

        map.Register(region);

        Assert.Multiple(() =>
        {
            Assert.That(map.TryFind(region.Name, out var target), Is.True);
            Assert.That(target, Is.SameAs(region));
            Assert.That(map.TotalBits, Is.EqualTo(8 * 72));
        });
    }

    [Test]
    public void Raw_NotInterleaved_StoredDataUncorrected()
    {
        var (region, expected) = TestRegions.Filled(8);
        region.FlipCodewordBit(3, 0);

        ulong[] raw = region.Raw<ulong>().ToArray();
        int floats = region.Raw<float>().Length;

        Assert.Multiple(() =>
        {
            Assert.That(raw[3], Is.EqualTo(expected[3] ^ 1));
            Assert.That(raw[4], Is.EqualTo(expected[4]));
            Assert.That(floats, Is.EqualTo(16));
        });
    }

    [Test]
    public void Raw_Interleaved_ThrowsNamingRegion()
    {
        var region = TestRegions.Create(8, interleaveDepth: 2);

        Assert.That(() => region.Raw<float>().Length, Throws.InvalidOperationException.With.Message.Contains(region.Name));
    }

    [Test]
    public void Recover_NoWords_RecoveredNothing()
    {
        var region = TestRegions.Create(8, recovery: RegionRecovery.Recompute(_ => throw new InvalidOperationException("not called")));

        var result = region.Recover([]);

        Assert.That(result with { Detail = "" }, Is.EqualTo(new RecoveryResult(RecoveryOutcome.Recovered, 0, 0, "")));
    }

    [Test]
    public void Recover_WordOutsideRegion_Throws()
    {
        var region = TestRegions.Create(8, recovery: RegionRecovery.Recompute(_ => 0));

        Assert.That(() => region.Recover([1, 8]), Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void Recover_DuplicateWords_EachRecoveredOnce()
    {
        var region = TestRegions.Create(8, recovery: RegionRecovery.Recompute(_ => 0));
        region.FlipCodewordBit(2, 3);
        region.FlipCodewordBit(2, 4);

        var result = region.Recover([2, 2]);

        Assert.Multiple(() =>
        {
            Assert.That(result.WordsRecovered, Is.EqualTo(1));
            Assert.That(result.BitsRepaired, Is.EqualTo(2));
            Assert.That(region.RecoveredWords, Is.EqualTo(1));
        });
    }

    [Test]
    public void CountGoldenMismatches_SingleErrorsAndChangedWords_CountsOnlyWordsThatDiffer()
    {
        var golden = TestRegions.Bytes(TestRegions.RandomWords(32, seed: 8));
        using var file = new TempGoldenFile(golden);
        var region = TestRegions.Create(32, recovery: RegionRecovery.ReloadFromGolden(file.Image));
        region.Load(golden);
        region.FlipCodewordBit(4, 17);
        region.FlipCodewordBit(5, 68);
        region.WriteWord(20, 12345);
        region.FlipCodewordBit(30, 1);
        region.FlipCodewordBit(30, 2);

        int mismatches = region.CountGoldenMismatches();

        Assert.Multiple(() =>
        {
            Assert.That(mismatches, Is.EqualTo(2), "word 20 changed, word 30 uncorrectable; single errors are corrected");
            Assert.That(region.CorrectedWords + region.UncorrectableWords, Is.Zero, "the check is read-only");
        });
    }

    [Test]
    public void CountGoldenMismatches_CorruptedGoldenFile_ThrowsGoldenImageException()
    {
        var golden = new byte[64];
        using var file = new TempGoldenFile(golden, GoldenChecksumAlgorithm.Crc32C);
        var region = TestRegions.Create(8, recovery: RegionRecovery.ReloadFromGolden(file.Image));
        file.CorruptByte(10);

        Assert.That(region.CountGoldenMismatches, Throws.TypeOf<GoldenImageException>().With.Message.Contains(file.Path));
    }

    [Test]
    public void CountGoldenMismatches_WrongSizeGoldenImage_ThrowsGoldenImageException()
    {
        using var file = new TempGoldenFile(new byte[72]);
        var region = TestRegions.Create(8, recovery: RegionRecovery.ReloadFromGolden(file.Image));

        Assert.That(region.CountGoldenMismatches, Throws.TypeOf<GoldenImageException>().With.Message.Contains("72 bytes"));
    }

    [Test]
    public void CountGoldenMismatches_RegionWithoutGolden_ThrowsNamingRegion()
    {
        var region = TestRegions.Create(8, recovery: RegionRecovery.Recompute(_ => 0));

        Assert.That(region.CountGoldenMismatches, Throws.InvalidOperationException.With.Message.Contains(region.Name));
    }
}
