namespace FlightSw.Inference.Protection;

/// <summary>How a model is run. Defaults: no protection, sequential replicas, regions named after the graph.</summary>
public sealed record InferenceOptions
{
    /// <summary>The protection mode; default <see cref="ProtectionMode.None"/>.</summary>
    public ProtectionMode Protection { get; init; } = ProtectionMode.None;

    /// <summary>How replicas run; default <see cref="ReplicaScheduling.Sequential"/>.</summary>
    public ReplicaScheduling Scheduling { get; init; } = ReplicaScheduling.Sequential;

    /// <summary>Prefix of the weight regions' names (<c>PREFIX.r0</c>, <c>PREFIX.r1</c>...); default the graph's name.</summary>
    public string? RegionPrefix { get; init; }
}
