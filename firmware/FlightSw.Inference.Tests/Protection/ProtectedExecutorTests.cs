using System.Runtime.InteropServices;
using FlightSw.Inference.Faults;
using FlightSw.Inference.Protection;
using FlightSw.Inference.Tests.Execution;

namespace FlightSw.Inference.Tests.Protection;

/// <summary>
/// Protection against aimed upsets on a small depthwise-separable CNN: TMR masks and repairs a
/// flipped weight, ABFT catches a corrupted accumulator and recomputes it, DMR detects and re-runs,
/// and without protection the same faults change the output (so these tests can fail).
/// </summary>
public class ProtectedExecutorTests
{
    private static readonly byte[] Model = SmallModels.ConvNet();
    private static readonly float[] Input = SmallModels.Input(1, 3 * 12 * 12);
    private static readonly string[] WeightedLayers = ["conv1", "dw", "pw", "head"];
    private static readonly int[] Bits = [0, 12, 22, 23, 26, 29, 30, 31];

    [Test]
    public void Run_TmrWithOneFlippedWeightBitInAnyReplica_OutputNeverChangesAndReplicaIsRepaired()
    {
        var clean = CleanOutput();
        int masked = 0;
        foreach (string layer in WeightedLayers)
        {
            foreach (int bit in Bits)
            {
                for (int replica = 0; replica < 3; replica++)
                {
                    var model = Load(ProtectionMode.Tmr);
                    int element = ElementOf(model, layer, replica + bit);
                    model.ArmFault(new InferenceFault(FaultSite.Weight, replica, layer, element, bit));
                    var output = new float[5];
                    var result = model.Run(Input, output);

                    Assert.That(Bits32(output), Is.EqualTo(Bits32(clean)), $"{layer} element {element} bit {bit} replica {replica}");
                    Assert.That(result.Outcome, Is.AnyOf(InferenceOutcome.Unanimous, InferenceOutcome.Masked));
                    if (result.Outcome == InferenceOutcome.Masked)
                    {
                        masked++;
                        Assert.That(result.FaultyReplica, Is.EqualTo(replica));
                    }

                    // Outvoted: repaired at once. A flip the output never saw (a padding weight, a
                    // low bit rounded away) waits for the scrubber's patrol, which corrects it.
                    if (result.Outcome == InferenceOutcome.Unanimous)
                    {
                        Assert.That(model.Regions[replica].Scrub(0, model.Regions[replica].WordCount).CorrectedWords, Is.EqualTo(1));
                    }

                    Assert.That(RegionWords(model, replica), Is.EqualTo(RegionWords(model, (replica + 1) % 3)));
                }
            }
        }

        Assert.That(masked, Is.GreaterThan(WeightedLayers.Length * Bits.Length), "most flips should reach the output and be outvoted");
    }

    [Test]
    public void Run_UnprotectedWithTheSameWeightFlips_OutputChanges()
    {
        var clean = CleanOutput();
        int changed = 0;
        foreach (string layer in WeightedLayers)
        {
            var model = Load(ProtectionMode.None);
            model.ArmFault(new InferenceFault(FaultSite.Weight, 0, layer, ElementOf(model, layer, 0), 30));
            var output = new float[5];
            var result = model.Run(Input, output);
            Assert.That(result.Outcome, Is.EqualTo(InferenceOutcome.Unchecked));
            changed += Bits32(output).SequenceEqual(Bits32(clean)) ? 0 : 1;
        }

        Assert.That(changed, Is.EqualTo(WeightedLayers.Length));
    }

    [TestCase("conv1")]
    [TestCase("dw")]
    [TestCase("pw")]
    [TestCase("head")]
    public void Run_AbftWithCorruptedAccumulator_DetectsAndRecomputes(string layer)
    {
        var clean = CleanOutput();
        var layerInfo = Load(ProtectionMode.Abft).Layers.Single(l => l.Name == layer);
        foreach (int bit in new[] { 23, 25, 27, 29, 30, 31 })
        {
            var model = Load(ProtectionMode.Abft);
            int element = layerInfo.OutputCount / 2 + bit;
            model.ArmFault(new InferenceFault(FaultSite.Accumulator, 0, layer, element % layerInfo.OutputCount, bit));
            var output = new float[5];
            var result = model.Run(Input, output);

            Assert.That(result.Outcome, Is.EqualTo(InferenceOutcome.Recomputed), $"bit {bit}: {result.Detail}");
            Assert.That(result.Recomputations, Is.EqualTo(1));
            Assert.That(Bits32(output), Is.EqualTo(Bits32(clean)));
        }
    }

    [Test]
    public void Run_UnprotectedWithCorruptedAccumulator_OutputChanges()
    {
        var clean = CleanOutput();
        var model = Load(ProtectionMode.None);
        model.ArmFault(new InferenceFault(FaultSite.Accumulator, 0, "head", 2, 30));
        var output = new float[5];
        model.Run(Input, output);
        Assert.That(Bits32(output), Is.Not.EqualTo(Bits32(clean)));
    }

    [Test]
    public void Run_AbftWithFlippedWeight_RepairsTheRegionAndRecomputes()
    {
        var clean = CleanOutput();
        var model = Load(ProtectionMode.Abft);
        model.ArmFault(new InferenceFault(FaultSite.Weight, 0, "pw", ElementOf(model, "pw", 3), 30));
        var output = new float[5];
        var result = model.Run(Input, output);

        Assert.That(result.Outcome, Is.EqualTo(InferenceOutcome.Recomputed), result.Detail);
        Assert.That(Bits32(output), Is.EqualTo(Bits32(clean)));
        Assert.That(model.Regions[0].Scrub(0, model.Regions[0].WordCount).CorrectedWords, Is.Zero, "repaired already");
    }

    [Test]
    public void Run_AdjacentWeightUpsetUnderTmr_LandsInMemoryAndIsRepairedFromTheOtherReplicas()
    {
        var clean = CleanOutput();
        var model = Load(ProtectionMode.Tmr);
        int element = ElementOf(model, "pw", 5);
        float before = model.Regions[1].Raw<float>()[WeightOffsetOf(model, "pw") + element];

        // Two neighbouring exponent bits: beyond what the code corrects in one word, so only the vote saves it.
        model.ArmFault(new InferenceFault(FaultSite.Weight, 1, "pw", element, 29) { Change = new BitChange(0b11u << 29, 0, 0) });
        var output = new float[5];
        var result = model.Run(Input, output);
        Assert.Multiple(() =>
        {
            Assert.That(Bits32(output), Is.EqualTo(Bits32(clean)));
            Assert.That(result.Outcome, Is.EqualTo(InferenceOutcome.Masked));
            Assert.That(model.Regions[1].Raw<float>()[WeightOffsetOf(model, "pw") + element], Is.EqualTo(before));
        });
    }

    [Test]
    public void Run_RandomValueActivationWithoutProtection_ReplacesTheElement()
    {
        var clean = CleanOutput();
        var model = Load(ProtectionMode.None);
        model.ArmFault(new InferenceFault(FaultSite.Activation, 0, "head", 1, 0) { Change = new BitChange(0, BitConverter.SingleToUInt32Bits(1000f), uint.MaxValue) });
        var output = new float[5];
        model.Run(Input, output);
        Assert.That(Bits32(output), Is.Not.EqualTo(Bits32(clean)));
    }

    [Test]
    public void ReplicasOf_AbftTmr_OnlyTheHeadHasThree()
    {
        var model = Load(ProtectionMode.AbftTmr);
        Assert.Multiple(() =>
        {
            Assert.That(model.ReplicasOf("head"), Is.EqualTo(3));
            Assert.That(model.ReplicasOf("conv1"), Is.EqualTo(1));
            Assert.That(() => model.ReplicasOf("nope"), Throws.ArgumentException.With.Message.Contains("the layers are"));
        });
    }

    [Test]
    public void Run_DmrWithActivationFault_DetectsAndReruns()
    {
        var clean = CleanOutput();
        var model = Load(ProtectionMode.Dmr);
        model.ArmFault(new InferenceFault(FaultSite.Activation, 1, "pw", 7, 30));
        var output = new float[5];
        var result = model.Run(Input, output);

        Assert.That(result.Outcome, Is.EqualTo(InferenceOutcome.Recomputed));
        Assert.That(Bits32(output), Is.EqualTo(Bits32(clean)));
    }

    [Test]
    public void Run_TmrWithEveryReplicaHitDifferently_RecomputesAfterThreeWaySplit()
    {
        var clean = CleanOutput();
        var model = Load(ProtectionMode.Tmr);
        for (int replica = 0; replica < 3; replica++)
        {
            model.ArmFault(new InferenceFault(FaultSite.Activation, replica, "head", replica, 30));
        }

        var output = new float[5];
        var result = model.Run(Input, output);

        Assert.That(result.Outcome, Is.EqualTo(InferenceOutcome.Recomputed), result.Detail);
        Assert.That(Bits32(output), Is.EqualTo(Bits32(clean)));
    }

    [Test]
    public void Run_AbftTmrWithFaultInOneHeadReplica_IsMasked()
    {
        var clean = CleanOutput();
        var model = Load(ProtectionMode.AbftTmr);
        model.ArmFault(new InferenceFault(FaultSite.Accumulator, 2, "head", 1, 30));
        var output = new float[5];
        var result = model.Run(Input, output);

        Assert.That(result.Outcome, Is.EqualTo(InferenceOutcome.Masked));
        Assert.That(result.FaultyReplica, Is.EqualTo(2));
        Assert.That(Bits32(output), Is.EqualTo(Bits32(clean)));
        Assert.That(model.Regions.Select(region => region.Name), Is.EqualTo(new[] { "convnet.body.r0", "convnet.head.r0", "convnet.head.r1", "convnet.head.r2" }));
    }

    [Test]
    public void Run_AbftWithDoubleBitWeightUpsetAndIntactFile_ReloadsFromTheFileAndRecomputes()
    {
        string path = WriteModel();
        try
        {
            var clean = CleanOutput();
            var model = InferenceModel.Load(path, new InferenceOptions { Protection = ProtectionMode.Abft });
            FlipTwoBitsOfAWeight(model);
            var output = new float[5];
            var result = model.Run(Input, output);

            Assert.That(result.Outcome, Is.EqualTo(InferenceOutcome.Recomputed), result.Detail);
            Assert.That(Bits32(output), Is.EqualTo(Bits32(clean)));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Run_AbftWithDoubleBitWeightUpsetAndTamperedFile_FailsAndSaysSo()
    {
        string path = WriteModel();
        try
        {
            var model = InferenceModel.Load(path, new InferenceOptions { Protection = ProtectionMode.Abft });
            FlipTwoBitsOfAWeight(model);
            File.WriteAllBytes(path, SmallModels.ConvNet(seed: 99));
            var output = new float[5];
            var result = model.Run(Input, output);

            Assert.That(result.Outcome, Is.EqualTo(InferenceOutcome.Failed));
            Assert.That(result.IsUsable, Is.False);
            Assert.That(result.Detail, Does.Contain("pw"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestCase(ProtectionMode.Dmr)]
    [TestCase(ProtectionMode.Tmr)]
    [TestCase(ProtectionMode.AbftTmr)]
    public void Run_ParallelReplicas_SameBitsAsSequential(ProtectionMode mode)
    {
        var sequential = CleanOutput();
        var model = InferenceModel.Load(Model, new InferenceOptions { Protection = mode, Scheduling = ReplicaScheduling.Parallel });
        var output = new float[5];
        for (int run = 0; run < 5; run++)
        {
            var result = model.Run(Input, output);
            Assert.That(result.Outcome, Is.EqualTo(InferenceOutcome.Unanimous));
            Assert.That(Bits32(output), Is.EqualTo(Bits32(sequential)));
        }
    }

    [Test]
    public void Run_EveryProtectionMode_SameBitsAsUnprotected()
    {
        var clean = CleanOutput();
        foreach (var mode in Enum.GetValues<ProtectionMode>())
        {
            var output = new float[5];
            Load(mode).Run(Input, output);
            Assert.That(Bits32(output), Is.EqualTo(Bits32(clean)), mode.ToString());
        }
    }

    [Test]
    public void ArmFault_UnknownLayerOrReplica_RefusedWithTheReason()
    {
        var model = Load(ProtectionMode.Tmr);
        Assert.That(() => model.ArmFault(new InferenceFault(FaultSite.Weight, 0, "nope", 0, 0)),
            Throws.ArgumentException.With.Message.Contains("No layer is named 'nope'").And.Message.Contains("conv1"));
        Assert.That(() => model.ArmFault(new InferenceFault(FaultSite.Weight, 3, "pw", 0, 0)),
            Throws.ArgumentException.With.Message.Contains("replica 3 does not exist"));
        Assert.That(() => model.ArmFault(new InferenceFault(FaultSite.Accumulator, 0, "gap", 0, 0)),
            Throws.ArgumentException.With.Message.Contains("has no accumulator"));
        Assert.That(() => model.ArmFault(new InferenceFault(FaultSite.Activation, 0, "pw", 576, 0)),
            Throws.ArgumentException.With.Message.Contains("outside"));
        Assert.That(() => model.ArmFault(new InferenceFault(FaultSite.Activation, 0, "pw", 0, 32)),
            Throws.ArgumentException.With.Message.Contains("Bit 32"));
    }

    [Test]
    public void Run_FaultArmedForALayerThatDidNotFire_IsDroppedAfterTheRun()
    {
        var clean = CleanOutput();
        var model = Load(ProtectionMode.None);
        model.ArmFault(new InferenceFault(FaultSite.Activation, 0, "softmax", 0, 30));
        var first = new float[5];
        model.Run(Input, first);
        var second = new float[5];
        model.Run(Input, second);

        Assert.That(Bits32(first), Is.Not.EqualTo(Bits32(clean)));
        Assert.That(Bits32(second), Is.EqualTo(Bits32(clean)), "an activation fault fires once");
    }

    private static InferenceModel Load(ProtectionMode mode) => InferenceModel.Load(Model, new InferenceOptions { Protection = mode });

    private static float[] CleanOutput()
    {
        var output = new float[5];
        Load(ProtectionMode.None).Run(Input, output);
        return output;
    }

    private static int[] Bits32(float[] values) => MemoryMarshal.Cast<float, int>(values).ToArray();

    private static ulong[] RegionWords(InferenceModel model, int replica) => model.Regions[replica].Raw<ulong>().ToArray();

    // A weight element that holds a real (non-zero) weight: packing pads panels with zeros.
    private static int ElementOf(InferenceModel model, string layer, int salt)
    {
        var info = model.Layers.Single(l => l.Name == layer);
        var executor = model.Regions[0].Raw<float>();
        int offset = WeightOffsetOf(model, layer);
        for (int i = 0; i < info.WeightCount; i++)
        {
            int element = (salt * 37 + i) % info.WeightCount;
            if (executor[offset + element] != 0 && float.IsNormal(executor[offset + element]))
            {
                return element;
            }
        }

        throw new InvalidOperationException($"Layer {layer} has no non-zero weight.");
    }

    private static int WeightOffsetOf(InferenceModel model, string layer)
    {
        int offset = 0;
        foreach (var info in model.Layers)
        {
            if (info.Name == layer)
            {
                return offset;
            }

            offset = (offset + info.WeightCount + 15) / 16 * 16;
        }

        throw new InvalidOperationException(layer);
    }

    private static void FlipTwoBitsOfAWeight(InferenceModel model)
    {
        var region = model.Regions[0];
        int word = (WeightOffsetOf(model, "pw") + ElementOf(model, "pw", 1)) / 2;
        region.FlipBit(region.PhysicalBitOf(word, 30));
        region.FlipBit(region.PhysicalBitOf(word, 62));
    }

    private static string WriteModel()
    {
        string path = Path.Combine(Path.GetTempPath(), $"flightsw-convnet-{Guid.NewGuid():N}.onnx");
        File.WriteAllBytes(path, Model);
        return path;
    }
}
