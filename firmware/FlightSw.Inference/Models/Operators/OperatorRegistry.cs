namespace FlightSw.Inference.Models.Operators;

/// <summary>The operators the loader supports, by ONNX name.</summary>
internal static class OperatorRegistry
{
    private static readonly Dictionary<string, OperatorRule> Rules = new OperatorRule[]
    {
        new ConvRule(),
        new BatchNormalizationRule(),
        new UnaryRule("Relu"),
        new UnaryRule("Sigmoid"),
        new UnaryRule("HardSigmoid"),
        new UnaryRule("HardSwish"),
        new ClipRule(),
        new BinaryRule("Add"),
        new BinaryRule("Sub"),
        new BinaryRule("Mul"),
        new BinaryRule("Div"),
        new MatMulRule(),
        new GemmRule(),
        new PoolRule("MaxPool"),
        new PoolRule("AveragePool"),
        new GlobalAveragePoolRule(),
        new FlattenRule(),
        new ReshapeRule(),
        new ConcatRule(),
        new SoftmaxRule(),
        new ConstantRule(),
        new ShapeRule(),
        new SliceRule(),
        new CastRule(),
        new GatherRule(),
        new UnsqueezeRule(),
        new SqueezeRule(),
        new TransposeRule(),
        new IdentityRule("Identity"),
        new IdentityRule("Dropout"),
    }.ToDictionary(rule => rule.OpType, StringComparer.Ordinal);

    /// <summary>The supported operator names, sorted.</summary>
    public static IReadOnlyList<string> Supported { get; } = [.. Rules.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The rule for <paramref name="opType"/>, or null when it is not supported.</summary>
    public static OperatorRule? Find(string opType) => Rules.GetValueOrDefault(opType);
}
