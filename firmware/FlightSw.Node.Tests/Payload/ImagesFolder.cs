using System.Text.Json.Nodes;
using FlightSw.Node.Payload;

namespace FlightSw.Node.Tests.Payload;

/// <summary>
/// A temporary copy of the shipped images folder (manifests, golden image, model, samples), whose
/// files a test may change; deleted on dispose.
/// </summary>
internal sealed class ImagesFolder : IDisposable
{
    /// <summary>The images folder the build copies beside the tests.</summary>
    public static readonly string Shipped = Path.Combine(AppContext.BaseDirectory, "images");

    public ImagesFolder()
    {
        Folder = Directory.CreateTempSubdirectory("flightsw-images-").FullName;
        foreach (string file in Directory.GetFiles(Shipped))
        {
            File.Copy(file, FileNamed(Path.GetFileName(file)));
        }
    }

    /// <summary>Full path of the folder.</summary>
    public string Folder { get; }

    /// <summary>Full path of its inference manifest.</summary>
    public string InferenceManifestPath => FileNamed(InferenceManifest.FileName);

    /// <summary>Full path of <paramref name="name"/> in the folder.</summary>
    public string FileNamed(string name) => Path.Combine(Folder, name);

    /// <summary>The inference manifest as JSON, to change and <see cref="WriteInferenceManifest"/>.</summary>
    public JsonObject ReadInferenceManifest() => JsonNode.Parse(File.ReadAllText(InferenceManifestPath))!.AsObject();

    public void WriteInferenceManifest(JsonObject manifest) => File.WriteAllText(InferenceManifestPath, manifest.ToJsonString());

    /// <summary>Changes one field of the inference manifest to <paramref name="value"/>, or removes it when null.</summary>
    public void SetInferenceField(string field, JsonNode? value)
    {
        var manifest = ReadInferenceManifest();
        if (value is null)
        {
            manifest.Remove(field);
        }
        else
        {
            manifest[field] = value;
        }

        WriteInferenceManifest(manifest);
    }

    /// <summary>Writes the manifest with <paramref name="field"/> holding the raw JSON <paramref name="json"/>.</summary>
    public void SetInferenceFieldRaw(string field, string json)
    {
        var manifest = ReadInferenceManifest();
        manifest[field] = "__RAW__";
        File.WriteAllText(InferenceManifestPath, manifest.ToJsonString().Replace("\"__RAW__\"", json, StringComparison.Ordinal));
    }

    public void Dispose()
    {
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
