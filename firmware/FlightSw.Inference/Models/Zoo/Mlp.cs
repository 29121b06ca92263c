using System.Globalization;

namespace FlightSw.Inference.Models.Zoo;

/// <summary>
/// A small multilayer perceptron with random (seeded) weights, in ONNX opset 13, as a telemetry
/// classifier might be: [batch, 64] -> 128 + Relu -> 64 + Sigmoid or Clip -> 8 -> Softmax over
/// the 8 classes.
/// </summary>
public static class Mlp
{
    /// <summary>The default-domain opset the model imports.</summary>
    public const long Opset = 13;

    /// <summary>Input features.</summary>
    public const int Inputs = 64;

    /// <summary>Output classes.</summary>
    public const int Classes = 8;

    /// <summary>Builds the network described by <paramref name="options"/> (defaults when null).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The batch is not positive.</exception>
    public static ZooModel Build(MlpOptions? options = null)
    {
        options ??= new MlpOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Batch, 1, nameof(options));

        string name = string.Create(CultureInfo.InvariantCulture, $"mlp_{options.Dense}_{options.Squash}_b{options.Batch}_s{options.Seed}").ToLowerInvariant();
        var builder = new ModelBuilder(name, Opset);
        var layers = new ZooLayers(builder, new ZooRandom(options.Seed));
        int[] inputShape = [options.Batch, Inputs];
        string x = builder.Input("input", inputShape);

        x = Dense(layers, options.Dense, x, "fc1", Inputs, 128);
        x = layers.Activate(x, "fc1.relu", ZooActivation.Relu);
        x = Dense(layers, options.Dense, x, "fc2", 128, 64);
        x = layers.Activate(x, "fc2.act", options.Squash == MlpSquash.Sigmoid ? ZooActivation.Sigmoid : ZooActivation.Clip);
        x = Dense(layers, options.Dense, x, "fc3", 64, Classes);
        x = builder.Node("Softmax", [x], "softmax", ("axis", -1L));
        builder.Output(x);

        return new ZooModel(name, builder.ToBytes(), "input", inputShape, x, [options.Batch, Classes]);
    }

    private static string Dense(ZooLayers layers, MlpDense dense, string x, string name, int inFeatures, int outFeatures) => dense == MlpDense.Gemm
        ? layers.Gemm(x, name, inFeatures, outFeatures)
        : layers.MatMulAdd(x, name, inFeatures, outFeatures);
}
