using FlightSw.Campaigns.Faults;

namespace FlightSw.Campaigns.Workloads.Node;

/// <summary>The fault-free flight of one variant: what trials are measured against.</summary>
/// <param name="Answers">The answers within the configured duration, in order: a trial with fewer within ten times <paramref name="Time"/> hangs.</param>
/// <param name="Time">Virtual time of the last of <paramref name="Answers"/> since power-on: trials inject at a fraction of it and give up at ten times it.</param>
/// <param name="Targets">The booted node's memory regions (ecc-word) and components (component-state).</param>
/// <param name="BySample">The golden answer of every sample the fault-free flight published up to ten times <paramref name="Time"/> (the longest a trial flies).</param>
/// <param name="Window">How long the node's detection may take to act on a fault.</param>
/// <param name="StoredData">Every ECC region's fault-free contents.</param>
internal sealed record NodeGolden(
    IReadOnlyList<NodeAnswer> Answers,
    TimeSpan Time,
    IReadOnlyList<FaultTarget> Targets,
    IReadOnlyDictionary<int, NodeAnswer> BySample,
    NodeDetectionWindow Window,
    NodeStoredData StoredData);
