using System.Globalization;
using FlightSw.Campaigns.Faults;
using FlightSw.Campaigns.Trials;

namespace FlightSw.Campaigns.Workloads.Node;

/// <summary>
/// One worker's node workload of one variant: each trial flies a fresh node with the golden
/// run's seed, injects the fault at its fraction of the golden time, and flies on until the
/// golden number of answers came or ten times the golden time passed (virtual time).
/// </summary>
internal sealed class NodeWorkload : IWorkload
{
    /// <summary>How many golden times a trial may fly before its missing answers are a hang.</summary>
    public const int HangFactor = 10;

    private readonly NodeVariant _variant;

    public NodeWorkload(NodeVariant variant)
    {
        ArgumentNullException.ThrowIfNull(variant);
        _variant = variant;
    }

    /// <inheritdoc />
    /// <remarks>The golden run's virtual time (of its last answer); the runner does not watch it, as the workload runs on virtual time.</remarks>
    public TimeSpan GoldenTime(int input) => _variant.Golden.Time;

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The fault is not an ecc-word or component-state fault.</exception>
    /// <exception cref="InvalidOperationException">The running boot has no such region or component.</exception>
    public TrialVerdict Run(int input, PlannedFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfNotEqual(input, 0);
        if (fault.Site is not (FaultSiteKind.EccWord or FaultSiteKind.ComponentState))
        {
            throw new ArgumentException($"The node workload injects ecc-word and component-state faults, not {fault}.", nameof(fault));
        }

        var golden = _variant.Golden;
        var limit = golden.Time * HangFactor;
        using var flight = _variant.Fly();
        string injected = "no injection (no boot ran)";
        // A fault due before the first boot (or while the node is resetting) strikes as soon as software runs.
        if (flight.FlyUntil(golden.Time * Math.Clamp(fault.At, 0, 1)) && (flight.Application is { IsRunning: true } || flight.FlyUntilRunning(limit)))
        {
            injected = string.Create(CultureInfo.InvariantCulture, $"{NodeInjector.Inject(flight.Application!, fault)} at {flight.Now.TotalSeconds:0.#} s");
            flight.FlyUntilAnswers(golden.Answers.Count, limit);
        }

        return NodeTrialClassifier.Classify(flight, golden, limit, injected);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        // Every trial's node is disposed with its flight.
    }
}
