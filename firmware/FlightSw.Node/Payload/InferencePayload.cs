using FlightSw.Edac.Golden;
using FlightSw.Inference;
using FlightSw.Inference.Job;
using FlightSw.Inference.Models;

namespace FlightSw.Node.Payload;

/// <summary>
/// The node's AI payload, read and checked once before flight: the model's bytes (checksum
/// verified before anything parses them), its samples, and proof that both load and fit. Every
/// boot then builds a fresh <see cref="InferenceModel"/> from the bytes, as memory does not
/// survive a reset, without reading the files again.
/// </summary>
public sealed class InferencePayload
{
    private readonly byte[] _onnx;

    private InferencePayload(InferenceSettings settings, byte[] onnx, InferenceSamples samples, IReadOnlyList<string> regionNames)
    {
        Settings = settings;
        _onnx = onnx;
        Samples = samples;
        RegionNames = regionNames;
    }

    /// <summary>What the manifest says.</summary>
    public InferenceSettings Settings { get; }

    /// <summary>The inputs the job cycles through.</summary>
    public InferenceSamples Samples { get; }

    /// <summary>The names of the model's weight regions, as every boot's model has them.</summary>
    public IReadOnlyList<string> RegionNames { get; }

    /// <summary>
    /// Reads the model and samples <paramref name="settings"/> names: the model's checksum is
    /// verified first (a mismatch is refused, never loaded), then the model is loaded once under
    /// its protection and an inference job built over it and the samples, as each boot will.
    /// </summary>
    /// <exception cref="InvalidDataException">A file cannot be read, the checksum does not match, the model does not load or the samples do not fit it; the message names the manifest, the field and the reason.</exception>
    public static InferencePayload Load(InferenceSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        string manifest = settings.ManifestPath;
        byte[] onnx;
        try
        {
            onnx = File.ReadAllBytes(settings.ModelFile);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw ManifestJson.Malformed(manifest, "$.model", $"'{settings.ModelFile}' cannot be read ({exception.Message})", exception);
        }

        if (!settings.Checksum.Matches(onnx))
        {
            var actual = GoldenChecksum.Compute(settings.Checksum.Algorithm, onnx);
            throw ManifestJson.Malformed(manifest, "$.checksum", $"'{settings.ModelFile}' has checksum {actual}, not {settings.Checksum}; the model is refused, not loaded");
        }

        InferenceModel model;
        try
        {
            model = InferenceModel.Load(onnx, settings.Options, settings.ModelFile);
        }
        catch (ModelLoadException exception)
        {
            throw ManifestJson.Malformed(manifest, "$.model", exception.Message, exception);
        }

        InferenceSamples samples;
        try
        {
            int inputLength = model.Graph.Inputs.Count == 1 ? model.Graph.Inputs[0].Shape.ElementCount : 1;
            samples = InferenceSamples.FromFile(settings.SamplesFile, Math.Max(1, inputLength));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            throw ManifestJson.Malformed(manifest, "$.samples", exception.Message, exception);
        }

        try
        {
            // The job's own checks (one input, one output, samples of the input's size), as every boot makes them.
            _ = new InferenceJob(model, samples, periodSeconds: settings.PeriodSeconds);
        }
        catch (ArgumentException exception)
        {
            throw ManifestJson.Malformed(manifest, "$.model", exception.Message, exception);
        }

        return new InferencePayload(settings, onnx, samples, [.. model.Regions.Select(region => region.Name)]);
    }

    /// <summary>A fresh model for one boot, its weight regions filled from the verified bytes.</summary>
    public InferenceModel CreateModel() => InferenceModel.Load(_onnx, Settings.Options, Settings.ModelFile);

    /// <summary>The inference job over <paramref name="model"/>, with the manifest's period as INFER_PERIOD_S's default.</summary>
    public InferenceJob CreateJob(InferenceModel model, TimeProvider latencyClock) =>
        new(model, Samples, latencyClock, Settings.PeriodSeconds);
}
