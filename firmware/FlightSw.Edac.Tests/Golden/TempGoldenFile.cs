using FlightSw.Edac.Golden;

namespace FlightSw.Edac.Tests.Golden;

/// <summary>A golden image written to a uniquely named temporary file, deleted on dispose.</summary>
internal sealed class TempGoldenFile : IDisposable
{
    public TempGoldenFile(byte[] contents, GoldenChecksumAlgorithm algorithm = GoldenChecksumAlgorithm.Sha256)
    {
        Path = System.IO.Path.Combine(TestContext.CurrentContext.WorkDirectory, $"golden-{Guid.NewGuid():N}.bin");
        File.WriteAllBytes(Path, contents);
        Image = new GoldenImage(Path, GoldenChecksum.Compute(algorithm, contents));
    }

    public string Path { get; }

    /// <summary>The image with the checksum of the contents first written.</summary>
    public GoldenImage Image { get; }

    /// <summary>Inverts one bit of byte <paramref name="offset"/> of the file, as storage rot would.</summary>
    public void CorruptByte(int offset)
    {
        var bytes = File.ReadAllBytes(Path);
        bytes[offset] ^= 0x10;
        File.WriteAllBytes(Path, bytes);
    }

    public void Dispose() => File.Delete(Path);
}
