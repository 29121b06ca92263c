using FlightSw.Inference.Models.Zoo;
using FlightSw.Inference.Protection;

namespace FlightSw.Inference.Tests.Oracle;

/// <summary>
/// The zoo's whole networks against ONNX Runtime for several seeded inputs: every probability
/// within <see cref="Tolerance.WholeModel"/>, the same predicted class, and a managed engine that
/// gives the same bits every time.
/// </summary>
public class WholeModelOracleTests
{
    private static readonly int[] InputSeeds = [11, 12, 13, 14, 15];

    public static IEnumerable<TestCaseData> Models()
    {
        yield return Model("MobileNetStyleFlattenNode", () => MobileNetStyle.Build(new MobileNetStyleOptions { Flatten = FlattenStyle.FlattenNode }));
        yield return Model("MobileNetStylePyTorchFlatten", () => MobileNetStyle.Build(new MobileNetStyleOptions { Flatten = FlattenStyle.ShapeGatherReshape }));
        yield return Model("MobileNetStyleHalfWidth48", () => MobileNetStyle.Build(new MobileNetStyleOptions { InputSize = 48, WidthMultiplier = 0.5, Seed = 2 }));
        yield return Model("MlpGemmSigmoidBatch1", () => Mlp.Build(new MlpOptions { Dense = MlpDense.Gemm, Squash = MlpSquash.Sigmoid, Batch = 1 }));
        yield return Model("MlpGemmSigmoidBatch4", () => Mlp.Build(new MlpOptions { Dense = MlpDense.Gemm, Squash = MlpSquash.Sigmoid, Batch = 4 }));
        yield return Model("MlpMatMulAddClipBatch1", () => Mlp.Build(new MlpOptions { Dense = MlpDense.MatMulAdd, Squash = MlpSquash.Clip, Batch = 1 }));
        yield return Model("MlpMatMulAddClipBatch4", () => Mlp.Build(new MlpOptions { Dense = MlpDense.MatMulAdd, Squash = MlpSquash.Clip, Batch = 4 }));
    }

    public static IEnumerable<TestCaseData> ProtectionModes()
    {
        yield return new TestCaseData(ProtectionMode.Dmr, ReplicaScheduling.Sequential);
        yield return new TestCaseData(ProtectionMode.Tmr, ReplicaScheduling.Sequential);
        yield return new TestCaseData(ProtectionMode.Tmr, ReplicaScheduling.Parallel);
        yield return new TestCaseData(ProtectionMode.Abft, ReplicaScheduling.Sequential);
        yield return new TestCaseData(ProtectionMode.AbftTmr, ReplicaScheduling.Sequential);
        yield return new TestCaseData(ProtectionMode.AbftTmr, ReplicaScheduling.Parallel);
    }

    [TestCaseSource(nameof(Models))]
    public void Run_SeededInputs_MatchesOnnxRuntime(ZooCase zooCase)
    {
        var zoo = zooCase.Build();
        using var oracle = new OnnxRuntimeOracle(zoo.Onnx);
        var model = InferenceModel.Load(zoo.Onnx);

        foreach (int seed in InputSeeds)
        {
            var inputs = Inputs(zoo, seed);
            var expected = oracle.Run(inputs);
            var actual = ManagedEngine.Run(model, inputs);

            Differential.AssertClose(actual, expected, Tolerance.WholeModel);
            var expectedClasses = ArgMaxPerRow(expected[0]);
            var actualClasses = ArgMaxPerRow(actual[0]);
            for (int row = 0; row < expectedClasses.Length; row++)
            {
                if (expectedClasses[row] >= 0)
                {
                    Assert.That(actualClasses[row], Is.EqualTo(expectedClasses[row]), $"predicted class of row {row}, input seed {seed}");
                }
            }
        }
    }

    [TestCaseSource(nameof(Models))]
    public void Run_Twice_SameBits(ZooCase zooCase)
    {
        var zoo = zooCase.Build();
        var model = InferenceModel.Load(zoo.Onnx);
        var inputs = Inputs(zoo, seed: 21);

        var first = ManagedEngine.Run(model, inputs);
        var second = ManagedEngine.Run(model, inputs);

        Assert.That(Bits(second[0]), Is.EqualTo(Bits(first[0])));
    }

    [TestCaseSource(nameof(Models))]
    public void Load_TwoSeparateModels_SameBits(ZooCase zooCase)
    {
        var zoo = zooCase.Build();
        var inputs = Inputs(zoo, seed: 22);

        var first = ManagedEngine.Run(zoo.Onnx, inputs);
        var second = ManagedEngine.Run(zooCase.Build().Onnx, inputs);

        Assert.That(Bits(second[0]), Is.EqualTo(Bits(first[0])));
    }

    [Test]
    public void Build_SameOptions_SameBytes()
    {
        byte[] mobileNet = MobileNetStyle.Build().Onnx;
        byte[] mlp = Mlp.Build().Onnx;
        byte[] otherSeed = MobileNetStyle.Build(new MobileNetStyleOptions { Seed = 2 }).Onnx;

        Assert.That(MobileNetStyle.Build().Onnx, Is.EqualTo(mobileNet));
        Assert.That(Mlp.Build().Onnx, Is.EqualTo(mlp));
        Assert.That(otherSeed, Is.Not.EqualTo(mobileNet));
    }

    [TestCaseSource(nameof(ProtectionModes))]
    public void Run_MobileNetStyleProtected_SameBitsAsUnprotected(ProtectionMode protection, ReplicaScheduling scheduling)
    {
        var zoo = MobileNetStyle.Build();
        var inputs = Inputs(zoo, seed: 23);

        var unprotected = ManagedEngine.Run(zoo.Onnx, inputs);
        var protectedRun = ManagedEngine.Run(zoo.Onnx, inputs, new InferenceOptions { Protection = protection, Scheduling = scheduling });

        Assert.That(Bits(protectedRun[0]), Is.EqualTo(Bits(unprotected[0])));
    }

    private static TestCaseData Model(string scenario, Func<ZooModel> build) =>
        new TestCaseData(new ZooCase(scenario, build)).SetArgDisplayNames(scenario);

    private static NamedTensor[] Inputs(ZooModel zoo, int seed) => [new NamedTensor(zoo.InputName, zoo.RandomInput(seed), [.. zoo.InputShape])];

    private static int[] Bits(NamedTensor tensor) => [.. tensor.Values.Select(BitConverter.SingleToInt32Bits)];

    /// <summary>The most probable class of each row, or -1 for a row whose two best probabilities are too close to rank reliably (within the whole-model tolerance).</summary>
    private static int[] ArgMaxPerRow(NamedTensor tensor)
    {
        int columns = tensor.Shape[^1];
        var classes = new int[tensor.Values.Length / columns];
        for (int row = 0; row < classes.Length; row++)
        {
            var probabilities = tensor.Values.AsSpan(row * columns, columns);
            int best = 0;
            int second = -1;
            for (int column = 1; column < columns; column++)
            {
                if (probabilities[column] > probabilities[best])
                {
                    second = best;
                    best = column;
                }
                else if (second < 0 || probabilities[column] > probabilities[second])
                {
                    second = column;
                }
            }

            bool tooClose = second >= 0 && !(probabilities[best] - probabilities[second] > 2 * Tolerance.WholeModel.Absolute);
            classes[row] = tooClose ? -1 : best;
        }

        return classes;
    }
}
