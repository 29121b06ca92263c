using FlightSw.Core.Application;
using FlightSw.Core.Commands;
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
/// seed are the same flight. Nothing here reads the host clock.
/// </summary>
internal sealed class NodeFlight : IDisposable
{
    /// <summary>The simulated hardware's settings: the defaults, with radiation off and no scenario.</summary>
    private static readonly SimHardwareOptions HardwareOptions = new() { Upsets = new UpsetInjectorOptions { RatePerBitPerDay = 0 }, Scenario = null };

    private readonly SimulatedNode _node;
    private readonly IReadOnlyList<CommandRequest> _bootCommands;
    private readonly List<NodeAnswer> _answers = [];
    private readonly Dictionary<string, NodeEventSeen> _events = new(StringComparer.Ordinal);
    private readonly List<EdacRegion> _regions = [];
    private readonly List<string> _disabled = [];
    private FlightApplication? _app;
    private InferenceJob? _job;
    private uint _seenRuns;

    /// <summary>Builds the node and applies power; the first boot starts after the boot delay.</summary>
    /// <param name="board">The board to simulate.</param>
    /// <param name="seed">The node's seed.</param>
    /// <param name="payload">The payload every boot flies.</param>
    /// <param name="bootCommands">Commands the ground sends as soon as each boot runs (parameters, for example); a refused one ends the flight as a tool error.</param>
    public NodeFlight(BoardDefinition board, int seed, FlightPayload payload, IReadOnlyList<CommandRequest>? bootCommands = null)
    {
        ArgumentNullException.ThrowIfNull(payload);
        _bootCommands = bootCommands ?? [];
        _node = new SimulatedNode(board, seed, HardwareOptions, bootBoard => FlightImage.Compose(bootBoard, payload: payload));
        _node.EventEmitted += OnEvent;
        _node.Booted += OnBooted;
        _node.PowerOn();
    }

    /// <summary>The longest a reset keeps the software down: the boot delay plus its largest jitter.</summary>
    public static TimeSpan LongestBoot => HardwareOptions.BootDelay + HardwareOptions.BootJitter;

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

    /// <summary>Every event raised so far, by name, over every boot.</summary>
    public IReadOnlyDictionary<string, NodeEventSeen> Events => _events;

    /// <summary>How many times event <paramref name="name"/> was raised, over every boot.</summary>
    public int CountOf(string name) => _events.TryGetValue(name, out var seen) ? seen.Count : 0;

    /// <summary>Flies until <paramref name="at"/> (since power-on); false when an exception escaped.</summary>
    public bool FlyUntil(TimeSpan at)
    {
        Fly(() => false, at);
        return Escaped is null;
    }

    /// <summary>Flies until <paramref name="done"/> holds (checked after every clock callback), or <paramref name="at"/>; true when it holds.</summary>
    public bool FlyUntil(Func<bool> done, TimeSpan at) => Fly(done, at);

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

    private void OnBooted(FlightApplication app)
    {
        _regions.AddRange(app.Board.Memory.Targets.OfType<EdacRegion>());
        foreach (var command in _bootCommands)
        {
            var response = app.Commands.Execute(command);
            if (!response.Succeeded)
            {
                throw new InvalidOperationException($"Boot command {command.Command} was refused ({response.Status}: {response.Message}).");
            }
        }
    }

    private void OnEvent(EventRecord record)
    {
        _events[record.Name] = _events.TryGetValue(record.Name, out var seen) ? seen with { Count = seen.Count + 1 } : new NodeEventSeen(1, record.Message, Now);
        if (record.Name == "HEALTH_DISABLED" && record["component"] is string component)
        {
            _disabled.Add(component);
        }
    }
}
