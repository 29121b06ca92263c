using FlightSw.Campaigns.Config;

namespace FlightSw.Campaigns.Faults;

/// <summary>
/// Draws each trial's fault from its own seed: a site among the configured ones (uniformly),
/// a target in proportion to its bits (every stored bit equally likely to be hit, as radiation
/// would choose), an element, the bits, the strike time and the input. The draws depend only on
/// the campaign's seed and the trial's number within its variant, so the same trial number gets
/// the same fault under every variant whose targets match, and any worker or shard draws it the same.
/// </summary>
public sealed class FaultPlanner
{
    private readonly FaultModelConfig _faults;
    private readonly long _seed;
    private readonly int _inputCount;
    private readonly IReadOnlyList<SiteTargets> _sites;
    private readonly bool _strikeTimes;

    /// <summary>A planner over <paramref name="targets"/> (a variant's, from <see cref="Workloads.IWorkloadFactory.TargetsOf"/>).</summary>
    /// <exception cref="ArgumentException">A configured site has no target in <paramref name="targets"/>, or the bit selection does not fit a target.</exception>
    /// <param name="faults">The fault model.</param>
    /// <param name="seed">The campaign's seed.</param>
    /// <param name="inputCount">How many inputs trials are spread over.</param>
    /// <param name="targets">The variant's targets.</param>
    /// <param name="variant">The variant, for messages.</param>
    /// <param name="strikeTimes">True when the workload strikes during its run (<see cref="PlannedFault.At"/> is drawn); false when it injects before it runs (At is 0).</param>
    public FaultPlanner(FaultModelConfig faults, long seed, int inputCount, IReadOnlyList<FaultTarget> targets, string variant, bool strikeTimes)
    {
        ArgumentNullException.ThrowIfNull(faults);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputCount);
        _faults = faults;
        _seed = seed;
        _inputCount = inputCount;
        _strikeTimes = strikeTimes;
        var sites = new List<SiteTargets>();
        foreach (var site in faults.Sites)
        {
            var ofSite = targets.Where(t => t.Site == site && t.Elements > 0).ToList();
            if (ofSite.Count == 0)
            {
                throw new ArgumentException($"Variant '{variant}' has no {CampaignConfigReader.SiteName(site)} target to inject into.");
            }

            try
            {
                sites.Add(new SiteTargets(site, ofSite, faults.Bits, faults.Kind == FaultKind.AdjacentBits ? faults.Width : 1));
            }
            catch (ArgumentException exception)
            {
                throw new ArgumentException($"Variant '{variant}', {CampaignConfigReader.SiteName(site)} site: {exception.Message}", nameof(faults), exception);
            }
        }

        _sites = sites;
    }

    /// <summary>The input and fault of trial <paramref name="variantTrial"/> (its number within its variant).</summary>
    public PlannedTrial Plan(long variantTrial)
    {
        // The order of the draws is part of the results format: changing it changes every campaign's faults.
        var random = new TrialRandom(_seed, variantTrial);
        var site = _sites[random.NextInt(_sites.Count)];
        var target = site.Pick(random.NextLong(site.TotalBits));
        long element = random.NextLong(target.Elements);
        int bit = site.BitsOf(target)[random.NextInt(site.BitsOf(target).Count)];
        ulong draw = random.NextUInt64();
        double at = random.NextDouble();
        at = _strikeTimes ? at : 0;
        int input = random.NextInt(_inputCount);
        if (site.Site == FaultSiteKind.ComponentState)
        {
            return new PlannedTrial(input, new PlannedFault(site.Site, target.Name, target.Replica, -1, -1, 0, _faults.Kind, 0, at));
        }

        int elementBits = target.ElementBits;
        var (firstBit, width, value) = _faults.Kind switch
        {
            FaultKind.SingleBit => (bit, 1, 0UL),

            // Starts are drawn among those whose run fits the float (SiteTargets); a codeword's
            // neighbours are physical, so its run may cross into the next codeword.
            FaultKind.AdjacentBits => (bit, _faults.Width, 0UL),

            // A random value replaces the data: all of a float, the 64 data bits of a codeword.
            FaultKind.RandomValue => (0, elementBits == 72 ? 64 : elementBits, elementBits == 32 ? draw & uint.MaxValue : draw),
            _ => (bit, 1, (ulong)_faults.StuckValue),
        };
        return new PlannedTrial(input, new PlannedFault(site.Site, target.Name, target.Replica, element, firstBit, width, _faults.Kind, value, at));
    }
}
