using FlightSw.Edac.Golden;

namespace FlightSw.Edac.Tests.Golden;

public class GoldenImageTests
{
    private static readonly byte[] Contents = [.. Enumerable.Range(0, 1000).Select(i => unchecked((byte)(i * 7)))];

    [Test]
    public void LoadVerified_IntactFile_ReturnsItsBytes([Values] GoldenChecksumAlgorithm algorithm)
    {
        using var file = new TempGoldenFile(Contents, algorithm);

        Assert.That(file.Image.LoadVerified(), Is.EqualTo(Contents));
    }

    [Test]
    public void LoadVerified_OneByteCorrupted_ThrowsNamingFileAlgorithmAndChecksums([Values] GoldenChecksumAlgorithm algorithm)
    {
        using var file = new TempGoldenFile(Contents, algorithm);
        file.CorruptByte(500);
        var actual = GoldenChecksum.Compute(algorithm, File.ReadAllBytes(file.Path));

        var exception = Assert.Throws<GoldenImageException>(() => file.Image.LoadVerified());

        Assert.Multiple(() =>
        {
            Assert.That(exception.ImagePath, Is.EqualTo(file.Path));
            Assert.That(exception.Message, Does.Contain(file.Path));
            Assert.That(exception.Message, Does.Contain(GoldenChecksum.AlgorithmName(algorithm)));
            Assert.That(exception.Message, Does.Contain(file.Image.Checksum.Hex));
            Assert.That(exception.Message, Does.Contain(actual.Hex));
        });
    }

    [Test]
    public void LoadVerified_MissingFile_ThrowsNamingFileWithIoReason()
    {
        string path = Path.Combine(TestContext.CurrentContext.WorkDirectory, $"missing-{Guid.NewGuid():N}.bin");
        var image = new GoldenImage(path, GoldenChecksum.Compute(GoldenChecksumAlgorithm.Crc32C, Contents));

        var exception = Assert.Throws<GoldenImageException>(() => image.LoadVerified());

        Assert.Multiple(() =>
        {
            Assert.That(exception.Message, Does.Contain(path));
            Assert.That(exception.InnerException, Is.InstanceOf<IOException>());
        });
    }

    [Test]
    public void TryLoadVerified_IntactFile_TrueWithBytes()
    {
        using var file = new TempGoldenFile(Contents);

        bool loaded = file.Image.TryLoadVerified(out var bytes, out var failure);

        Assert.Multiple(() =>
        {
            Assert.That(loaded, Is.True);
            Assert.That(bytes, Is.EqualTo(Contents));
            Assert.That(failure, Is.Null);
        });
    }

    [Test]
    public void TryLoadVerified_CorruptedFile_FalseWithFailureNamingFile()
    {
        using var file = new TempGoldenFile(Contents);
        file.CorruptByte(0);

        bool loaded = file.Image.TryLoadVerified(out var bytes, out var failure);

        Assert.Multiple(() =>
        {
            Assert.That(loaded, Is.False);
            Assert.That(bytes, Is.Null);
            Assert.That(failure, Does.Contain(file.Path));
        });
    }

    [Test]
    public void Constructor_EmptyPath_Throws()
    {
        var checksum = GoldenChecksum.Compute(GoldenChecksumAlgorithm.Crc32C, Contents);

        Assert.That(() => new GoldenImage(" ", checksum), Throws.ArgumentException);
    }
}
