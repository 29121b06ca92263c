namespace FlightSw.Campaigns.Faults;

/// <summary>
/// The random stream of one trial: SplitMix64 seeded from the campaign's seed and the trial's
/// number, so a trial draws the same fault whichever worker, shard or order runs it.
/// </summary>
public sealed class TrialRandom
{
    private ulong _state;

    /// <summary>The stream of trial <paramref name="trial"/> of a campaign seeded <paramref name="campaignSeed"/>.</summary>
    public TrialRandom(long campaignSeed, long trial)
    {
        _state = Mix(unchecked((ulong)campaignSeed ^ Mix(unchecked((ulong)trial + 0x632BE59BD9B4E019UL))));
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        unchecked
        {
            _state += 0x9E3779B97F4A7C15UL;
            return Mix(_state);
        }
    }

    /// <summary>A uniform integer in [0, <paramref name="bound"/>), without modulo bias.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bound"/> is not positive.</exception>
    public long NextLong(long bound)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bound);
        ulong range = (ulong)bound;
        ulong limit = ulong.MaxValue - (ulong.MaxValue % range);
        ulong draw;
        do
        {
            draw = NextUInt64();
        }
        while (draw >= limit);

        return (long)(draw % range);
    }

    /// <summary>A uniform integer in [0, <paramref name="bound"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bound"/> is not positive.</exception>
    public int NextInt(int bound) => (int)NextLong(bound);

    /// <summary>A uniform double in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    private static ulong Mix(ulong z)
    {
        unchecked
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
