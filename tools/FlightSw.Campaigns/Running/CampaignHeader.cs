namespace FlightSw.Campaigns.Running;

/// <summary>
/// The first line of a results file: which campaign the trials belong to, so a resume, merge or
/// report never mixes campaigns.
/// </summary>
/// <param name="Name">The campaign's name.</param>
/// <param name="ConfigJson">The campaign's canonical configuration (see <see cref="Config.CampaignConfig.CanonicalJson"/>).</param>
/// <param name="ConfigSha256">SHA-256 of <paramref name="ConfigJson"/>, lower-case hex.</param>
/// <param name="Software">The FlightSw version that ran the trials (informational version, with the commit).</param>
/// <param name="Workload">One line describing the workload (model, size, inputs...).</param>
/// <param name="Variants">The variants, in report order.</param>
/// <param name="TrialsPerVariant">Trials each variant runs.</param>
/// <param name="Shard">The slice this file holds.</param>
public sealed record CampaignHeader(string Name, string ConfigJson, string ConfigSha256, string Software, string Workload, IReadOnlyList<string> Variants, int TrialsPerVariant, ShardSpec Shard)
{
    /// <summary>Trials of the whole campaign (every variant, every shard).</summary>
    public long TotalTrials => (long)TrialsPerVariant * Variants.Count;
}
