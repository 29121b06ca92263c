using FlightSw.Core.Application;
using FlightSw.Core.Events;
using FlightSw.Hal.Boards;
using FlightSw.Inference.Job;
using FlightSw.Node;
using FlightSw.Node.Payload;
using FlightSw.Node.Simulation;
using FlightSw.Sim;
using FlightSw.Sim.Faults;
using EdacRegion = FlightSw.Edac.Regions.EccRegion;

namespace FlightSw.Campaigns.Workloads.Node;

/// <summary>
/// One flight of the node on the simulated board, watched from the ground's side: every
/// inference the job runs (read after each clock callback, across boots), every event, and the
/// ECC regions of every boot (their correction counters die with the boot, so they are kept here).
/// Radiation is off and the seed fixes everything else, so two flights of the same payload and
/// seed are the same flight.
/// </summary>
internal sealed class NodeFlight : IDisposable
{
    private readonly SimulatedNode _node;
    private readonly List<NodeAnswer> _answers = [];
    private readonly Dictionary<string, (int Count, string First)> _events = new(StringComparer.Ordinal);
    private readonly List<EdacRegion> _regions = [];
    private readonly List<string> _disabled = [];
    private FlightApplication? _app;
    private InferenceJob? _job;
    private uint _seenRuns;

    /// <summary>Builds the node and applies power; the first boot starts after the boot delay.</summary>
    public NodeFlight(BoardDefinition board, int seed, FlightPayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var options = new SimHardwareOptions { Upsets = new UpsetInjectorOptions { RatePerBitPerDay = 0 }, Scenario = null };
        _node = new SimulatedNode(board, seed, options, bootBoard => FlightImage.Compose(bootBoard, payload: payload));
        _node.EventEmitted += OnEvent;
        _node.Booted += OnBooted;
        _node.PowerOn();
    }

    /// <summary>Virtual time since power-on.</summary>
    public TimeSpan Now => _node.Clock.Elapsed;

    /// <summary>The running boot's software; null while off or booting.</summary>
    public FlightApplication? Application => _node.Application;

    /// <summary>The simulated hardware (resets, crashes).</summary>
    public SimHardware Hardware => _node.Hardware;

    /// <summary>Every inference so far, in order.</summary>
    public IReadOnlyList<NodeAnswer> Answers => _answers;

    /// <summary>The exception that escaped the flight software (out of the clock), ending the flight; null while none.</summary>
    public Exception? Escaped { get; private set; }

    /// <summary>Words the ECC corrected (scrub, reads, replica repair) over every boot.</summary>
    public long CorrectedWords => _regions.Sum(region => region.CorrectedWords);

    /// <summary>Uncorrectable words detected over every boot.</summary>
    public long UncorrectableWords => _regions.Sum(region => region.UncorrectableWords);

    /// <summary>Components the health monitor disabled (HEALTH_DISABLED), over every boot.</summary>
    public IReadOnlyList<string> DisabledComponents => _disabled;

    /// <summary>How many times event <paramref name="name"/> was raised, over every boot.</summary>
    public int CountOf(string name) => _events.TryGetValue(name, out var seen) ? seen.Count : 0;

    /// <summary>The first message of event <paramref name="name"/>, or null.</summary>
    public string? FirstMessageOf(string name) => _events.TryGetValue(name, out var seen) ? seen.First : null;

    /// <summary>Flies until <paramref name="at"/> (since power-on); false when an exception escaped.</summary>
    public bool FlyUntil(TimeSpan at)
    {
        Fly(() => false, at);
        return Escaped is null;
    }

    /// <summary>Flies until <paramref name="count"/> answers came, or <paramref name="at"/>; true when they came.</summary>
    public bool FlyUntilAnswers(int count, TimeSpan at) => Fly(() => _answers.Count >= count, at);

    /// <summary>Flies until a boot's software runs, or <paramref name="at"/>; true when one runs.</summary>
    public bool FlyUntilRunning(TimeSpan at) => Fly(() => _node.Application is { IsRunning: true }, at);

    /// <inheritdoc />
    public void Dispose() => _node.Dispose();

    private bool Fly(Func<bool> done, TimeSpan at)
    {
        if (Escaped is not null)
        {
            return false;
        }

        Observe();
        if (at <= Now)
        {
            return done();
        }

        try
        {
            return _node.RunUntil(() => { Observe(); return done(); }, at - Now);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // What escapes the clock would end the process on hardware.
            Escaped = exception;
            return false;
        }
    }

    /// <summary>Reads the job's run counter; the 1 Hz job runs at most one inference per callback.</summary>
    private void Observe()
    {
        var app = _node.Application;
        if (!ReferenceEquals(app, _app))
        {
            _app = app;
            _job = app?.FindComponent(InferenceJob.ComponentName) as InferenceJob;
            _seenRuns = 0;
        }

        if (_job is not { } job || job.Runs == _seenRuns)
        {
            return;
        }

        _seenRuns = job.Runs;
        int sample = (job.NextSample + job.Samples.Count - 1) % job.Samples.Count;
        bool usable = job.LastResult?.IsUsable ?? false;
        _answers.Add(usable
            ? new NodeAnswer(sample, true, job.LastClass ?? -1, job.LastScore ?? float.NaN, Now)
            : new NodeAnswer(sample, false, -1, float.NaN, Now));
    }

    private void OnBooted(FlightApplication app) => _regions.AddRange(app.Board.Memory.Targets.OfType<EdacRegion>());

    private void OnEvent(EventRecord record)
    {
        _events[record.Name] = _events.TryGetValue(record.Name, out var seen) ? (seen.Count + 1, seen.First) : (1, record.Message);
        if (record.Name == "HEALTH_DISABLED" && record["component"] is string component)
        {
            _disabled.Add(component);
        }
    }
}
