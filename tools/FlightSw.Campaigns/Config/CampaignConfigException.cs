namespace FlightSw.Campaigns.Config;

/// <summary>A campaign configuration refused: the message names the file, the field and why.</summary>
public sealed class CampaignConfigException : Exception
{
    /// <summary>Creates the refusal.</summary>
    /// <param name="source">The file (or <c>command line</c>) the value came from.</param>
    /// <param name="field">The field, as a JSON path (<c>faults.bits</c>).</param>
    /// <param name="reason">Why it is refused and what is accepted.</param>
    public CampaignConfigException(string source, string field, string reason)
        : base($"{source}: {field}: {reason}")
    {
        File = source;
        Field = field;
        Reason = reason;
    }

    /// <summary>The file (or <c>command line</c>) the value came from.</summary>
    public string File { get; }

    /// <summary>The field, as a JSON path.</summary>
    public string Field { get; }

    /// <summary>Why it is refused.</summary>
    public string Reason { get; }
}
