using System.Globalization;

namespace FlightSw.Inference.Models.Zoo;

/// <summary>
/// A small MobileNetV2/V3-style image classifier with random (seeded) weights, in ONNX opset 14:
/// the operator mix of the models flown on compute payloads. Input [1, 3, S, S], output
/// [1, classes] probabilities.
/// </summary>
/// <remarks>
/// <para>Stem: Conv 3x3 stride 2 (3 -> 16), BatchNormalization, HardSwish. Then six
/// inverted-residual blocks: pointwise expand Conv 1x1 + BN + activation (skipped when the
/// expansion is 1), depthwise Conv 3x3 (group = channels, pads 1, stride 1 or 2) + BN +
/// activation, squeeze-excite in blocks 4 and 5 (GlobalAveragePool, Conv 1x1 reduce + Relu,
/// Conv 1x1 expand + HardSigmoid, Mul), pointwise project Conv 1x1 + BN, and a residual Add where
/// the shapes match (blocks 1, 3 and 5). Head: Conv 1x1 to 128 + BN + HardSwish,
/// GlobalAveragePool, flatten (<see cref="MobileNetStyleOptions.Flatten"/>), Gemm (transB = 1,
/// weights normal(0, 0.01) as torchvision initialises it) to the classes, Softmax.</para>
/// <para>Cost grows with the square of the input size and of the width: about 1.6 M
/// multiply-adds at 32x32 width 1, 14 M at 96x96, 78 M at 224x224 (and 58 k weights at width 1
/// with BatchNormalization folded).</para>
/// </remarks>
public static class MobileNetStyle
{
    /// <summary>The default-domain opset the model imports (HardSwish needs 14).</summary>
    public const long Opset = 14;

    // torchvision initialises MobileNet's classifier with normal(0, 0.01): with He weights the
    // un-normalised random features (magnitude ~10) would give logits spread over ~80 and a
    // saturated softmax of zeros and ones, which hides differences.
    private const double ClassifierDeviation = 0.01;

    // (expanded channels, output channels, stride, activation, squeeze-excite) at width 1.
    private static readonly (int Expanded, int Output, int Stride, ZooActivation Activation, bool SqueezeExcite)[] Blocks =
    [
        (16, 16, 1, ZooActivation.Relu, false),
        (64, 24, 2, ZooActivation.Relu, false),
        (72, 24, 1, ZooActivation.Relu, false),
        (96, 40, 2, ZooActivation.HardSwish, true),
        (120, 40, 1, ZooActivation.HardSwish, true),
        (144, 48, 1, ZooActivation.HardSwish, false),
    ];

    /// <summary>Builds the network described by <paramref name="options"/> (defaults when null).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The input size, width or class count is not positive.</exception>
    public static ZooModel Build(MobileNetStyleOptions? options = null)
    {
        options ??= new MobileNetStyleOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.InputSize, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Classes, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.WidthMultiplier, nameof(options));

        string name = string.Create(CultureInfo.InvariantCulture, $"mobilenet_style_{options.InputSize}_w{options.WidthMultiplier:0.###}_s{options.Seed}");
        var builder = new ModelBuilder(name, Opset);
        var layers = new ZooLayers(builder, new ZooRandom(options.Seed));
        int[] inputShape = [1, 3, options.InputSize, options.InputSize];
        string x = builder.Input("input", inputShape);

        int channels = Scale(16, options.WidthMultiplier);
        x = layers.ConvBnActivate(x, "stem", 3, channels, kernel: 3, stride: 2, group: 1, ZooActivation.HardSwish);
        for (int index = 0; index < Blocks.Length; index++)
        {
            var block = Blocks[index];
            int expanded = Scale(block.Expanded, options.WidthMultiplier);
            int output = Scale(block.Output, options.WidthMultiplier);
            x = InvertedResidual(layers, x, $"block{index + 1}", channels, expanded, output, block.Stride, block.Activation, block.SqueezeExcite);
            channels = output;
        }

        int features = Scale(128, options.WidthMultiplier);
        x = layers.ConvBnActivate(x, "head", channels, features, kernel: 1, stride: 1, group: 1, ZooActivation.HardSwish);
        x = builder.Node("GlobalAveragePool", [x], "pool");
        x = Flatten(builder, x, options.Flatten);
        x = layers.Gemm(x, "classifier", features, options.Classes, ClassifierDeviation);
        x = builder.Node("Softmax", [x], "softmax", ("axis", 1L));
        builder.Output(x);

        return new ZooModel(name, builder.ToBytes(), "input", inputShape, x, [1, options.Classes]);
    }

    /// <summary>Channels scaled by the width multiplier and rounded to the nearest multiple of 8, at least 8 (as MobileNet's make_divisible).</summary>
    private static int Scale(int channels, double width) => Math.Max(8, (int)Math.Round(channels * width / 8) * 8);

    private static string InvertedResidual(ZooLayers layers, string x, string name, int input, int expanded, int output, int stride, ZooActivation activation, bool squeezeExcite)
    {
        string y = x;
        if (expanded != input)
        {
            y = layers.ConvBnActivate(y, $"{name}.expand", input, expanded, kernel: 1, stride: 1, group: 1, activation);
        }

        y = layers.ConvBnActivate(y, $"{name}.dw", expanded, expanded, kernel: 3, stride, group: expanded, activation);
        if (squeezeExcite)
        {
            y = SqueezeExcite(layers, y, $"{name}.se", expanded);
        }

        y = layers.ConvBnActivate(y, $"{name}.project", expanded, output, kernel: 1, stride: 1, group: 1, ZooActivation.None);
        return stride == 1 && input == output ? layers.Builder.Node("Add", [x, y], $"{name}.add") : y;
    }

    private static string SqueezeExcite(ZooLayers layers, string x, string name, int channels)
    {
        int reduced = Math.Max(8, channels / 4 / 8 * 8);
        string squeezed = layers.Builder.Node("GlobalAveragePool", [x], $"{name}.pool");
        string reduce = layers.Conv(squeezed, $"{name}.reduce", channels, reduced, kernel: 1, stride: 1, group: 1, bias: true);
        reduce = layers.Activate(reduce, $"{name}.relu", ZooActivation.Relu);
        string expand = layers.Conv(reduce, $"{name}.expand", reduced, channels, kernel: 1, stride: 1, group: 1, bias: true);
        string gate = layers.Activate(expand, $"{name}.gate", ZooActivation.HardSigmoid);
        return layers.Builder.Node("Mul", [x, gate], $"{name}.scale");
    }

    private static string Flatten(ModelBuilder builder, string x, FlattenStyle style)
    {
        if (style == FlattenStyle.FlattenNode)
        {
            return builder.Node("Flatten", [x], "flatten", ("axis", 1L));
        }

        // torch: x.view(x.size(0), -1)
        string shape = builder.Node("Shape", [x], "flatten.shape");
        string batch = builder.Node("Gather", [shape, builder.InitializerInt64("flatten.batch_index", [0])], "flatten.gather", ("axis", 0L));
        string batch1 = builder.Node("Unsqueeze", [batch, builder.InitializerInt64("flatten.unsqueeze_axes", [0], 1)], "flatten.unsqueeze");
        string target = builder.Node("Concat", [batch1, builder.InitializerInt64("flatten.rest", [-1], 1)], "flatten.concat", ("axis", 0L));
        return builder.Node("Reshape", [x, target], "flatten.reshape");
    }
}
