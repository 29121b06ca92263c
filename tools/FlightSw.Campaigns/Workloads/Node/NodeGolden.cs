using FlightSw.Campaigns.Faults;

namespace FlightSw.Campaigns.Workloads.Node;

/// <summary>The fault-free flight of one variant: its answers, when the last came, and the fault sites its boot offered.</summary>
/// <param name="Answers">The answers, in order.</param>
/// <param name="Time">Virtual time of the last answer since power-on: trials inject at a fraction of it and give up at ten times it.</param>
/// <param name="Targets">The booted node's memory regions (ecc-word) and components (component-state).</param>
internal sealed record NodeGolden(IReadOnlyList<NodeAnswer> Answers, TimeSpan Time, IReadOnlyList<FaultTarget> Targets)
{
    /// <summary>The golden answer for each sample reached.</summary>
    public IReadOnlyDictionary<int, NodeAnswer> BySample { get; } = Answers.GroupBy(answer => answer.Sample).ToDictionary(group => group.Key, group => group.First());
}
