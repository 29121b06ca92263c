using FlightSw.Campaigns.Config;
using FlightSw.Campaigns.Workloads.EccRegion;
using FlightSw.Campaigns.Workloads.Inference;
using FlightSw.Campaigns.Workloads.Node;

namespace FlightSw.Campaigns.Workloads;

/// <summary>Builds the workload a campaign's configuration names.</summary>
public static class WorkloadFactories
{
    /// <summary>The workload of <paramref name="config"/>.</summary>
    /// <exception cref="ArgumentException">The workload cannot be built as configured (an interleaving the region does not support, an unknown component...).</exception>
    public static IWorkloadFactory Create(WorkloadConfig config) => config switch
    {
        InferenceWorkloadConfig inference => new InferenceWorkloadFactory(inference),
        EccRegionWorkloadConfig ecc => new EccRegionWorkloadFactory(ecc),
        NodeWorkloadConfig node => new NodeWorkloadFactory(node),
        _ => throw new ArgumentException($"No workload of kind '{config?.Kind}'.", nameof(config)),
    };
}
