using FlightSw.Edac.Golden;
using FlightSw.Inference.Protection;

namespace FlightSw.Node.Payload;

/// <summary>What <c>images/inference.json</c> says: the model the node flies, its inputs and how it runs them.</summary>
/// <param name="ManifestPath">Full path of the manifest, for messages.</param>
/// <param name="Region">Prefix of the model's weight regions (<c>PREFIX.r0</c>, <c>PREFIX.r1</c>...).</param>
/// <param name="ModelFile">Full path of the ONNX model.</param>
/// <param name="Checksum">Checksum of the model file, verified before it is loaded.</param>
/// <param name="SamplesFile">Full path of the samples: raw little-endian float32, one model input after another.</param>
/// <param name="Protection">The protection the model runs under.</param>
/// <param name="Scheduling">How its replicas run.</param>
/// <param name="PeriodSeconds">The default of INFER_PERIOD_S (0: only on command).</param>
public sealed record InferenceSettings(
    string ManifestPath,
    string Region,
    string ModelFile,
    GoldenChecksum Checksum,
    string SamplesFile,
    ProtectionMode Protection,
    ReplicaScheduling Scheduling,
    double PeriodSeconds)
{
    /// <summary>The options every boot loads the model with.</summary>
    public InferenceOptions Options => new() { Protection = Protection, Scheduling = Scheduling, RegionPrefix = Region };
}
