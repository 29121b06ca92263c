namespace FlightSw.Campaigns.Config;

/// <summary>A campaign's workload, as configured: one of <see cref="InferenceWorkloadConfig"/>, <see cref="EccRegionWorkloadConfig"/> or <see cref="NodeWorkloadConfig"/>.</summary>
public abstract record WorkloadConfig
{
    /// <summary>The workload's kind as the configuration names it (<c>inference</c>, <c>ecc-region</c>, <c>node</c>).</summary>
    public abstract string Kind { get; }
}
