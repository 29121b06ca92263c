using FlightSw.Edac.Golden;
using FlightSw.Edac.Regions;
using FlightSw.Node.Payload;

namespace FlightSw.Node.Tests.Payload;

public sealed class PayloadImageTests
{
    private static readonly GoldenChecksum AnyChecksum = GoldenChecksum.Parse("crc32c:00000000");

    private string _directory = null!;

    [SetUp]
    public void CreateDirectory()
    {
        _directory = Path.Combine(TestContext.CurrentContext.WorkDirectory, "payload-image-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
    }

    [TearDown]
    public void DeleteDirectory()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [TestCase(1L, 1)]
    [TestCase(7L, 1)]
    [TestCase(8L, 1)]
    [TestCase(9L, 2)]
    [TestCase(16L, 2)]
    [TestCase(262144L, 32768)]
    [TestCase(PayloadImageManifest.MaxImageBytes, 134217728)]
    public void WordCount_Bytes_RoundsUpToWholeWords(long bytes, int words)
    {
        Assert.That(Image(bytes).WordCount, Is.EqualTo(words));
    }

    [Test]
    public void WordCount_MoreWordsThanAnIntHolds_Throws()
    {
        var image = Image(((long)int.MaxValue + 1) * sizeof(ulong));

        Assert.That(() => image.WordCount, Throws.TypeOf<OverflowException>());
    }

    [Test]
    public void Golden_Always_DescribesTheFileAndChecksum()
    {
        var image = new PayloadImage("weights", Path.Combine(_directory, "weights.bin"), 8, AnyChecksum, RegionImportance.High, 1);

        var golden = image.Golden;

        Assert.Multiple(() =>
        {
            Assert.That(golden.Path, Is.EqualTo(image.File));
            Assert.That(golden.Checksum, Is.EqualTo(AnyChecksum));
        });
    }

    [Test]
    public void Golden_FileMatchesChecksum_LoadsItsBytes()
    {
        byte[] bytes = [.. Enumerable.Range(0, 24).Select(i => (byte)(i * 7))];
        string file = Path.Combine(_directory, "weights.bin");
        File.WriteAllBytes(file, bytes);
        var image = new PayloadImage("weights", file, bytes.Length, GoldenChecksum.Compute(GoldenChecksumAlgorithm.Sha256, bytes), RegionImportance.High, 1);

        Assert.That(image.Golden.LoadVerified(), Is.EqualTo(bytes));
    }

    [Test]
    public void Golden_FileChangedAfterManifestWritten_RefusedOnNextLoad()
    {
        byte[] bytes = [1, 2, 3, 4, 5, 6, 7, 8];
        string file = Path.Combine(_directory, "weights.bin");
        File.WriteAllBytes(file, bytes);
        var image = new PayloadImage("weights", file, bytes.Length, GoldenChecksum.Compute(GoldenChecksumAlgorithm.Crc32C, bytes), RegionImportance.High, 1);
        Assume.That(image.Golden.LoadVerified(), Is.EqualTo(bytes));

        bytes[3] ^= 0x10;
        File.WriteAllBytes(file, bytes);

        Assert.That(() => image.Golden.LoadVerified(), Throws.TypeOf<GoldenImageException>());
    }

    private static PayloadImage Image(long bytes) =>
        new("weights", "/images/weights.bin", bytes, AnyChecksum, RegionImportance.Normal, 1);
}
