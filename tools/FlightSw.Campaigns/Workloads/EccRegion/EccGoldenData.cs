using System.Runtime.InteropServices;
using FlightSw.Campaigns.Faults;
using FlightSw.Edac.Golden;

namespace FlightSw.Campaigns.Workloads.EccRegion;

/// <summary>
/// The ECC-region workload's golden data: seeded random words, held in memory for the read-back
/// comparison, and the same bytes as a verified golden image file (SHA-256) for the region's
/// golden-reload recovery, the one the flight's payload images fly with.
/// </summary>
/// <remarks>
/// The file is named by its checksum, in a <c>flightsw-campaigns-USER</c> folder of the temporary
/// folder, and never deleted: the same data always has the same file, which any number of
/// factories, workers, processes and shards on the machine share, none of which can pull it from
/// under another, and a run that is killed leaves nothing new behind. It is written atomically
/// (to a private name, then moved) only when missing or wrong, and checked again whenever a worker
/// is created. Should it still vanish or rot while trials run, the recovery fails, and the workload
/// reports that as a tool failure (an exception), never as a trial outcome.
/// </remarks>
internal sealed class EccGoldenData
{
    /// <summary>The folder of the temporary folder where golden images are kept.</summary>
    public const string FolderName = "flightsw-campaigns";

    private readonly ulong[] _words;
    private readonly byte[] _bytes;

    private EccGoldenData(ulong[] words, byte[] bytes, GoldenImage image)
    {
        _words = words;
        _bytes = bytes;
        Image = image;
    }

    /// <summary>The golden words, in logical order.</summary>
    public IReadOnlyList<ulong> Words => _words;

    /// <summary>The golden words as bytes (little-endian), what <see cref="Edac.Regions.EccRegion.Load"/> takes.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes;

    /// <summary>The golden image: its file and the checksum the file must have.</summary>
    public GoldenImage Image { get; }

    /// <summary>Draws <paramref name="wordCount"/> words from <paramref name="seed"/>; the golden image file is written by <see cref="EnsureFile"/>.</summary>
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
        var checksum = GoldenChecksum.Compute(GoldenChecksumAlgorithm.Sha256, bytes);
        // One folder per user: a folder another user created first is not writable here.
        string folder = Path.Combine(Path.GetTempPath(), $"{FolderName}-{Environment.UserName}");
        var image = new GoldenImage(Path.Combine(folder, $"ecc-golden-{checksum.Hex}.bin"), checksum);
        return new EccGoldenData(words, bytes, image);
    }

    /// <summary>Writes the golden image file unless it is already there with the right checksum.</summary>
    /// <exception cref="IOException">The file cannot be written.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder cannot be written.</exception>
    public void EnsureFile()
    {
        if (Image.TryLoadVerified(out _, out _))
        {
            return;
        }

        string folder = Path.GetDirectoryName(Image.Path)!;
        Directory.CreateDirectory(folder);
        string staging = Path.Combine(folder, Path.GetRandomFileName() + ".tmp");
        try
        {
            File.WriteAllBytes(staging, _bytes);
            File.Move(staging, Image.Path, overwrite: true);
        }
        finally
        {
            File.Delete(staging); // nothing when the move succeeded
        }
    }
}
