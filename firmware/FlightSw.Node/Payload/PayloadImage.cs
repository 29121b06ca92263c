using FlightSw.Edac.Golden;
using FlightSw.Edac.Regions;

namespace FlightSw.Node.Payload;

/// <summary>One entry of the image manifest: a golden file and the ECC region it fills.</summary>
/// <param name="Region">Name of the region the image is loaded into.</param>
/// <param name="File">Full path of the image file.</param>
/// <param name="Bytes">Size of the image; the region is sized from it (whole 64-bit words), and a file that does not fill the same number of words is refused.</param>
/// <param name="Checksum">Checksum verified before every use of the file.</param>
/// <param name="Importance">The region's importance for the scrubber.</param>
/// <param name="InterleaveDepth">The region's bit interleaving depth (1 for none).</param>
public sealed record PayloadImage(string Region, string File, long Bytes, GoldenChecksum Checksum, RegionImportance Importance, int InterleaveDepth)
{
    /// <summary>The golden image the region is loaded and repaired from.</summary>
    public GoldenImage Golden => new(File, Checksum);

    /// <summary>Words the region needs: the image rounded up to whole 64-bit words.</summary>
    public int WordCount => checked((int)((Bytes + sizeof(ulong) - 1) / sizeof(ulong)));
}
