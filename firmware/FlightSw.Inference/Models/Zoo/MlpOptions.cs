namespace FlightSw.Inference.Models.Zoo;

/// <summary>The batch, layer style and seed of an <see cref="Mlp"/>. Defaults: batch 1, Gemm layers, Sigmoid, seed 1.</summary>
public sealed record MlpOptions
{
    /// <summary>Rows of the input [batch, 64]; default 1.</summary>
    public int Batch { get; init; } = 1;

    /// <summary>How the fully connected layers are written; default <see cref="MlpDense.Gemm"/>.</summary>
    public MlpDense Dense { get; init; } = MlpDense.Gemm;

    /// <summary>Activation of the second hidden layer; default <see cref="MlpSquash.Sigmoid"/>.</summary>
    public MlpSquash Squash { get; init; } = MlpSquash.Sigmoid;

    /// <summary>Seed of the weights; default 1.</summary>
    public int Seed { get; init; } = 1;
}
