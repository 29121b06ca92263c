using FlightSw.Core.Commands;
using FlightSw.Core.Components;
using FlightSw.Core.Events;
using FlightSw.Core.Parameters;
using FlightSw.Core.Power;
using FlightSw.Core.Scheduling;
using FlightSw.Core.Telemetry;
using FlightSw.Inference.Faults;
using FlightSw.Inference.Protection;

namespace FlightSw.Inference.Job;

/// <summary>
/// The node's AI payload: every INFER_PERIOD_S it runs the model once on the next of its
/// <see cref="InferenceSamples"/>, as a heavy job the power manager (the component named
/// <see cref="PowerManager.ComponentName"/>) must allow, and publishes the class, score, latency
/// and what protection saw. The ground (and the fault campaign tool) can run an inference now
/// and aim an upset at the next one. Schedule it in the 1 Hz group. The model's weight
/// <see cref="InferenceModel.Regions"/> are for the scrubber, which the composition gives them to.
/// </summary>
/// <remarks>
/// <para><b>Design note.</b> Requirements, each with how it is verified (tests in
/// <c>FlightSw.Inference.Tests/Job</c>, on the simulated board with a three-class model built in code):</para>
/// <list type="number">
/// <item>INF-1 An inference is due one period after start and then one period after the previous one
/// started; INFER_PERIOD_S 0 runs inferences only on command. Its default is the composition's
/// (<see cref="DefaultPeriodSeconds"/> unless given). Each takes the next sample, wrapping after the
/// last. Verified: runs counted at the period, the classes of successive samples, none without a
/// command at period 0, a default given at construction.</item>
/// <item>INF-2 With a power manager an inference runs only through <see cref="PowerManager.TryBeginHeavyJob"/>,
/// holding the heavy job for exactly the inference (disposed in a finally); without one it runs
/// unconditionally, still as a job on the board's workload. Verified: one workload job opened and
/// closed per inference, none left running.</item>
/// <item>INF-3 A deferred inference waits and is retried every cycle; the wait is counted
/// (INFER_DEFERRED) and reported once, not every second. Verified over minutes of a low battery.</item>
/// <item>INF-4 Every inference counts in INFER_RUNS and in its outcome's counter (an unchecked run,
/// protection None, only in INFER_RUNS); a masked fault raises INFER_MASKED naming the replica,
/// a recomputation INFER_RECOMPUTED, a failure INFER_FAILED, whose output is not published
/// (INFER_CLASS and INFER_SCORE keep the last usable one). Verified with a weight upset in
/// replica 1: under TMR masked, replica 1 named, class unchanged; under DMR recomputed; unprotected
/// the class changes silently (the aim is true). The failed path is verified by review: no single
/// injected fault makes the engine fail.</item>
/// <item>INF-5 INFER_LATENCY_MS is the inference alone, measured on the latency clock (the board
/// clock unless another is given: on the simulated board virtual time stands still while the
/// model computes, so the flight executable passes <see cref="TimeProvider.System"/>). Verified
/// with a clock that advances a known step per reading.</item>
/// <item>INF-6 INFER_RUN runs one inference now when power allows (restarting the period) and
/// raises INFER_RESULT; otherwise it is refused with the reason. A failed output refuses it with
/// the detail. Verified in Nominal (samples in turn, wrapping) and under a POWER_MODE_SET floor.</item>
/// <item>INF-7 INFER_FAULT arms one fault for the next inference through <see cref="InferenceModel.ArmFault"/>
/// and raises INFER_FAULT_ARMED; a target the model does not have is refused with the engine's
/// reason. Verified: an unknown layer and a replica beyond the protection are refused.</item>
/// <item>INF-8 An exception from the model is not swallowed: it propagates to the scheduler (or
/// the command dispatcher), which reports it, as for every component; the heavy job is ended first.
/// Verified by review (the engine does not throw on valid inputs, which the constructor checks).</item>
/// </list>
/// <para>Unlike the payload duty, the job does not watch <see cref="PowerManager.ModeChanged"/>:
/// it holds a heavy job only inside one synchronous inference on the flight thread, where the
/// power mode cannot change. Nor does it scrub: the composition gives <see cref="InferenceModel.Regions"/>
/// to the node's scrubber (verified: they are registered, patrolled and corrected).</para>
/// </remarks>
public sealed class InferenceJob : Component
{
    /// <summary>Id base of the inference job.</summary>
    public const ushort ComponentIdBase = 0x1600;

    /// <summary>The inference job's component name.</summary>
    public const string ComponentName = "inference";

    /// <summary>The name of its heavy jobs on the workload.</summary>
    public const string JobName = "inference";

    /// <summary>Default time from one inference's start to the next: 60 s.</summary>
    public const double DefaultPeriodSeconds = 60;

    /// <summary>Longest period INFER_PERIOD_S accepts: one day.</summary>
    public const double MaxPeriodSeconds = 86_400;

    private readonly TelemetryChannel<uint> _runs;
    private readonly TelemetryChannel<uint> _unanimous;
    private readonly TelemetryChannel<uint> _masked;
    private readonly TelemetryChannel<uint> _recomputed;
    private readonly TelemetryChannel<uint> _failed;
    private readonly TelemetryChannel<uint> _deferred;
    private readonly TelemetryChannel<double> _latencyMs;
    private readonly TelemetryChannel<int> _class;
    private readonly TelemetryChannel<double> _score;
    private readonly TelemetryChannel<ProtectionMode> _protection;
    private readonly EventDefinition _maskedEvent;
    private readonly EventDefinition _recomputedEvent;
    private readonly EventDefinition _failedEvent;
    private readonly EventDefinition _deferredEvent;
    private readonly EventDefinition _resultEvent;
    private readonly EventDefinition _faultArmedEvent;
    private readonly Parameter<double> _periodSeconds;

    private readonly InferenceModel _model;
    private readonly InferenceSamples _samples;
    private readonly TimeProvider? _latencyClock;
    private readonly float[] _output;
    private PowerManager? _power;
    private long _lastStartAt;
    private int _nextSample;
    private bool _waiting;

    /// <summary>Creates the inference job for <paramref name="model"/>, cycling through <paramref name="samples"/>.</summary>
    /// <param name="model">The model: one input and one output.</param>
    /// <param name="samples">The inputs, each of the model input's element count.</param>
    /// <param name="latencyClock">The clock latency is measured on; the board clock (<see cref="FlightContext.Time"/>) when null.</param>
    /// <param name="periodSeconds">The default of INFER_PERIOD_S, from 0 (only on command) to <see cref="MaxPeriodSeconds"/>; <see cref="DefaultPeriodSeconds"/> unless the composition says otherwise.</param>
    /// <exception cref="ArgumentException">The model has more than one input or output, an empty output, or samples not of its input's size.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="periodSeconds"/> is not from 0 to <see cref="MaxPeriodSeconds"/>.</exception>
    public InferenceJob(InferenceModel model, InferenceSamples samples, TimeProvider? latencyClock = null, double periodSeconds = DefaultPeriodSeconds)
        : base(ComponentName, ComponentIdBase)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(samples);
        if (!(periodSeconds is >= 0 and <= MaxPeriodSeconds))
        {
            throw new ArgumentOutOfRangeException(nameof(periodSeconds), periodSeconds, $"The inference period is from 0 to {MaxPeriodSeconds} s.");
        }

        var graph = model.Graph;
        if (graph.Inputs.Count != 1 || graph.Outputs.Count != 1)
        {
            throw new ArgumentException($"Model '{graph.Name}' has {graph.Inputs.Count} input(s) and {graph.Outputs.Count} output(s); the inference job runs models with one of each.", nameof(model));
        }

        if (graph.Outputs[0].Shape.ElementCount == 0)
        {
            throw new ArgumentException($"Output '{graph.Outputs[0].Name}' of model '{graph.Name}' is empty; there is no class to publish.", nameof(model));
        }

        if (samples.SampleLength != graph.Inputs[0].Shape.ElementCount)
        {
            throw new ArgumentException($"Samples hold {samples.SampleLength} floats; input '{graph.Inputs[0].Name}' {graph.Inputs[0].Shape} of model '{graph.Name}' takes {graph.Inputs[0].Shape.ElementCount}.", nameof(samples));
        }

        // The payload is the mission, not what keeps the node alive: if it cannot be recovered
        // it is disabled, and a SAFE boot leaves it out.
        IsCritical = false;
        _model = model;
        _samples = samples;
        _latencyClock = latencyClock;
        _output = new float[graph.Outputs[0].Shape.ElementCount];

        _runs = DeclareChannel<uint>(0, "INFER_RUNS", "", "Inferences run since boot, whatever their outcome");
        _unanimous = DeclareChannel<uint>(1, "INFER_UNANIMOUS", "", "Inferences whose replicas and checks all agreed at once, since boot");
        _masked = DeclareChannel<uint>(2, "INFER_MASKED", "", "Inferences in which the vote masked a faulty replica, since boot");
        _recomputed = DeclareChannel<uint>(3, "INFER_RECOMPUTED", "", "Inferences recomputed after a detected fault, since boot");
        _failed = DeclareChannel<uint>(4, "INFER_FAILED", "", "Inferences whose output could not be trusted (not published), since boot");
        _deferred = DeclareChannel<uint>(5, "INFER_DEFERRED", "", "Inferences that had to wait for power since boot");
        _latencyMs = DeclareChannel<double>(6, "INFER_LATENCY_MS", "ms", "Duration of the last inference");
        _class = DeclareChannel<int>(7, "INFER_CLASS", "", "Index of the largest output of the last usable inference");
        _score = DeclareChannel<double>(8, "INFER_SCORE", "", "Value of that largest output");
        _protection = DeclareChannel<ProtectionMode>(9, "INFER_PROTECTION", "", "Protection the model runs under");

        _maskedEvent = DeclareEvent(0, "INFER_MASKED", EventSeverity.WarningLow, "Inference masked a fault in replica {replica}: {detail}");
        _recomputedEvent = DeclareEvent(1, "INFER_RECOMPUTED", EventSeverity.WarningLow, "Inference recomputed after a detected fault: {detail}");
        _failedEvent = DeclareEvent(2, "INFER_FAILED", EventSeverity.WarningHigh, "Inference failed, output not published: {detail}");
        _deferredEvent = DeclareEvent(3, "INFER_DEFERRED", EventSeverity.ActivityLow, "Inference waits for power (mode {mode})");
        _resultEvent = DeclareEvent(4, "INFER_RESULT", EventSeverity.ActivityLow, "Inference of sample {sample}: class {class}, score {score}, {outcome}, {latencyMs} ms");
        _faultArmedEvent = DeclareEvent(5, "INFER_FAULT_ARMED", EventSeverity.WarningHigh, "Fault armed for the next inference: {site} bit {bit} of element {element}, layer {layer}, replica {replica}");

        _periodSeconds = DeclareParameter(0, "INFER_PERIOD_S", periodSeconds, 0.0, MaxPeriodSeconds, "s", "Time from one inference's start to the next; 0 runs inferences only on command");

        DeclareCommand(0, "INFER_RUN", "Runs one inference now if power allows", RunCommand);
        DeclareCommand(1, "INFER_FAULT", "Arms one bit flip for the next inference, as an upset in memory or arithmetic would", FaultCommand,
            CommandArgumentDefinition.Enumeration<FaultSite>("site", "Where the flip lands: Weight, Activation or Accumulator"),
            CommandArgumentDefinition.UInt32("replica", "Replica (0 unprotected; 0 to 2 under TMR)", 0, int.MaxValue),
            CommandArgumentDefinition.String("layer", "Layer, by its graph node name"),
            CommandArgumentDefinition.UInt32("element", "Element of the layer's stored weights or of its output", 0, int.MaxValue),
            CommandArgumentDefinition.UInt32("bit", "Bit of the float32: 0 (lowest mantissa bit) to 31 (sign)", 0, 31));
    }

    /// <summary>The model the job runs.</summary>
    public InferenceModel Model => _model;

    /// <summary>The inputs the job cycles through.</summary>
    public InferenceSamples Samples => _samples;

    /// <summary>Index of the sample the next inference takes.</summary>
    public int NextSample => _nextSample;

    /// <summary>Inferences run since boot, whatever their outcome.</summary>
    public uint Runs => _runs.Value;

    /// <summary>Inferences whose replicas and checks all agreed at once.</summary>
    public uint Unanimous => _unanimous.Value;

    /// <summary>Inferences in which the vote masked a faulty replica.</summary>
    public uint Masked => _masked.Value;

    /// <summary>Inferences recomputed after a detected fault.</summary>
    public uint Recomputed => _recomputed.Value;

    /// <summary>Inferences whose output was not usable.</summary>
    public uint Failed => _failed.Value;

    /// <summary>Waits for power since boot (each counted once however long it lasted).</summary>
    public uint Deferred => _deferred.Value;

    /// <summary>Whether a due inference waits for the power manager's leave.</summary>
    public bool IsWaiting => _waiting;

    /// <summary>The class (index of the largest output) of the last usable inference; null before the first.</summary>
    public int? LastClass { get; private set; }

    /// <summary>The largest output of the last usable inference; null before the first.</summary>
    public float? LastScore { get; private set; }

    /// <summary>What protection saw in the last inference (usable or not); null before the first.</summary>
    public InferenceResult? LastResult { get; private set; }

    /// <summary>The duration of the last inference on the latency clock.</summary>
    public TimeSpan LastLatency { get; private set; }

    /// <inheritdoc />
    protected override void OnInitialize()
    {
        _runs.Write(0);
        _unanimous.Write(0);
        _masked.Write(0);
        _recomputed.Write(0);
        _failed.Write(0);
        _deferred.Write(0);
        _protection.Write(_model.Protection);
    }

    /// <inheritdoc />
    protected override void OnStart()
    {
        _power = Context.Components.TryGetValue(PowerManager.ComponentName, out var component) ? component as PowerManager : null;
        _lastStartAt = Context.Time.GetTimestamp();
    }

    /// <inheritdoc />
    protected override void OnRestart() => _waiting = false;

    /// <inheritdoc />
    protected override void OnCycle(RateGroupCycle cycle)
    {
        double period = _periodSeconds.Value;
        if (period <= 0)
        {
            _waiting = false; // only on command: nothing is due, so nothing waits
            return;
        }

        if (Context.Time.GetElapsedTime(_lastStartAt).TotalSeconds < period)
        {
            return;
        }

        if (TryRun(out _, out _) is null && !_waiting)
        {
            _waiting = true;
            _deferred.Write(_deferred.Value + 1);
            Emit(_deferredEvent, _power?.Mode ?? PowerMode.Nominal);
        }
    }

    /// <summary>
    /// Runs one inference on the next sample if power allows, and publishes it. Returns null,
    /// having run nothing, when the power manager refuses the heavy job.
    /// </summary>
    private InferenceResult? TryRun(out int sample, out TimeSpan latency)
    {
        sample = _nextSample;
        latency = TimeSpan.Zero;
        var job = _power is null ? Context.Board.Workload.BeginJob(JobName) : _power.TryBeginHeavyJob(JobName);
        if (job is null)
        {
            return null;
        }

        _lastStartAt = Context.Time.GetTimestamp();
        _waiting = false;
        _nextSample = (_nextSample + 1) % _samples.Count;
        InferenceResult result;
        try
        {
            var clock = _latencyClock ?? Context.Time;
            long start = clock.GetTimestamp();
            result = _model.Run(_samples[sample], _output);
            latency = clock.GetElapsedTime(start);
        }
        finally
        {
            // The heavy job lasts exactly the inference, even one that throws.
            job.Dispose();
        }

        Publish(result, latency);
        return result;
    }

    private void Publish(InferenceResult result, TimeSpan latency)
    {
        LastResult = result;
        LastLatency = latency;
        _runs.Write(_runs.Value + 1);
        _latencyMs.Write(latency.TotalMilliseconds);
        switch (result.Outcome)
        {
            case InferenceOutcome.Unanimous:
                _unanimous.Write(_unanimous.Value + 1);
                break;
            case InferenceOutcome.Masked:
                _masked.Write(_masked.Value + 1);
                Emit(_maskedEvent, result.FaultyReplica, result.Detail);
                break;
            case InferenceOutcome.Recomputed:
                _recomputed.Write(_recomputed.Value + 1);
                Emit(_recomputedEvent, result.Detail);
                break;
            case InferenceOutcome.Failed:
                _failed.Write(_failed.Value + 1);
                Emit(_failedEvent, result.Detail);
                break;
        }

        if (!result.IsUsable)
        {
            return; // a failed output must not reach the ground as if it were an answer
        }

        int best = ArgMax(_output);
        LastClass = best;
        LastScore = _output[best];
        _class.Write(best);
        _score.Write(_output[best]);
    }

    /// <summary>The index of the largest value, the first on ties; NaN never wins unless all are NaN.</summary>
    private static int ArgMax(ReadOnlySpan<float> values)
    {
        int best = 0;
        for (int i = 1; i < values.Length; i++)
        {
            if (values[i] > values[best] || float.IsNaN(values[best]))
            {
                best = i;
            }
        }

        return best;
    }

    private CommandResult RunCommand(CommandArguments arguments)
    {
        var result = TryRun(out int sample, out var latency);
        if (result is null)
        {
            var mode = _power?.Mode ?? PowerMode.Nominal;
            return CommandResult.Refused(mode == PowerMode.Nominal
                ? "the power manager has no state of charge yet, so allows no heavy job"
                : $"power mode {mode} allows no heavy job");
        }

        if (!result.IsUsable)
        {
            return CommandResult.Refused($"inference of sample {sample} failed, output not published: {result.Detail}");
        }

        Emit(_resultEvent, sample, LastClass, LastScore, result.Outcome, latency.TotalMilliseconds);
        return CommandResult.Ok($"sample {sample}: class {LastClass}, {result.Outcome}");
    }

    private CommandResult FaultCommand(CommandArguments arguments)
    {
        var fault = new InferenceFault(
            arguments.GetEnum<FaultSite>("site"),
            (int)arguments.GetUInt32("replica"),
            arguments.GetString("layer"),
            (int)arguments.GetUInt32("element"),
            (int)arguments.GetUInt32("bit"));
        try
        {
            _model.ArmFault(fault);
        }
        catch (ArgumentException ex)
        {
            return CommandResult.Refused(ReasonOf(ex));
        }

        Emit(_faultArmedEvent, fault.Site, fault.Bit, fault.Element, fault.Layer, fault.Replica);
        return CommandResult.Ok($"{fault.Site} fault armed in layer {fault.Layer}, replica {fault.Replica}, for the next inference");
    }

    /// <summary>The exception's message without the " (Parameter 'x')" .NET appends: the operator reads it.</summary>
    private static string ReasonOf(ArgumentException ex)
    {
        string suffix = ex.ParamName is null ? "" : $" (Parameter '{ex.ParamName}')";
        return suffix.Length > 0 && ex.Message.EndsWith(suffix, StringComparison.Ordinal) ? ex.Message[..^suffix.Length] : ex.Message;
    }
}
