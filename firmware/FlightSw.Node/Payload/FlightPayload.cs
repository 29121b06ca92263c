using FlightSw.Edac.Scrubbing;

namespace FlightSw.Node.Payload;

/// <summary>
/// Everything the images folder gives the node, read and checked once before flight: the golden
/// images of <c>images.json</c> and the AI payload of <c>inference.json</c>. Every boot composes
/// from it (<see cref="FlightImage.Compose"/>).
/// </summary>
/// <param name="Images">The golden images loaded into ECC regions; none on a board without payload.</param>
/// <param name="Inference">The model the inference job flies; null for no inference job.</param>
public sealed record FlightPayload(IReadOnlyList<PayloadImage> Images, InferencePayload? Inference)
{
    /// <summary>No images and no inference: the bare node.</summary>
    public static FlightPayload None { get; } = new([], null);

    /// <summary>Reads both manifests of <paramref name="directory"/> and what they name.</summary>
    /// <exception cref="InvalidDataException">A manifest is malformed, or a file it names is refused; the message names the manifest, the field and the reason.</exception>
    public static FlightPayload Load(string directory)
    {
        var images = PayloadImageManifest.Load(directory);
        var settings = InferenceManifest.Load(directory);
        if (settings is null)
        {
            return new FlightPayload(images, null);
        }

        var inference = InferencePayload.Load(settings);

        // One scrubber patrols both, so their regions must not share a name or telemetry names.
        var clash = images.Select(image => image.Region)
            .FirstOrDefault(region => inference.RegionNames.Any(name => Scrubber.TelemetryStem(name) == Scrubber.TelemetryStem(region)));
        if (clash is not null)
        {
            throw ManifestJson.Malformed(settings.ManifestPath, "$.region", $"the model's regions ({string.Join(", ", inference.RegionNames)}) clash with payload image region '{clash}' of {PayloadImageManifest.FileName}");
        }

        int regions = images.Count + inference.RegionNames.Count;
        if (regions > Scrubber.MaxRegions)
        {
            throw ManifestJson.Malformed(settings.ManifestPath, "$", $"the scrubber reports at most {Scrubber.MaxRegions} regions; the payload images and the model's would be {regions}");
        }

        return new FlightPayload(images, inference);
    }
}
