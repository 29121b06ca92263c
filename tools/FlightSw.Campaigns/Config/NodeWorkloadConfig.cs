using FlightSw.Inference.Protection;

namespace FlightSw.Campaigns.Config;

/// <summary>
/// The whole flight node on the simulated board, on virtual time: it boots, flies its payload
/// (the inference job on its samples), and a fault strikes at a time drawn from the trial's seed.
/// The answer is the classes the job publishes; variants are the model's protection modes.
/// </summary>
public sealed record NodeWorkloadConfig : WorkloadConfig
{
    /// <inheritdoc />
    public override string Kind => "node";

    /// <summary>The board: a name in <c>boards/</c> or a board file (absolute); default <c>sim</c>.</summary>
    public string Board { get; init; } = "sim";

    /// <summary>Seed of the node's simulated hardware (the same in every trial, so the golden run is one run); default 1.</summary>
    public int NodeSeed { get; init; } = 1;

    /// <summary>Simulated seconds the golden run flies; default 120.</summary>
    public double DurationSeconds { get; init; } = 120;

    /// <summary>Seconds between inferences (INFER_PERIOD_S); default 10.</summary>
    public double InferencePeriodSeconds { get; init; } = 10;

    /// <summary>The model's protection modes compared, one variant each; default TMR only.</summary>
    public IReadOnlyList<ProtectionMode> Protections { get; init; } = [ProtectionMode.Tmr];

    /// <summary>Components <c>component-state</c> faults may hit; empty for every component of the image.</summary>
    public IReadOnlyList<string> Components { get; init; } = [];
}
