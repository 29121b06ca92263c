using FlightSw.Edac.Codec;
using FlightSw.Edac.Golden;
using FlightSw.Edac.Recovery;
using FlightSw.Edac.Regions;
using FlightSw.Edac.Tests.Golden;
using FlightSw.Edac.Tests.Regions;

namespace FlightSw.Edac.Tests.Recovery;

public class GoldenImageRecoveryTests
{
    private const int Words = 64;

    private static readonly ulong[] GoldenWords = TestRegions.RandomWords(Words, seed: 21);

    [Test]
    public void Recover_UncorrectableWords_ReloadedFromGoldenBitsRepairedEqualsBitsFlipped([Values] GoldenChecksumAlgorithm algorithm)
    {
        using var file = new TempGoldenFile(TestRegions.Bytes(GoldenWords), algorithm);
        var region = GoldenRegion(file);
        int flipped = 0;
        foreach (var (word, bit) in new[] { (5, 3), (5, 40), (20, 64), (20, 71), (33, 0), (33, 63), (33, 65), (33, 66) })
        {
            region.FlipCodewordBit(word, bit);
            flipped++;
        }

        region.FlipCodewordBit(7, 12);
        var scrub = region.Scrub(0, Words);

        var result = region.Recover(scrub.UncorrectableWords);

        Assert.Multiple(() =>
        {
            Assert.That(scrub.UncorrectableWords, Is.EqualTo(new[] { 5, 20, 33 }));
            Assert.That(result.Outcome, Is.EqualTo(RecoveryOutcome.Recovered));
            Assert.That(result.WordsRecovered, Is.EqualTo(3));
            Assert.That(result.BitsRepaired, Is.EqualTo(flipped));
            Assert.That(result.Detail, Does.Contain(file.Path));
            Assert.That(region.RecoveredWords, Is.EqualTo(3));
            Assert.That(region.RecoveredBits, Is.EqualTo(flipped));
            Assert.That(region.ReadAll(), Is.EqualTo(GoldenWords));
            Assert.That(region.Scrub(0, Words).CorrectedWords, Is.Zero);
        });
    }

    [Test]
    public void Recover_CorruptedGoldenFile_RefusedNotLoadedAndRegionUnchanged([Values] GoldenChecksumAlgorithm algorithm)
    {
        using var file = new TempGoldenFile(TestRegions.Bytes(GoldenWords), algorithm);
        var region = GoldenRegion(file);
        region.FlipCodewordBit(9, 1);
        region.FlipCodewordBit(9, 2);
        file.CorruptByte(9 * 8);
        var before = region.Raw<ulong>().ToArray();

        var result = region.Recover([9]);

        Assert.Multiple(() =>
        {
            Assert.That(() => file.Image.LoadVerified(), Throws.TypeOf<GoldenImageException>().With.Message.Contains(file.Path));
            Assert.That(result.Outcome, Is.EqualTo(RecoveryOutcome.Failed));
            Assert.That(result.WordsRecovered, Is.Zero);
            Assert.That(result.Detail, Does.Contain(file.Path).And.Contain(GoldenChecksum.AlgorithmName(algorithm)));
            Assert.That(region.Raw<ulong>().ToArray(), Is.EqualTo(before));
            Assert.That(region.TryReadWord(9, out _).Status, Is.EqualTo(CodewordStatus.Uncorrectable), "check bits unchanged too");
            Assert.That(region.RecoveredWords + region.RecoveredBits, Is.Zero);
        });
    }

    [Test]
    public void Recover_GoldenFileCorruptedAfterEarlierRecovery_VerifiedAgainAndRefused()
    {
        using var file = new TempGoldenFile(TestRegions.Bytes(GoldenWords), GoldenChecksumAlgorithm.Crc32C);
        var region = GoldenRegion(file);
        region.FlipCodewordBit(1, 1);
        region.FlipCodewordBit(1, 2);
        var first = region.Recover([1]);
        file.CorruptByte(100);
        region.FlipCodewordBit(2, 1);
        region.FlipCodewordBit(2, 2);

        var second = region.Recover([2]);

        Assert.Multiple(() =>
        {
            Assert.That(first.Outcome, Is.EqualTo(RecoveryOutcome.Recovered));
            Assert.That(second.Outcome, Is.EqualTo(RecoveryOutcome.Failed));
            Assert.That(region.RecoveredWords, Is.EqualTo(1));
        });
    }

    [TestCase(-8)]
    [TestCase(1)]
    [TestCase(8)]
    public void Recover_WrongSizeGoldenImage_RefusedNamingFileAndSizes(int extraBytes)
    {
        var bytes = new byte[Words * 8 + extraBytes];
        using var file = new TempGoldenFile(bytes);
        var region = TestRegions.Create(Words, recovery: RegionRecovery.ReloadFromGolden(file.Image));
        region.WriteWord(3, 99);
        region.FlipCodewordBit(3, 10);
        region.FlipCodewordBit(3, 11);

        var result = region.Recover([3]);

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(RecoveryOutcome.Failed));
            Assert.That(result.Detail, Does.Contain(file.Path).And.Contain($"{bytes.Length} bytes").And.Contain($"{Words * 8}"));
            Assert.That(region.TryReadWord(3, out ulong stored).Status, Is.EqualTo(CodewordStatus.Uncorrectable));
            Assert.That(stored, Is.EqualTo(99UL ^ 0b11UL << 10));
        });
    }

    [Test]
    public void Recover_GoldenShortByLessThanAWord_LastWordZeroPadded()
    {
        byte[] image = [.. Enumerable.Range(1, 29).Select(i => (byte)i)];
        using var file = new TempGoldenFile(image);
        var region = TestRegions.Create(4, recovery: RegionRecovery.ReloadFromGolden(file.Image));
        region.Load(image);
        region.FlipCodewordBit(3, 40);
        region.FlipCodewordBit(3, 41);

        var result = region.Recover([3]);

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(RecoveryOutcome.Recovered));
            Assert.That(result.BitsRepaired, Is.EqualTo(2));
            Assert.That(region.ReadWord(3), Is.EqualTo(0x1D1C1B1A19UL), "bytes 25 to 29, then three zero bytes");
        });
    }

    [Test]
    public void Recover_MissingGoldenFile_FailedWithIoReason()
    {
        string path = Path.Combine(TestContext.CurrentContext.WorkDirectory, $"absent-{Guid.NewGuid():N}.bin");
        var image = new GoldenImage(path, GoldenChecksum.Compute(GoldenChecksumAlgorithm.Sha256, []));
        var region = TestRegions.Create(8, recovery: RegionRecovery.ReloadFromGolden(image));

        var result = region.Recover([0]);

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(RecoveryOutcome.Failed));
            Assert.That(result.Detail, Does.Contain(path).And.Contain("cannot be read"));
        });
    }

    [Test]
    public void Description_GoldenImage_NamesPathAndAlgorithm()
    {
        var image = new GoldenImage("/data/golden/weights.bin", GoldenChecksum.Parse("crc32c:e3069283"));

        Assert.That(RegionRecovery.ReloadFromGolden(image).Description, Is.EqualTo("reload from golden /data/golden/weights.bin (crc32c)"));
    }

    private static EccRegion GoldenRegion(TempGoldenFile file)
    {
        var region = TestRegions.Create(Words, recovery: RegionRecovery.ReloadFromGolden(file.Image));
        region.Load(TestRegions.Bytes(GoldenWords));
        return region;
    }
}
