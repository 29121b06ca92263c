namespace FlightSw.Campaigns.Statistics;

/// <summary>
/// A proportion and its Wilson score interval: unlike the normal approximation it stays inside
/// [0, 1] and keeps a sensible width at 0 or n successes, which is where rare outcomes (SDC) live.
/// </summary>
/// <param name="Rate">Successes over trials; <see cref="double.NaN"/> when there are no trials.</param>
/// <param name="Low">The interval's lower bound (0 for no successes).</param>
/// <param name="High">The interval's upper bound (1 when every trial succeeded).</param>
public readonly record struct WilsonInterval(double Rate, double Low, double High)
{
    /// <summary>
    /// The rate of <paramref name="successes"/> in <paramref name="trials"/> with its two-sided
    /// Wilson score interval at <paramref name="confidence"/>. No trials give an undefined rate
    /// (<see cref="double.NaN"/>) and the whole of [0, 1].
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, successes exceed trials, or the confidence is not strictly between 0 and 1.</exception>
    public static WilsonInterval Of(long successes, long trials, double confidence = 0.95)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(trials);
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successes, trials);
        double z = NormalQuantile.TwoSided(confidence);
        if (trials == 0)
        {
            return new WilsonInterval(double.NaN, 0, 1);
        }

        double n = trials;
        double p = successes / n;
        double z2 = z * z;
        double denominator = 1 + (z2 / n);
        double centre = (p + (z2 / (2 * n))) / denominator;
        double half = z / denominator * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n)));

        // At 0 or n successes the bound is exactly 0 or 1; rounding would leave a speck either side.
        double low = successes == 0 ? 0 : Math.Max(0, centre - half);
        double high = successes == trials ? 1 : Math.Min(1, centre + half);
        return new WilsonInterval(p, low, high);
    }
}
