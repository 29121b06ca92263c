using System.Security.Cryptography;
using System.Text;
using FlightSw.Campaigns.Config;
using FlightSw.Campaigns.Workloads;

namespace FlightSw.Campaigns.Running;

/// <summary>Builds and compares results headers.</summary>
public static class CampaignHeaders
{
    /// <summary>The header of <paramref name="shard"/> of <paramref name="config"/> run on <paramref name="workload"/>.</summary>
    public static CampaignHeader For(CampaignConfig config, IWorkloadFactory workload, ShardSpec shard)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(workload);
        return new CampaignHeader(config.Name, config.CanonicalJson, ConfigSha256(config.CanonicalJson), SoftwareVersion.Current, workload.Description, workload.Variants, config.Size.TrialsPerVariant, shard);
    }

    /// <summary>SHA-256 of a canonical configuration, lower-case hex: what headers carry and what reading one checks.</summary>
    public static string ConfigSha256(string configJson) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(configJson)));

    /// <summary>Null when <paramref name="found"/> is the same campaign and slice as <paramref name="expected"/>; otherwise what differs.</summary>
    public static string? Mismatch(CampaignHeader expected, CampaignHeader found, bool sameShard = true)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(found);
        if (found.ConfigSha256 != expected.ConfigSha256)
        {
            return $"it is another campaign (configuration sha256 {Short(found.ConfigSha256)}, not {Short(expected.ConfigSha256)})";
        }

        if (found.Software != expected.Software)
        {
            return $"its trials were run by FlightSw {found.Software}, not {expected.Software}: results of two builds are not one campaign";
        }

        if (!found.Variants.SequenceEqual(expected.Variants) || found.TrialsPerVariant != expected.TrialsPerVariant)
        {
            return $"its variants or size differ ({string.Join(", ", found.Variants)} x {found.TrialsPerVariant}, not {string.Join(", ", expected.Variants)} x {expected.TrialsPerVariant})";
        }

        if (found.Workload != expected.Workload)
        {
            return $"its workload differs ({found.Workload}, not {expected.Workload})";
        }

        return sameShard && found.Shard != expected.Shard ? $"it holds shard {found.Shard}, not {expected.Shard}" : null;
    }

    private static string Short(string sha) => sha.Length > 12 ? sha[..12] : sha;
}
