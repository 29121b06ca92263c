using System.Diagnostics.CodeAnalysis;

namespace FlightSw.Edac.Golden;

/// <summary>
/// A known-good copy of a region's data on persistent storage, with the checksum it must have.
/// The file is read and verified on every load, never cached: storage can rot between loads, and
/// a corrupted image must be refused rather than copied into memory.
/// </summary>
public sealed class GoldenImage
{
    /// <summary>Describes the golden image in <paramref name="path"/>, which must have <paramref name="checksum"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    public GoldenImage(string path, GoldenChecksum checksum)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(checksum);
        Path = path;
        Checksum = checksum;
    }

    /// <summary>The image's file.</summary>
    public string Path { get; }

    /// <summary>The checksum the file's bytes must have.</summary>
    public GoldenChecksum Checksum { get; }

    /// <summary>Reads the file and returns its bytes if they have <see cref="Checksum"/>.</summary>
    /// <exception cref="GoldenImageException">The file is missing or unreadable, or its checksum is wrong; the message says which.</exception>
    public byte[] LoadVerified()
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(Path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new GoldenImageException(Path, $"Golden image {Path} ({AlgorithmName}) cannot be read: {exception.Message}", exception);
        }

        var actual = GoldenChecksum.Compute(Checksum.Algorithm, bytes);
        if (!actual.Equals(Checksum))
        {
            throw new GoldenImageException(Path, $"Golden image {Path} fails its {AlgorithmName} check: expected {Checksum.Hex}, actual {actual.Hex}.");
        }

        return bytes;
    }

    /// <summary>Like <see cref="LoadVerified"/>, but reports a failure in <paramref name="failure"/> instead of throwing.</summary>
    public bool TryLoadVerified([NotNullWhen(true)] out byte[]? bytes, [NotNullWhen(false)] out string? failure)
    {
        try
        {
            bytes = LoadVerified();
            failure = null;
            return true;
        }
        catch (GoldenImageException exception)
        {
            bytes = null;
            failure = exception.Message;
            return false;
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"{Path} ({Checksum})";

    private string AlgorithmName => GoldenChecksum.AlgorithmName(Checksum.Algorithm);
}
