namespace FlightSw.Inference.Models.Zoo;

/// <summary>
/// Writes the zoo's layers into a <see cref="ModelBuilder"/> with seeded weights. Nodes are named
/// after their place in the network (<c>block3.dw.conv</c>), as fault campaigns aim at them by name;
/// a node's weights are named after it (<c>block3.dw.conv.weight</c>).
/// </summary>
internal sealed class ZooLayers(ModelBuilder builder, ZooRandom random)
{
    /// <summary>The builder the layers are written into.</summary>
    public ModelBuilder Builder => builder;

    /// <summary>
    /// A square 2-D convolution padded to keep the size at stride 1 (pads kernel/2 on every side),
    /// He-initialised; with a small random bias when <paramref name="bias"/> (convolutions followed
    /// by BatchNormalization have none, as PyTorch exports them).
    /// </summary>
    public string Conv(string x, string name, int inChannels, int outChannels, int kernel, int stride, int group, bool bias)
    {
        int fanIn = inChannels / group * kernel * kernel;
        var inputs = new List<string>
        {
            x,
            builder.Initializer($"{name}.weight", random.He(outChannels * fanIn, fanIn), outChannels, inChannels / group, kernel, kernel),
        };
        if (bias)
        {
            inputs.Add(builder.Initializer($"{name}.bias", random.Normal(outChannels, 0, 0.05), outChannels));
        }

        int pad = kernel / 2;
        return builder.Node(
            "Conv",
            inputs,
            name,
            ("kernel_shape", new long[] { kernel, kernel }),
            ("strides", new long[] { stride, stride }),
            ("pads", new long[] { pad, pad, pad, pad }),
            ("group", (long)group));
    }

    /// <summary>
    /// Inference-mode BatchNormalization with realistic trained statistics: scale in [0.9, 1.1],
    /// small bias and mean, variance in [0.5, 1.5].
    /// </summary>
    public string BatchNorm(string x, string name, int channels) => builder.Node(
        "BatchNormalization",
        [
            x,
            builder.Initializer($"{name}.scale", random.Uniform(channels, 0.9, 1.1), channels),
            builder.Initializer($"{name}.bias", random.Normal(channels, 0, 0.05), channels),
            builder.Initializer($"{name}.mean", random.Normal(channels, 0, 0.1), channels),
            builder.Initializer($"{name}.var", random.Uniform(channels, 0.5, 1.5), channels),
        ],
        name,
        ("epsilon", 1e-5f));

    /// <summary>Activation <paramref name="activation"/> of <paramref name="x"/> (<paramref name="x"/> itself for <see cref="ZooActivation.None"/>).</summary>
    public string Activate(string x, string name, ZooActivation activation) => activation switch
    {
        ZooActivation.None => x,
        ZooActivation.Relu => builder.Node("Relu", [x], name),
        ZooActivation.HardSwish => builder.Node("HardSwish", [x], name),
        ZooActivation.HardSigmoid => builder.Node("HardSigmoid", [x], name, ("alpha", 1f / 6), ("beta", 0.5f)),
        ZooActivation.Sigmoid => builder.Node("Sigmoid", [x], name),
        ZooActivation.Clip => builder.Node("Clip", [x, builder.Initializer($"{name}.min", [0f]), builder.Initializer($"{name}.max", [6f])], name),
        _ => throw new ArgumentOutOfRangeException(nameof(activation), activation, "Unknown activation."),
    };

    /// <summary>Convolution without bias, BatchNormalization, then <paramref name="activation"/>: the unit of a MobileNet.</summary>
    public string ConvBnActivate(string x, string name, int inChannels, int outChannels, int kernel, int stride, int group, ZooActivation activation)
    {
        string conv = Conv(x, $"{name}.conv", inChannels, outChannels, kernel, stride, group, bias: false);
        string normalized = BatchNorm(conv, $"{name}.bn", channels: outChannels);
        return Activate(normalized, $"{name}.act", activation);
    }

    /// <summary>
    /// A fully connected layer as PyTorch exports <c>nn.Linear</c>: Gemm with weights [out, in] and
    /// transB = 1, plus a bias. Weights are He-initialised, or normal with deviation
    /// <paramref name="deviation"/> when given.
    /// </summary>
    public string Gemm(string x, string name, int inFeatures, int outFeatures, double? deviation = null) => builder.Node(
        "Gemm",
        [
            x,
            builder.Initializer(
                $"{name}.weight",
                deviation is null ? random.He(outFeatures * inFeatures, inFeatures) : random.Normal(outFeatures * inFeatures, 0, deviation.Value),
                outFeatures,
                inFeatures),
            builder.Initializer($"{name}.bias", random.Normal(outFeatures, 0, 0.05), outFeatures),
        ],
        name,
        ("transB", 1L));

    /// <summary>A fully connected layer as MatMul with weights [in, out] followed by Add of a bias [out] (broadcast over the batch).</summary>
    public string MatMulAdd(string x, string name, int inFeatures, int outFeatures)
    {
        string product = builder.Node(
            "MatMul",
            [x, builder.Initializer($"{name}.weight", random.He(inFeatures * outFeatures, inFeatures), inFeatures, outFeatures)],
            $"{name}.matmul");
        return builder.Node("Add", [product, builder.Initializer($"{name}.bias", random.Normal(outFeatures, 0, 0.05), outFeatures)], $"{name}.add");
    }
}
