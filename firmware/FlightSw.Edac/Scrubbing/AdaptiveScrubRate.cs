namespace FlightSw.Edac.Scrubbing;

/// <summary>
/// Estimates the upset rate the scrubber is seeing (corrected words per protected bit per day,
/// an exponentially weighted average over <see cref="AveragingTime"/>) and turns it into a scrub
/// period. Words accumulate a second upset, which SEC-DED cannot correct, with probability about
/// W * C(72,2) * (rate * period)^2, so the period shrinks in proportion to the rate above a quiet
/// rate (South Atlantic Anomaly, solar event) and relaxes as the average decays after it.
/// </summary>
public sealed class AdaptiveScrubRate
{
    /// <summary>
    /// Corrections the average must hold (about that many within one averaging time) before the
    /// period shortens: one upset on a small memory is no evidence of a storm.
    /// </summary>
    public const double MinimumEvidence = 5;

    private const double SecondsPerDay = 86_400;

    /// <summary>Creates an estimator for <paramref name="protectedBits"/> bits, averaging over <paramref name="averagingTime"/>.</summary>
    public AdaptiveScrubRate(long protectedBits, TimeSpan averagingTime)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(protectedBits);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(averagingTime, TimeSpan.Zero);
        ProtectedBits = protectedBits;
        AveragingTime = averagingTime;
    }

    /// <summary>Bits under scrubbing, data and check.</summary>
    public long ProtectedBits { get; }

    /// <summary>Time constant of the exponential average.</summary>
    public TimeSpan AveragingTime { get; }

    /// <summary>Current estimate of corrected upsets per bit per day.</summary>
    public double RatePerBitPerDay { get; private set; }

    /// <summary>Corrections the estimate rests on: about how many fell within the last averaging time.</summary>
    public double Evidence => RatePerBitPerDay * ProtectedBits * AveragingTime.TotalSeconds / SecondsPerDay;

    /// <summary>Adds <paramref name="corrections"/> seen over <paramref name="elapsed"/> to the average.</summary>
    public void Observe(long corrections, TimeSpan elapsed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(corrections);
        if (elapsed <= TimeSpan.Zero)
        {
            return;
        }

        double weight = 1 - Math.Exp(-elapsed.TotalSeconds / AveragingTime.TotalSeconds);
        double instantaneous = corrections / (double)ProtectedBits / (elapsed.TotalSeconds / SecondsPerDay);
        RatePerBitPerDay += weight * (instantaneous - RatePerBitPerDay);
    }

    /// <summary>
    /// The period to scrub at: <paramref name="nominal"/> while the rate is at or below
    /// <paramref name="quietRatePerBitPerDay"/> or rests on fewer than
    /// <see cref="MinimumEvidence"/> corrections, shortened in proportion above it, never below
    /// <paramref name="minimum"/>.
    /// </summary>
    public TimeSpan Period(TimeSpan nominal, TimeSpan minimum, double quietRatePerBitPerDay)
    {
        if (RatePerBitPerDay <= quietRatePerBitPerDay || RatePerBitPerDay <= 0 || Evidence < MinimumEvidence)
        {
            return nominal;
        }

        double scaled = nominal.TotalSeconds * quietRatePerBitPerDay / RatePerBitPerDay;
        return TimeSpan.FromSeconds(Math.Clamp(scaled, minimum.TotalSeconds, nominal.TotalSeconds));
    }
}
