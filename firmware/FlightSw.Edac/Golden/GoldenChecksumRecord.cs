using System.Globalization;
using System.Text;
using FlightSw.Core.Storage;

namespace FlightSw.Edac.Golden;

/// <summary>
/// Where the scrubber keeps the checksum of each region's verified golden image: a
/// <see cref="DurableRecordStore"/> record <c>golden.REGION</c> holding the checksum's text
/// (<see cref="GoldenChecksum.ToString"/>). A boot that verifies an image with another checksum
/// than the stored one has found a newly installed image.
/// </summary>
public static class GoldenChecksumRecord
{
    /// <summary>What every record name starts with.</summary>
    public const string Prefix = "golden.";

    private const int SuffixLength = 9; // '-' and 8 hex digits

    /// <summary>
    /// The record name of region <paramref name="regionName"/>: <see cref="Prefix"/> and the
    /// name; a name too long for <see cref="DurableRecordStore.MaxNameLength"/> is cut and
    /// followed by '-' and the CRC-32C of the whole name, so that long names stay distinct.
    /// </summary>
    public static string NameFor(string regionName)
    {
        ArgumentException.ThrowIfNullOrEmpty(regionName);
        if (Prefix.Length + regionName.Length <= DurableRecordStore.MaxNameLength)
        {
            return Prefix + regionName;
        }

        uint hash = Crc32C.Compute(Encoding.UTF8.GetBytes(regionName));
        string cut = regionName[..(DurableRecordStore.MaxNameLength - Prefix.Length - SuffixLength)];
        return string.Create(CultureInfo.InvariantCulture, $"{Prefix}{cut}-{hash:x8}");
    }
}
