using FlightSw.Core.Application;
using FlightSw.Core.Commands;
using FlightSw.Edac.Scrubbing;
using FlightSw.Hal;
using FlightSw.Hal.Boards;
using FlightSw.Inference.Job;
using FlightSw.Inference.Protection;
using FlightSw.Node.Payload;
using FlightSw.Node.Simulation;
using FlightSw.Sim;
using FlightSw.Sim.Faults;

namespace FlightSw.Node.Tests;

/// <summary>The node's composition flying the shipped payload (golden image and classifier) on the simulated board.</summary>
public sealed class FlightImageTests
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(600);
    private static readonly string[] ReplicaRegions = ["classifier.r0", "classifier.r1", "classifier.r2"];
    private static readonly Lazy<FlightPayload> Shipped = new(() => FlightPayload.Load(ImagesFolderPath));
    private static readonly Lazy<int[]> ExpectedClasses = new(ClassesOfEverySample);

    private static string ImagesFolderPath => Path.Combine(AppContext.BaseDirectory, "images");

    /// <summary>A simulated node flying <paramref name="payload"/>, just booted.</summary>
    private static SimulatedNode Boot(FlightPayload payload)
    {
        var node = new SimulatedNode(BoardCatalog.Locate().Load("sim"), seed: 1, image: board => FlightImage.Compose(board, payload: payload));
        node.PowerOn();
        Assert.That(node.RunUntil(() => node.Application is not null, TimeSpan.FromMinutes(1)), Is.True, "the node did not boot");
        return node;
    }

    /// <summary><see cref="Boot"/>, then long enough for the power manager to know the battery and allow heavy jobs.</summary>
    private static SimulatedNode BootAndSettle(FlightPayload payload)
    {
        var node = Boot(payload);
        node.RunFor(TimeSpan.FromSeconds(10));
        return node;
    }

    private static InferenceJob Job(SimulatedNode node) => (InferenceJob)node.Application!.FindComponent(InferenceJob.ComponentName)!;

    private static Scrubber ScrubberOf(SimulatedNode node) => (Scrubber)node.Application!.FindComponent("scrubber")!;

    private static CommandResponse Command(SimulatedNode node, string name, params string[] arguments) =>
        node.Application!.Commands.Execute(CommandRequest.Of(name, arguments));

    private static object? Telemetry(FlightApplication app, string channel) => app.Telemetry.Find(channel)!.BoxedValue;

    /// <summary>The class of every shipped sample, from a model of its own (the node's one must agree).</summary>
    private static int[] ClassesOfEverySample()
    {
        var inference = Shipped.Value.Inference!;
        var model = inference.CreateModel();
        var output = new float[10];
        var classes = new int[inference.Samples.Count];
        for (int s = 0; s < classes.Length; s++)
        {
            model.Run(inference.Samples[s], output);
            classes[s] = Array.IndexOf(output, output.Max());
        }

        return classes;
    }

    [Test]
    public void Compose_ShippedPayload_FliesAnInferenceEveryPeriodOnTheNextSample()
    {
        using var node = Boot(Shipped.Value);
        var job = Job(node);

        node.RunFor(Period - TimeSpan.FromSeconds(5));
        uint beforeThePeriod = job.Runs;
        node.RunFor(TimeSpan.FromSeconds(10));
        uint afterOnePeriod = job.Runs;
        int? firstClass = job.LastClass;
        node.RunFor(4 * Period);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(beforeThePeriod, Is.Zero);
            Assert.That(afterOnePeriod, Is.EqualTo(1u));
            Assert.That(firstClass, Is.EqualTo(ExpectedClasses.Value[0]));
            Assert.That(job.Runs, Is.EqualTo(5u));
            Assert.That(job.Unanimous, Is.EqualTo(5u), "TMR replicas agree when nothing is upset");
            Assert.That(job.NextSample, Is.EqualTo(5));
            Assert.That(job.LastClass, Is.EqualTo(ExpectedClasses.Value[4]));
            Assert.That(job.Model.Protection, Is.EqualTo(ProtectionMode.Tmr));
            Assert.That(job.LastLatency, Is.GreaterThan(TimeSpan.Zero), "latency is measured on the wall clock, not the frozen virtual one");
            Assert.That(Telemetry(node.Application!, "INFER_PROTECTION"), Is.EqualTo(ProtectionMode.Tmr));
            Assert.That(node.Application!.Parameters.Find("INFER_PERIOD_S")!.ValueText, Is.EqualTo("600"));
        }
    }

    [Test]
    public void Compose_ShippedPayload_TheScrubberPatrolsTheWeightRegionsInTheMemoryMap()
    {
        using var node = Boot(Shipped.Value);

        var scrubbed = ScrubberOf(node).Regions.Select(region => region.Name).ToList();
        var mapped = node.Hardware.Board!.Memory.Targets.Select(target => target.Name).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(scrubbed, Is.EqualTo(new[] { "payload-weights" }.Concat(ReplicaRegions)));
            Assert.That(Job(node).Model.Regions, Is.EqualTo(ScrubberOf(node).Regions.Skip(1)), "the very regions the model computes from");
            Assert.That(mapped, Is.SupersetOf(scrubbed));
            Assert.That(node.Application!.Telemetry.Find("ECC_CLASSIFIER_R2_CORRECTED"), Is.Not.Null);
        }
    }

    [Test]
    public void Compose_NoInferenceInThePayload_NoJobAndOnlyTheImagesScrubbed()
    {
        using var node = Boot(Shipped.Value with { Inference = null });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(node.Application!.FindComponent(InferenceJob.ComponentName), Is.Null);
            Assert.That(ScrubberOf(node).Regions.Select(region => region.Name), Is.EqualTo(new[] { "payload-weights" }));
            Assert.That(node.Summarize().Inference, Is.Null);
        }
    }

    [Test]
    public void Compose_EveryBoot_AFreshModelFromTheVerifiedBytes()
    {
        using var node = Boot(Shipped.Value);
        var first = Job(node).Model;

        node.Hardware.RequestReset(ResetCause.CommandedWarmReset, "test");
        Assert.That(node.RunUntil(() => node.Application is not null && Job(node).Model != first, TimeSpan.FromMinutes(1)), Is.True);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Job(node).Model.Regions[0], Is.Not.SameAs(first.Regions[0]));
            Assert.That(ScrubberOf(node).Regions.Skip(1), Is.EqualTo(Job(node).Model.Regions));
        }
    }

    [Test]
    public void FlipBit_ExponentOfAWeightInReplicaOneBeforeAnInference_VoteMasksItAndTheClassStays()
    {
        using var node = BootAndSettle(Shipped.Value);
        var job = Job(node);

        // Bit 30 of word 0: the top exponent bit of the first weight, which multiplies it by 2^128.
        var flip = Command(node, "FI_FLIP_BIT", "classifier.r1", "0", "30");
        var run = Command(node, "INFER_RUN");
        var masked = job.LastResult;
        var again = Command(node, "INFER_RUN");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(flip.Succeeded, Is.True, flip.Message);
            Assert.That(run.Succeeded, Is.True, run.Message);
            Assert.That(masked!.Outcome, Is.EqualTo(InferenceOutcome.Masked));
            Assert.That(masked.FaultyReplica, Is.EqualTo(1));
            Assert.That(job.Masked, Is.EqualTo(1u));
            Assert.That(job.LastResult!.Outcome, Is.EqualTo(InferenceOutcome.Unanimous), "the outvoted replica was repaired");
            Assert.That(run.Message, Does.StartWith($"sample 0: class {ExpectedClasses.Value[0]}"));
            Assert.That(again.Message, Does.StartWith($"sample 1: class {ExpectedClasses.Value[1]}"));
        }
    }

    [Test]
    public void FlipBit_WeightInReplicaTwoThenAPatrol_ScrubberCorrectsItBeforeTheInference()
    {
        using var node = BootAndSettle(Shipped.Value);
        var job = Job(node);
        Assert.That(Command(node, "PRM_SET", "SCRUB_PERIOD_S", "10").Succeeded, Is.True);

        var flip = Command(node, "FI_FLIP_BIT", "classifier.r2", "1000", "62");
        node.RunFor(TimeSpan.FromSeconds(25));
        var run = Command(node, "INFER_RUN");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(flip.Succeeded, Is.True, flip.Message);
            Assert.That(Telemetry(node.Application!, "ECC_CLASSIFIER_R2_CORRECTED"), Is.EqualTo(1UL));
            Assert.That(ScrubberOf(node).FullScans, Is.GreaterThanOrEqualTo(1));
            Assert.That(run.Succeeded, Is.True, run.Message);
            Assert.That(job.LastResult!.Outcome, Is.EqualTo(InferenceOutcome.Unanimous), "corrected before the model read it");
            Assert.That(job.LastClass, Is.EqualTo(ExpectedClasses.Value[0]));
        }
    }

    [Test]
    public void Summarize_InferencesOverAReset_CountsEveryBoot()
    {
        using var node = Boot(Shipped.Value);
        node.RunFor((2 * Period) + TimeSpan.FromSeconds(30));
        uint firstBoot = Job(node).Runs;

        node.Hardware.RequestReset(ResetCause.CommandedWarmReset, "test");
        node.RunFor(Period + TimeSpan.FromSeconds(30));
        uint secondBoot = Job(node).Runs;
        var summary = node.Summarize().Inference!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(firstBoot, Is.EqualTo(2u));
            Assert.That(secondBoot, Is.EqualTo(1u), "the counters die with the reset");
            Assert.That(summary.Runs, Is.EqualTo(3));
            Assert.That(summary.Unanimous, Is.EqualTo(3));
            Assert.That(summary.Masked + summary.Recomputed + summary.Failed + summary.Deferred, Is.Zero);
        }
    }

    [Test]
    public void Compose_HighUpsetRateForAnOrbit_UpsetsInTheWeightsAreRepairedAndNoInferenceFails()
    {
        // 1,000 times Alsat-1: some hundred upsets in the three replicas in one orbit.
        var options = new SimHardwareOptions { Upsets = new UpsetInjectorOptions { RatePerBitPerDay = 4.04e-4 } };
        using var node = new SimulatedNode(BoardCatalog.Locate().Load("sim"), seed: 7, options, board => FlightImage.Compose(board, payload: Shipped.Value));
        node.PowerOn();

        node.RunFor(TimeSpan.FromMinutes(94.6));
        var app = node.Application!;
        var inWeights = node.Hardware.Upsets.Records.Where(upset => ReplicaRegions.Contains(upset.Target)).ToList();
        ulong repaired = ReplicaRegions.Select(Scrubber.TelemetryStem)
            .Aggregate(0UL, (sum, stem) => sum + (ulong)Telemetry(app, stem + "_CORRECTED")! + (ulong)Telemetry(app, stem + "_RECOVERED_BITS")!);
        var inference = node.Summarize().Inference!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(inWeights, Has.Count.GreaterThan(50), "the weights are in the memory map the radiation reaches");
            Assert.That(repaired, Is.GreaterThan(0UL), "the scrubber repairs the weights");
            Assert.That(inference.Runs, Is.EqualTo(9));
            Assert.That(inference.Failed, Is.Zero);
            Assert.That(inference.Unanimous + inference.Masked + inference.Recomputed, Is.EqualTo(inference.Runs));
            Assert.That(Job(node).LastClass, Is.EqualTo(ExpectedClasses.Value[8]));
        }
    }
}
