namespace FlightSw.Campaigns.Faults;

/// <summary>The targets of one site with their cumulative bits, for picking a target in proportion to its size.</summary>
internal sealed class SiteTargets
{
    private readonly IReadOnlyList<FaultTarget> _targets;
    private readonly long[] _cumulativeBits;
    private readonly IReadOnlyList<int> _floatBits;
    private readonly IReadOnlyList<int> _codewordBits;

    /// <exception cref="ArgumentException">No selected bit can start a run of <paramref name="width"/> bits inside a float.</exception>
    public SiteTargets(FaultSiteKind site, IReadOnlyList<FaultTarget> targets, BitSelection bits, int width)
    {
        Site = site;
        _targets = targets;
        _cumulativeBits = new long[targets.Count];
        long total = 0;
        for (int i = 0; i < targets.Count; i++)
        {
            total = checked(total + targets[i].Bits);
            _cumulativeBits[i] = total;
        }

        TotalBits = total;
        bool floats = targets.Any(t => t.ElementBits == 32);
        bool codewords = targets.Any(t => t.ElementBits == 72);
        // A run of several bits in a float starts where it fits: uniform over the valid starts,
        // with no start counted twice.
        _floatBits = floats ? [.. bits.BitsOf(32).Where(bit => bit + width <= 32)] : [];
        if (floats && _floatBits.Count == 0)
        {
            throw new ArgumentException($"no bit of '{bits.Name}' starts {width} adjacent bits inside a 32-bit float (the run would pass bit 31)");
        }

        _codewordBits = codewords ? bits.BitsOf(72) : [];
    }

    public FaultSiteKind Site { get; }

    public long TotalBits { get; }

    /// <summary>The target holding bit <paramref name="bit"/> of the site's concatenated bits.</summary>
    public FaultTarget Pick(long bit)
    {
        int index = Array.BinarySearch(_cumulativeBits, bit + 1);
        return _targets[index >= 0 ? index : ~index];
    }

    /// <summary>The bits a fault can start at in <paramref name="target"/>'s elements ([0] for a component).</summary>
    public IReadOnlyList<int> BitsOf(FaultTarget target) => target.ElementBits switch
    {
        32 => _floatBits,
        72 => _codewordBits,
        _ => [0],
    };
}
