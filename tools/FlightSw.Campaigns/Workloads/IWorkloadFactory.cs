using FlightSw.Campaigns.Faults;

namespace FlightSw.Campaigns.Workloads;

/// <summary>
/// A campaign's workload, shared by its workers: what the variants are, what faults can hit,
/// and the fault-free golden answers (computed once per variant and input, then cached).
/// Thread-safe; each worker gets its own <see cref="IWorkload"/> from <see cref="Create"/>.
/// </summary>
public interface IWorkloadFactory : IDisposable
{
    /// <summary>One line describing the workload, for reports.</summary>
    string Description { get; }

    /// <summary>The variants the campaign compares (protection modes, region layouts...), in report order.</summary>
    IReadOnlyList<string> Variants { get; }

    /// <summary>How many inputs trials are spread over.</summary>
    int InputCount { get; }

    /// <summary>True when the workload runs on virtual time and detects hangs itself; false when the runner must watch the host clock.</summary>
    bool RunsOnVirtualTime { get; }

    /// <summary>The fault sites <paramref name="variant"/> offers; the planner keeps those of the configured kinds.</summary>
    IReadOnlyList<FaultTarget> TargetsOf(string variant);

    /// <summary>A workload instance for one worker thread, running <paramref name="variant"/>.</summary>
    IWorkload Create(string variant);
}
