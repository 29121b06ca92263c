namespace FlightSw.Campaigns.Config;

/// <summary>Recovery of an ECC-region workload (JSON: <c>golden</c>, <c>escalate</c>).</summary>
public enum EccRecoveryChoice
{
    /// <summary>Reload uncorrectable words from a verified golden image.</summary>
    Golden,

    /// <summary>No copy to reload from: an uncorrectable word is escalated (detected, not recovered).</summary>
    Escalate,
}
