using System.Diagnostics;
using FlightSw.Campaigns.Faults;
using FlightSw.Campaigns.Trials;
using FlightSw.Inference;
using FlightSw.Inference.Faults;
using FlightSw.Inference.Protection;

namespace FlightSw.Campaigns.Workloads.Inference;

/// <summary>
/// One worker's model under one protection mode. A trial arms its fault, runs the input, and
/// classifies what protection reported against whether the answer is the golden one; a weight
/// fault's leftovers are then wiped by reloading every weight region from its pristine copy, so
/// the next trial starts from the fault-free model whatever protection did or did not repair.
/// </summary>
internal sealed class InferenceWorkload : IWorkload
{
    private readonly InferenceWorkloadFactory _factory;
    private readonly string _variant;
    private readonly InferenceModel _model;
    private readonly byte[][] _pristine;
    private readonly float[] _output;

    public InferenceWorkload(InferenceWorkloadFactory factory, string variant, InferenceModel model)
    {
        _factory = factory;
        _variant = variant;
        _model = model;
        _pristine = [.. model.Regions.Select(region => region.Raw<byte>().ToArray())];
        _output = new float[factory.OutputLength];
    }

    public TimeSpan GoldenTime(int input) => Golden(input).Time;

    public TrialVerdict Run(int input, PlannedFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        var golden = Golden(input);
        var aimed = new InferenceFault(SiteOf(fault.Site), fault.Replica, fault.Target, checked((int)fault.Element), fault.Bit) { Change = fault.FloatChange };
        _model.ArmFault(aimed);
        InferenceResult result;
        try
        {
            result = _model.Run(_factory.Input(input), _output);
        }
        catch (Exception exception)
        {
            Restore();
            return new TrialVerdict(TrialOutcome.Crash, $"{exception.GetType().Name}: {exception.Message}");
        }

        if (fault.Site == FaultSiteKind.Weight)
        {
            Restore();
        }

        return Classify(result, AnswerComparison.Difference(_output, golden, _factory.Comparison), golden);
    }

    public void Dispose()
    {
    }

    private TrialVerdict Classify(InferenceResult result, string? difference, InferenceGolden golden)
    {
        if (result.Outcome == InferenceOutcome.Failed)
        {
            return new TrialVerdict(TrialOutcome.Due, $"detected, not recoverable: {result.Detail}");
        }

        bool detected = result.Outcome is InferenceOutcome.Masked or InferenceOutcome.Recomputed;
        if (difference is not null)
        {
            return new TrialVerdict(TrialOutcome.Sdc, detected ? $"{difference}, although protection reported: {result.Detail}" : difference);
        }

        if (detected)
        {
            return new TrialVerdict(TrialOutcome.DetectedRecovered, result.Detail);
        }

        int differing = AnswerComparison.DifferingScores(_output, golden.Output);
        return new TrialVerdict(TrialOutcome.Masked, differing == 0 ? "output identical to the golden run" : $"{differing} score(s) differ, class {golden.Class} unchanged");
    }

    private InferenceGolden Golden(int input) => _factory.Golden(_variant, input, () => ComputeGolden(input));

    private InferenceGolden ComputeGolden(int input)
    {
        // The fastest of three runs: the hang watch needs the model's time, not a cold start's.
        var best = TimeSpan.MaxValue;
        for (int attempt = 0; attempt < 3; attempt++)
        {
            long start = Stopwatch.GetTimestamp();
            var result = _model.Run(_factory.Input(input), _output);
            var elapsed = Stopwatch.GetElapsedTime(start);
            best = elapsed < best ? elapsed : best;
            if (!result.IsUsable)
            {
                throw new InvalidOperationException($"The fault-free run of input {input} under {_variant} failed its own checks ({result.Detail}); no golden answer.");
            }
        }

        var output = _output.ToArray();
        return new InferenceGolden(output, AnswerComparison.Top1(output), best);
    }

    private void Restore()
    {
        for (int r = 0; r < _pristine.Length; r++)
        {
            var region = _model.Regions[r];
            if (!region.Raw<byte>().SequenceEqual(_pristine[r]))
            {
                region.Load(_pristine[r]);
            }
        }
    }

    private static FaultSite SiteOf(FaultSiteKind site) => site switch
    {
        FaultSiteKind.Weight => FaultSite.Weight,
        FaultSiteKind.Activation => FaultSite.Activation,
        FaultSiteKind.Accumulator => FaultSite.Accumulator,
        _ => throw new ArgumentException($"An inference workload has no {site} site.", nameof(site)),
    };
}
