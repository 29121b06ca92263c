using FlightSw.Campaigns.Statistics;

namespace FlightSw.Campaigns.Config;

/// <summary>
/// Statistical fault-injection sizing (Leveugle, Calvez, Maistri, Vanhauwaert, DATE 2009):
/// n = N t² p(1-p) / (e² (N-1) + t² p(1-p)), with p = 0.5 (the worst case), e the margin, t the
/// normal quantile of the confidence and N the population; for an unbounded population
/// n = t² p(1-p) / e². ±1 % at 95 % gives 9,604; ±5 % gives 385 (384.1 rounded up).
/// </summary>
public static class SampleSize
{
    /// <summary>Trials for margin <paramref name="margin"/> at <paramref name="confidence"/>, rounded up.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The margin or confidence is not strictly between 0 and 1, or the population is below 1.</exception>
    public static int Leveugle(double margin, double confidence, double? population = null)
    {
        if (!(margin > 0 && margin < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(margin), margin, "The margin is a fraction strictly between 0 and 1 (0.01 for ±1 %).");
        }

        if (!(confidence > 0 && confidence < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "The confidence is a fraction strictly between 0 and 1 (0.95 for 95 %).");
        }

        if (population is { } n && !(n >= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(population), population, "The population is at least one fault.");
        }

        const double p = 0.5;
        double t = NormalQuantile.TwoSided(confidence);
        double variance = t * t * p * (1 - p);
        double trials = population is { } size
            ? size * variance / ((margin * margin * (size - 1)) + variance)
            : variance / (margin * margin);

        // 1e-9 absorbs floating-point noise so an exact count is not bumped up by one.
        return (int)Math.Min(int.MaxValue, Math.Ceiling(trials - 1e-9));
    }
}
