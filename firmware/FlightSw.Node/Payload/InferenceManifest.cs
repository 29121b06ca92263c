using System.Globalization;
using System.Text.Json;
using FlightSw.Edac.Golden;
using FlightSw.Edac.Regions;
using FlightSw.Inference.Job;
using FlightSw.Inference.Protection;

namespace FlightSw.Node.Payload;

/// <summary>
/// Reads <c>images/inference.json</c>, which names the model the node flies as its AI payload.
/// No file means no inference job, as a board without payload has none. A malformed manifest is
/// refused with the file, the JSON path of the field and the reason, as <see cref="PayloadImageManifest"/> does.
/// </summary>
/// <remarks>
/// Fields: <c>region</c>, <c>model</c>, <c>checksum</c> and <c>samples</c> are required;
/// <c>protection</c> (default <see cref="DefaultProtection"/>), <c>scheduling</c> (default
/// <see cref="DefaultScheduling"/>) and <c>periodSeconds</c> (default
/// <see cref="InferenceJob.DefaultPeriodSeconds"/>) may be left out. Any other field is refused, so a
/// misspelt one cannot silently fall back to a default.
/// </remarks>
public static class InferenceManifest
{
    /// <summary>Name of the manifest file in the images folder.</summary>
    public const string FileName = "inference.json";

    /// <summary>Protection when the manifest names none: TMR, the flight default.</summary>
    public const ProtectionMode DefaultProtection = ProtectionMode.Tmr;

    /// <summary>Replica scheduling when the manifest names none: one replica after another, the flight default.</summary>
    public const ReplicaScheduling DefaultScheduling = ReplicaScheduling.Sequential;

    /// <summary>
    /// The longest suffix the engine appends to the region prefix (<c>.head.r2</c> under ABFT+TMR),
    /// so a prefix may be at most <see cref="EccRegionOptions.MaxNameLength"/> minus this long.
    /// </summary>
    public const int LongestRegionSuffix = 8;

    private static readonly string[] Fields = ["region", "model", "checksum", "samples", "protection", "scheduling", "periodSeconds"];

    /// <summary>What <paramref name="directory"/>'s inference manifest says; null when the folder has none (no inference job).</summary>
    /// <exception cref="InvalidDataException">The manifest is malformed; the message names file, field and reason.</exception>
    public static InferenceSettings? Load(string directory)
    {
        string path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        using (var document = ManifestJson.Parse(path))
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw ManifestJson.Malformed(path, "$", "not an object");
            }

            foreach (var property in root.EnumerateObject())
            {
                if (!Fields.Contains(property.Name, StringComparer.Ordinal))
                {
                    throw ManifestJson.Malformed(path, "$." + property.Name, $"not a field of the inference manifest; its fields are {string.Join(", ", Fields)}");
                }
            }

            string region = ManifestJson.RequiredString(path, root, "$", "region");
            if (!EccRegionOptions.IsValidName(region) || region.Length > EccRegionOptions.MaxNameLength - LongestRegionSuffix)
            {
                throw ManifestJson.Malformed(path, "$.region", $"'{region}' is not a region prefix: 1 to {EccRegionOptions.MaxNameLength - LongestRegionSuffix} letters, digits, '.', '_' or '-'");
            }

            string model = FileInImages(path, directory, root, "model");
            GoldenChecksum checksum;
            try
            {
                checksum = GoldenChecksum.Parse(ManifestJson.RequiredString(path, root, "$", "checksum"));
            }
            catch (FormatException exception)
            {
                throw ManifestJson.Malformed(path, "$.checksum", exception.Message);
            }

            string samples = FileInImages(path, directory, root, "samples");
            var protection = OptionalEnum(path, root, "protection", DefaultProtection);
            var scheduling = OptionalEnum(path, root, "scheduling", DefaultScheduling);
            double period = InferenceJob.DefaultPeriodSeconds;
            if (root.TryGetProperty("periodSeconds", out var periodElement)
                && (periodElement.ValueKind != JsonValueKind.Number || !periodElement.TryGetDouble(out period) || !(period is >= 0 and <= InferenceJob.MaxPeriodSeconds)))
            {
                throw ManifestJson.Malformed(path, "$.periodSeconds", string.Create(CultureInfo.InvariantCulture, $"must be a number of seconds from 0 (only on command) to {InferenceJob.MaxPeriodSeconds}"));
            }

            return new InferenceSettings(path, region, model, checksum, samples, protection, scheduling, period);
        }
    }

    private static string FileInImages(string path, string directory, JsonElement root, string name)
    {
        string file = ManifestJson.RequiredString(path, root, "$", name);
        if (Path.IsPathRooted(file) || file.Contains("..", StringComparison.Ordinal))
        {
            throw ManifestJson.Malformed(path, "$." + name, "must be a file name inside the images folder");
        }

        return Path.Combine(directory, file);
    }

    private static T OptionalEnum<T>(string path, JsonElement root, string name, T fallback)
        where T : struct, Enum
    {
        if (!root.TryGetProperty(name, out var element))
        {
            return fallback;
        }

        // Names only, spelt exactly: "2" or "tmr" would parse, and be a guess.
        string? text = element.ValueKind == JsonValueKind.String ? element.GetString() : null;
        if (text is null || !Enum.GetNames<T>().Contains(text, StringComparer.Ordinal) || !Enum.TryParse<T>(text, ignoreCase: false, out var value))
        {
            string names = string.Join(", ", Enum.GetNames<T>());
            throw ManifestJson.Malformed(path, "$." + name, text is null ? $"not a string; must be one of {names}" : $"'{text}' is not one of {names}");
        }

        return value;
    }
}
