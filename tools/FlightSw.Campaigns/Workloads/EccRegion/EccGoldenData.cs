using System.Runtime.InteropServices;
using FlightSw.Campaigns.Faults;
using FlightSw.Edac.Golden;

namespace FlightSw.Campaigns.Workloads.EccRegion;

/// <summary>
/// The ECC-region workload's golden data: seeded random words, and the same bytes as a verified
/// golden image file (SHA-256) in the temporary folder for the golden-reload recovery. The file
/// is the factory's: written once, read by every worker's recovery, deleted on <see cref="Dispose"/>.
/// </summary>
internal sealed class EccGoldenData : IDisposable
{
    private readonly ulong[] _words;

    private EccGoldenData(ulong[] words, string path, GoldenImage image)
    {
        _words = words;
        Path = path;
        Image = image;
    }

    /// <summary>The golden words, in logical order.</summary>
    public IReadOnlyList<ulong> Words => _words;

    /// <summary>The golden words as bytes (little-endian), what <see cref="Edac.Regions.EccRegion.Load"/> takes.</summary>
    public ReadOnlySpan<byte> Bytes => MemoryMarshal.AsBytes(_words.AsSpan());

    /// <summary>The golden image file.</summary>
    public string Path { get; }

    /// <summary>The golden image, with the checksum its file must have.</summary>
    public GoldenImage Image { get; }

    /// <summary>Draws <paramref name="wordCount"/> words from <paramref name="seed"/> and writes their golden image.</summary>
    /// <exception cref="IOException">The temporary file cannot be written.</exception>
    public static EccGoldenData Create(int wordCount, int seed)
    {
        // SplitMix64 of the campaign tool, not System.Random: the data must not change with the runtime.
        var random = new TrialRandom(seed, 0);
        var words = new ulong[wordCount];
        for (int i = 0; i < words.Length; i++)
        {
            words[i] = random.NextUInt64();
        }

        byte[] bytes = MemoryMarshal.AsBytes(words.AsSpan()).ToArray();
        string path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"flightsw-ecc-golden-{Guid.NewGuid():N}.bin");
        File.WriteAllBytes(path, bytes);
        var checksum = GoldenChecksum.Compute(GoldenChecksumAlgorithm.Sha256, bytes);
        return new EccGoldenData(words, path, new GoldenImage(path, checksum));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            File.Delete(Path);
        }
        catch (IOException)
        {
            // A temporary file left behind is not worth failing a campaign for.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
