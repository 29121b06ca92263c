using FlightSw.Campaigns.Faults;
using FlightSw.Edac.Codec;
using FlightSw.Hal.Boards;
using FlightSw.Node.Payload;

namespace FlightSw.Campaigns.Workloads.Node;

/// <summary>
/// One protection mode of the node workload: the payload composed with it (read and checked
/// once, shared by every boot of every worker) and its golden flight, flown once on first use.
/// </summary>
internal sealed class NodeVariant
{
    private readonly Lazy<NodeGolden> _golden;

    public NodeVariant(string name, FlightPayload payload, BoardDefinition board, int seed, TimeSpan duration, IReadOnlyList<string> components)
    {
        Name = name;
        Payload = payload;
        Board = board;
        Seed = seed;
        _golden = new Lazy<NodeGolden>(() => FlyGolden(duration, components), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public string Name { get; }

    public FlightPayload Payload { get; }

    public BoardDefinition Board { get; }

    public int Seed { get; }

    /// <summary>The golden flight; the first caller flies it, the others wait for it.</summary>
    /// <exception cref="InvalidOperationException">The fault-free flight crashed, reset, failed an inference or published none.</exception>
    public NodeGolden Golden => _golden.Value;

    /// <summary>A flight of this variant from power-on.</summary>
    public NodeFlight Fly() => new(Board, Seed, Payload);

    private NodeGolden FlyGolden(TimeSpan duration, IReadOnlyList<string> components)
    {
        using var flight = Fly();
        flight.FlyUntil(duration);
        string where = $"The fault-free flight of variant '{Name}' on board '{Board.Name}' (seed {Seed}, {duration.TotalSeconds} s)";
        if (flight.Escaped is { } escaped)
        {
            throw new InvalidOperationException($"{where} crashed: {escaped.Message}", escaped);
        }

        if (flight.Hardware.Resets.Count > 0 || flight.Application is not { } app)
        {
            throw new InvalidOperationException($"{where} reset or was not running at its end ({string.Join("; ", flight.Hardware.Resets.Select(r => $"{r.Cause}: {r.Reason}"))}); it cannot be a golden run.");
        }

        if (flight.Answers.Count == 0)
        {
            throw new InvalidOperationException($"{where} published no inference; lengthen durationSeconds or shorten inferencePeriodSeconds.");
        }

        if (flight.Answers.Any(answer => !answer.Usable))
        {
            throw new InvalidOperationException($"{where} had an inference fail without any fault; it cannot be a golden run.");
        }

        var targets = new List<FaultTarget>();
        foreach (var region in app.Board.Memory.Targets)
        {
            targets.Add(new FaultTarget(FaultSiteKind.EccWord, region.Name, -1, region.BitCount / Hsiao7264.CodewordBits, Hsiao7264.CodewordBits, region.Name));
        }

        var names = components.Count > 0 ? components : app.Components.Select(component => component.Name).ToList();
        foreach (string name in names)
        {
            var component = app.FindComponent(name)
                ?? throw new ArgumentException($"Component '{name}' is not in the flight image; known: {string.Join(", ", app.Components.Select(c => c.Name))}.", nameof(components));
            targets.Add(new FaultTarget(FaultSiteKind.ComponentState, component.Name, -1, 1, 0, component.Name));
        }

        return new NodeGolden(flight.Answers.ToList(), flight.Answers[^1].At, targets);
    }
}
