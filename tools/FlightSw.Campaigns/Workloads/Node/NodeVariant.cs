using System.Globalization;
using FlightSw.Campaigns.Faults;
using FlightSw.Core.Commands;
using FlightSw.Edac.Codec;
using FlightSw.Hal.Boards;
using FlightSw.Node.Payload;

namespace FlightSw.Campaigns.Workloads.Node;

/// <summary>
/// One protection mode of the node workload: the payload composed with it (read and checked
/// once, shared by every boot of every worker) and its golden flight, flown once on first use.
/// </summary>
/// <remarks>
/// The golden flight flies the configured duration (its answers are those a trial must give, the
/// last one's time is the golden time), then on to ten times the golden time, the longest any
/// trial flies, so that every sample a trial can answer has a golden answer and every detection a
/// trial can see would have shown in the golden flight too. It must be fault-free in fact, not
/// only by intent: a golden flight that resets, crashes, fails an inference, raises any detection
/// event (<see cref="NodeTrialClassifier.DetectionEvents"/>), counts an ECC correction or an
/// uncorrectable word, answers one sample two ways, or whose regions differ from their golden
/// images is refused (an exception naming the variant, the board and what was seen) rather than
/// subtracted from the trials: a baseline that detects things would make every trial's
/// Detected-Recovered or Corrected a property of the board, not of the fault.
/// </remarks>
internal sealed class NodeVariant
{
    private readonly Lazy<NodeGolden> _golden;
    private readonly IReadOnlyList<CommandRequest> _bootCommands;

    /// <summary>A variant flying <paramref name="payload"/> on <paramref name="board"/>.</summary>
    /// <param name="name">The variant's name.</param>
    /// <param name="payload">The payload composed with the variant's protection.</param>
    /// <param name="board">The board.</param>
    /// <param name="seed">The node's seed.</param>
    /// <param name="duration">How long the golden flight flies for the answers trials must give.</param>
    /// <param name="components">The component-state targets; empty for every component.</param>
    /// <param name="bootCommands">Commands the ground sends at every boot of every flight (golden and trials); none when null.</param>
    public NodeVariant(string name, FlightPayload payload, BoardDefinition board, int seed, TimeSpan duration, IReadOnlyList<string> components, IReadOnlyList<CommandRequest>? bootCommands = null)
    {
        Name = name;
        Payload = payload;
        Board = board;
        Seed = seed;
        _bootCommands = bootCommands ?? [];
        _golden = new Lazy<NodeGolden>(() => FlyGolden(duration, components), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public string Name { get; }

    public FlightPayload Payload { get; }

    public BoardDefinition Board { get; }

    public int Seed { get; }

    /// <summary>The golden flight; the first caller flies it, the others wait for it.</summary>
    /// <exception cref="InvalidOperationException">The fault-free flight was not fault-free (see the remarks), or published no inference.</exception>
    public NodeGolden Golden => _golden.Value;

    /// <summary>A flight of this variant from power-on.</summary>
    public NodeFlight Fly() => new(Board, Seed, Payload, _bootCommands);

    private NodeGolden FlyGolden(TimeSpan duration, IReadOnlyList<string> components)
    {
        using var flight = Fly();
        flight.FlyUntil(duration);
        string where = string.Create(CultureInfo.InvariantCulture, $"The fault-free flight of variant '{Name}' on board '{Board.Name}' (seed {Seed})");
        RequireClean(flight, where, duration);
        if (flight.Answers.Count == 0)
        {
            throw new InvalidOperationException($"{where} published no inference in {Seconds(duration)}; lengthen durationSeconds or shorten inferencePeriodSeconds.");
        }

        var answers = flight.Answers.ToList();
        var time = answers[^1].At;
        var app = flight.Application!;
        var window = NodeDetectionWindow.Of(app, NodeFlight.LongestBoot);
        var targets = new List<FaultTarget>();
        foreach (var region in app.Board.Memory.Targets)
        {
            targets.Add(new FaultTarget(FaultSiteKind.EccWord, region.Name, -1, region.BitCount / Hsiao7264.CodewordBits, Hsiao7264.CodewordBits));
        }

        var names = components.Count > 0 ? components : app.Components.Select(component => component.Name).ToList();
        foreach (string name in names)
        {
            var component = app.FindComponent(name)
                ?? throw new ArgumentException($"Component '{name}' is not in the flight image; known: {string.Join(", ", app.Components.Select(c => c.Name))}.", nameof(components));
            targets.Add(new FaultTarget(FaultSiteKind.ComponentState, component.Name, -1, 1, 0));
        }

        // On to the longest a trial flies: the golden answers of every sample a trial can publish.
        var horizon = time * NodeWorkload.HangFactor;
        flight.FlyUntil(horizon);
        RequireClean(flight, where, horizon);
        var bySample = new Dictionary<int, NodeAnswer>();
        foreach (var answer in flight.Answers)
        {
            if (!bySample.TryAdd(answer.Sample, answer) && !answer.Matches(bySample[answer.Sample]))
            {
                throw new InvalidOperationException($"{where} answered sample {answer.Sample} two ways (at {Seconds(bySample[answer.Sample].At)} and {Seconds(answer.At)}); the node is not deterministic, so it has no golden answer.");
            }
        }

        NodeStoredData stored;
        try
        {
            stored = NodeStoredData.Snapshot(flight.Application!);
        }
        catch (Exception exception) when (exception is InvalidOperationException or Edac.Golden.GoldenImageException)
        {
            throw new InvalidOperationException($"{where}: {exception.Message}", exception);
        }

        return new NodeGolden(answers, time, targets, bySample, window, stored);
    }

    /// <summary>Refuses a flight that crashed, reset, stopped, failed an inference, or detected anything by <paramref name="at"/>.</summary>
    private static void RequireClean(NodeFlight flight, string where, TimeSpan at)
    {
        string by = $"{where}, by {Seconds(at)},";
        if (flight.Escaped is { } escaped)
        {
            throw new InvalidOperationException($"{by} crashed: {escaped.Message}", escaped);
        }

        if (flight.Hardware.Resets.Count > 0 || flight.Application is not { IsRunning: true })
        {
            throw new InvalidOperationException($"{by} reset or was not running at its end ({string.Join("; ", flight.Hardware.Resets.Select(r => $"{r.Cause}: {r.Reason}"))}); it cannot be a golden run.");
        }

        if (flight.Answers.Any(answer => !answer.Usable))
        {
            throw new InvalidOperationException($"{by} had an inference fail without any fault; it cannot be a golden run.");
        }

        var detections = NodeTrialClassifier.DetectionEvents
            .Where(name => flight.CountOf(name) > 0)
            .Select(name => string.Create(CultureInfo.InvariantCulture, $"{name} x{flight.CountOf(name)} (first: {flight.Events[name].FirstMessage})"))
            .ToList();
        if (flight.CorrectedWords > 0 || flight.UncorrectableWords > 0)
        {
            detections.Add(string.Create(CultureInfo.InvariantCulture, $"{flight.CorrectedWords} ECC-corrected and {flight.UncorrectableWords} uncorrectable word(s)"));
        }

        if (detections.Count > 0)
        {
            throw new InvalidOperationException($"{by} detected faults with none injected: {string.Join("; ", detections)}. A golden run must detect nothing, as every detection in a trial is counted as the fault's; fix the board or image, do not campaign on it.");
        }
    }

    private static string Seconds(TimeSpan time) => string.Create(CultureInfo.InvariantCulture, $"{time.TotalSeconds:0.#} s");
}
