using FlightSw.Edac.Regions;

namespace FlightSw.Edac.Scrubbing;

/// <summary>A scrub of one whole region asked for by command, and what it has found so far.</summary>
internal sealed class OnDemandScrub(EccRegion region)
{
    public EccRegion Region { get; } = region;

    public int NextWord { get; set; }

    public long Corrected { get; set; }

    public long Uncorrectable { get; set; }

    public bool IsDone => NextWord >= Region.WordCount;
}
