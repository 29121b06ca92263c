using FlightSw.Edac.Golden;
using FlightSw.Edac.Regions;

namespace FlightSw.Edac.Recovery;

/// <summary>
/// Reloads bad words from a golden image of the whole region. The image is read and verified in
/// full on every recovery (once per call, not per word): a copy that fails its checksum or does
/// not fit the region is refused and the region is left as it was.
/// </summary>
public sealed class GoldenImageRecovery : RegionRecovery
{
    /// <summary>Recovers words from <paramref name="image"/>.</summary>
    public GoldenImageRecovery(GoldenImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        Image = image;
    }

    /// <summary>The golden image the region's data is reloaded from.</summary>
    public GoldenImage Image { get; }

    /// <inheritdoc />
    public override string Description => $"reload from golden {Image.Path} ({GoldenChecksum.AlgorithmName(Image.Checksum.Algorithm)})";

    /// <summary>
    /// Reads and verifies the image and checks that it fills exactly the region's words: its
    /// length is the region's <see cref="EccRegion.ByteCount"/>, or up to 7 bytes less (the last
    /// word zero padded, as <see cref="EccRegion.Load"/> does).
    /// </summary>
    internal bool TryLoadFor(EccRegion region, out byte[] image, out string failure)
    {
        if (!Image.TryLoadVerified(out var bytes, out var loadFailure))
        {
            (image, failure) = ([], loadFailure);
            return false;
        }

        long words = (bytes.LongLength + sizeof(ulong) - 1) / sizeof(ulong);
        if (words != region.WordCount)
        {
            (image, failure) = ([], $"Golden image {Image.Path} holds {bytes.LongLength} bytes; ECC region '{region.Name}' needs {region.ByteCount}.");
            return false;
        }

        (image, failure) = (bytes, string.Empty);
        return true;
    }

    internal override RecoveryResult Apply(EccRegion region, IReadOnlyList<int> words)
    {
        if (!TryLoadFor(region, out var image, out var failure))
        {
            return new(RecoveryOutcome.Failed, 0, 0, failure);
        }

        long bits = 0;
        foreach (int word in words)
        {
            bits += region.Restore(word, WordOf(image, word));
        }

        return new(RecoveryOutcome.Recovered, words.Count, bits, $"Reloaded {words.Count} word(s) of ECC region '{region.Name}' from golden {Image.Path}; {bits} bit(s) repaired.");
    }

    /// <summary>Logical word <paramref name="word"/> of an image, zero padded past its end.</summary>
    internal static ulong WordOf(ReadOnlySpan<byte> image, int word)
    {
        Span<byte> bytes = stackalloc byte[sizeof(ulong)];
        bytes.Clear();
        int start = word * sizeof(ulong);
        image[start..Math.Min(start + sizeof(ulong), image.Length)].CopyTo(bytes);
        return System.Runtime.InteropServices.MemoryMarshal.Read<ulong>(bytes);
    }
}
