using System.Text.Json;
using FlightSw.Edac.Golden;
using FlightSw.Edac.Regions;
using FlightSw.Edac.Scrubbing;

namespace FlightSw.Node.Payload;

/// <summary>
/// Reads <c>images/images.json</c>, the list of golden images the node loads into ECC regions.
/// A malformed manifest is refused with the file, the JSON path of the field and the reason.
/// </summary>
public static class PayloadImageManifest
{
    /// <summary>Environment variable naming another images folder.</summary>
    public const string DirectoryEnvironmentVariable = "FLIGHTSW_IMAGES_DIR";

    /// <summary>Name of the manifest file in the images folder.</summary>
    public const string FileName = "images.json";

    /// <summary>Largest image a region can hold: 2^31 - 1 words would overflow; 1 GiB is plenty for a node.</summary>
    public const long MaxImageBytes = 1L << 30;

    /// <summary>The images folder: <see cref="DirectoryEnvironmentVariable"/>, else <c>images</c> beside the executable.</summary>
    public static string DefaultDirectory()
    {
        string? configured = Environment.GetEnvironmentVariable(DirectoryEnvironmentVariable);
        return string.IsNullOrWhiteSpace(configured) ? Path.Combine(AppContext.BaseDirectory, "images") : Path.GetFullPath(configured);
    }

    /// <summary>
    /// The images listed in <paramref name="directory"/>'s manifest; none when the folder has no
    /// manifest (a board without payload).
    /// </summary>
    /// <exception cref="InvalidDataException">The manifest is malformed; the message names file, field and reason.</exception>
    public static IReadOnlyList<PayloadImage> Load(string directory)
    {
        string path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            return [];
        }

        using (var document = ManifestJson.Parse(path))
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("images", out var images) || images.ValueKind != JsonValueKind.Array)
            {
                throw ManifestJson.Malformed(path, "$.images", "missing, or not an array");
            }

            var result = new List<PayloadImage>();
            int index = 0;
            foreach (var entry in images.EnumerateArray())
            {
                result.Add(ReadEntry(path, directory, entry, $"$.images[{index++}]"));
            }

            var duplicate = result.GroupBy(image => Scrubber.TelemetryStem(image.Region)).FirstOrDefault(group => group.Count() > 1);
            if (duplicate is not null)
            {
                throw ManifestJson.Malformed(path, "$.images", $"regions {string.Join(" and ", duplicate.Select(image => $"'{image.Region}'"))} are the same region or share telemetry names");
            }

            return result;
        }
    }

    private static PayloadImage ReadEntry(string path, string directory, JsonElement entry, string at)
    {
        if (entry.ValueKind != JsonValueKind.Object)
        {
            throw ManifestJson.Malformed(path, at, "not an object");
        }

        string region = ManifestJson.RequiredString(path, entry, at, "region");
        if (!EccRegionOptions.IsValidName(region))
        {
            throw ManifestJson.Malformed(path, at + ".region", $"'{region}' is not a region name: 1 to {EccRegionOptions.MaxNameLength} letters, digits, '.', '_' or '-'");
        }

        string file = ManifestJson.RequiredString(path, entry, at, "file");
        if (Path.IsPathRooted(file) || file.Contains("..", StringComparison.Ordinal))
        {
            throw ManifestJson.Malformed(path, at + ".file", "must be a file name inside the images folder");
        }

        if (!entry.TryGetProperty("bytes", out var bytesElement) || bytesElement.ValueKind != JsonValueKind.Number || !bytesElement.TryGetInt64(out long bytes) || bytes <= 0 || bytes > MaxImageBytes)
        {
            throw ManifestJson.Malformed(path, at + ".bytes", $"missing, or not a whole number from 1 to {MaxImageBytes}");
        }

        GoldenChecksum checksum;
        try
        {
            checksum = GoldenChecksum.Parse(ManifestJson.RequiredString(path, entry, at, "checksum"));
        }
        catch (FormatException exception)
        {
            throw ManifestJson.Malformed(path, at + ".checksum", exception.Message);
        }

        string importanceText = ManifestJson.RequiredString(path, entry, at, "importance");
        if (!Enum.GetNames<RegionImportance>().Contains(importanceText, StringComparer.Ordinal)
            || !Enum.TryParse<RegionImportance>(importanceText, ignoreCase: false, out var importance))
        {
            throw ManifestJson.Malformed(path, at + ".importance", $"'{importanceText}' is not one of {string.Join(", ", Enum.GetNames<RegionImportance>())}");
        }

        int interleave = 1;
        if (entry.TryGetProperty("interleave", out var interleaveElement)
            && (interleaveElement.ValueKind != JsonValueKind.Number || !interleaveElement.TryGetInt32(out interleave) || !EccRegionOptions.AllowedInterleaveDepths.Contains(interleave)))
        {
            throw ManifestJson.Malformed(path, at + ".interleave", $"must be one of {string.Join(", ", EccRegionOptions.AllowedInterleaveDepths)}");
        }

        var image = new PayloadImage(region, Path.Combine(directory, file), bytes, checksum, importance, interleave);
        if (image.WordCount % interleave != 0)
        {
            throw ManifestJson.Malformed(path, at + ".interleave", $"the image's {image.WordCount} words are not a whole number of interleaving blocks of {interleave} words");
        }

        return image;
    }
}
