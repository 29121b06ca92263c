using FlightSw.Campaigns.Faults;
using FlightSw.Campaigns.Running;
using FlightSw.Campaigns.Trials;

namespace FlightSw.Campaigns.Tests.Reporting;

/// <summary>Campaign results built directly from the records, as a results file would hold them.</summary>
internal static class CampaignSamples
{
    public const string Software = "0.9.0+4f2c1ab";

    public const string ConfigSha = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    /// <summary>A config whose name needs escaping in HTML.</summary>
    public const string ConfigJson = """{"name":"cnn <weights> & \"bits\"","seed":7,"workload":{"kind":"inference","model":"cnn.onnx"},"size":{"trialsPerVariant":400}}""";

    public static readonly string[] Variants = ["none", "tmr", "abft+tmr"];

    private static readonly string[] Layers = ["conv1", "conv2", "conv3", "conv10", "fc"];

    public static PlannedFault Fault(string target = "conv1", int bit = 27, int replica = 0, FaultSiteKind site = FaultSiteKind.Weight) =>
        new(site, target, replica, 1234, bit, 1, FaultKind.SingleBit, 0, 0);

    public static CampaignHeader Header(IReadOnlyList<string> variants, int trialsPerVariant, ShardSpec? shard = null, string name = "cnn-weights") =>
        new(name, ConfigJson, ConfigSha, Software, "cnn.onnx, 3 conv + 1 fc, 16 inputs", variants, trialsPerVariant, shard ?? ShardSpec.Whole);

    public static TrialResult Trial(long trial, string variant, TrialOutcome outcome, PlannedFault? fault = null, string detail = "seen") =>
        new(trial, variant, trial, 0, fault ?? Fault(), outcome, detail);

    /// <summary>
    /// A campaign of three variants where protection lowers SDC: faults cycle over layers, bits
    /// and replicas (the same fault for the same variant trial under every variant), outcomes follow
    /// the bit class and a fixed hash. <paramref name="stopAfter"/> keeps only that many trials of the slice.
    /// </summary>
    public static CampaignResults Realistic(int trialsPerVariant = 400, ShardSpec? shard = null, int? stopAfter = null)
    {
        var header = Header(Variants, trialsPerVariant, shard);
        var trials = new List<TrialResult>();
        for (int v = 0; v < Variants.Length; v++)
        {
            for (int j = 0; j < trialsPerVariant; j++)
            {
                long trial = ((long)v * trialsPerVariant) + j;
                if (header.Shard.Holds(trial))
                {
                    var fault = FaultOf(j);
                    var outcome = OutcomeOf(v, fault.BitClass, Hash(j, v));
                    trials.Add(new TrialResult(trial, Variants[v], j, j % 16, fault, outcome, outcome == TrialOutcome.Sdc ? "top-1 class 3 -> 7 <unnoticed> & wrong" : "answer matched golden"));
                }
            }
        }

        return new CampaignResults(header, stopAfter is int n ? trials.Take(n).ToList() : trials);
    }

    private static PlannedFault FaultOf(int j)
    {
        if (j % 17 == 0)
        {
            return new PlannedFault(FaultSiteKind.EccWord, "weights-region", -1, j, j % 72, 1, FaultKind.SingleBit, 0, 0);
        }

        int bit = (j * 7) % 32;
        return new PlannedFault(FaultSiteKind.Weight, Layers[j % Layers.Length], j % 3, j * 31L, bit, 1, FaultKind.SingleBit, 0, 0);
    }

    private static TrialOutcome OutcomeOf(int variant, string bitClass, double u)
    {
        double sdc = (variant, bitClass) switch
        {
            (0, "exponent") => 0.35,
            (0, "sign") => 0.15,
            (0, "mantissa") => 0.02,
            (1, "exponent") => 0.01,
            _ => 0,
        };
        if (u < sdc)
        {
            return TrialOutcome.Sdc;
        }

        if (bitClass is "data" or "check")
        {
            return TrialOutcome.Corrected;
        }

        return variant switch
        {
            0 => u > 0.995 ? TrialOutcome.Crash : u > 0.97 ? TrialOutcome.Due : TrialOutcome.Masked,
            1 => u > 0.4 ? TrialOutcome.DetectedRecovered : u > 0.39 ? TrialOutcome.Due : TrialOutcome.Masked,
            _ => u > 0.3 ? TrialOutcome.DetectedRecovered : u > 0.299 ? TrialOutcome.Hang : TrialOutcome.Masked,
        };
    }

    private static double Hash(int j, int v)
    {
        ulong x = unchecked(((ulong)j * 0x9E3779B97F4A7C15UL) ^ ((ulong)(v + 1) * 0xC2B2AE3D27D4EB4FUL));
        x = unchecked((x ^ (x >> 31)) * 0xBF58476D1CE4E5B9UL);
        x ^= x >> 29;
        return (x >> 11) / (double)(1UL << 53);
    }
}
