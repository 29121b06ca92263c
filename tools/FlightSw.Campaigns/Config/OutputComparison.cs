namespace FlightSw.Campaigns.Config;

/// <summary>When an inference's answer counts as different from the golden one (JSON: <c>top1</c>, <c>exact</c>).</summary>
public enum OutputComparison
{
    /// <summary>The class with the highest score differs (what a classifier's user sees).</summary>
    Top1,

    /// <summary>Any output bit differs.</summary>
    Exact,
}
