namespace FlightSw.Inference.Models.Zoo;

/// <summary>
/// The size and seed of a <see cref="MobileNetStyle"/> network. Defaults: a 32x32 RGB input,
/// width multiplier 1, 10 classes, seed 1, a Flatten node.
/// </summary>
public sealed record MobileNetStyleOptions
{
    /// <summary>Height and width of the square RGB input; default 32.</summary>
    public int InputSize { get; init; } = 32;

    /// <summary>Multiplier of every layer's channel count (rounded to a multiple of 8, at least 8); default 1.</summary>
    public double WidthMultiplier { get; init; } = 1.0;

    /// <summary>Number of classes of the softmax output; default 10.</summary>
    public int Classes { get; init; } = 10;

    /// <summary>Seed of the weights; default 1.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>How the pooled features are flattened; default <see cref="FlattenStyle.FlattenNode"/>.</summary>
    public FlattenStyle Flatten { get; init; } = FlattenStyle.FlattenNode;
}
