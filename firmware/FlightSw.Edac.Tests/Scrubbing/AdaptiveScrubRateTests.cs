using FlightSw.Edac.Scrubbing;

namespace FlightSw.Edac.Tests.Scrubbing;

public class AdaptiveScrubRateTests
{
    private static readonly TimeSpan Nominal = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan Minimum = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(100);
    private const long Bits = 1_000_000;
    private const double Quiet = 1e-6;

    [Test]
    public void Period_NoCorrections_Nominal()
    {
        var rate = new AdaptiveScrubRate(Bits, TimeSpan.FromMinutes(10));
        Run(rate, correctionsPerSecond: 0, TimeSpan.FromHours(1));

        Assert.That(rate.Period(Nominal, Minimum, Quiet), Is.EqualTo(Nominal));
    }

    [Test]
    public void Observe_SteadyRate_ConvergesToIt()
    {
        // 1e6 bits at 1e-2 per bit per day: 10,000 per day, about 70 per averaging time.
        var rate = new AdaptiveScrubRate(Bits, TimeSpan.FromMinutes(10));
        Run(rate, correctionsPerSecond: 10_000.0 / 86_400, TimeSpan.FromHours(3));

        Assert.That(rate.RatePerBitPerDay, Is.EqualTo(1e-2).Within(5).Percent);
    }

    [Test]
    public void Period_RateTenTimesQuiet_TenTimesShorter()
    {
        // A large memory, so that ten times the quiet rate is still many corrections per average.
        const long manyBits = 1_000_000_000;
        var rate = new AdaptiveScrubRate(manyBits, TimeSpan.FromMinutes(10));
        Run(rate, correctionsPerSecond: 10 * Quiet * manyBits / 86_400, TimeSpan.FromHours(3));

        Assert.That(rate.Period(Nominal, Minimum, Quiet).TotalSeconds, Is.EqualTo(60).Within(5).Percent);
    }

    [Test]
    public void Period_StormRate_ClampedToMinimum()
    {
        var rate = new AdaptiveScrubRate(Bits, TimeSpan.FromMinutes(10));
        Run(rate, correctionsPerSecond: 1, TimeSpan.FromHours(1));

        Assert.That(rate.Period(Nominal, Minimum, Quiet), Is.EqualTo(Minimum));
    }

    [Test]
    public void Period_AfterStormEnds_RelaxesBackToNominal()
    {
        // 10 per second on 1e9 bits is 864 times the quiet rate; a large memory keeps the
        // decaying average above the minimum evidence long enough to see it relax gradually.
        var rate = new AdaptiveScrubRate(1_000_000_000, TimeSpan.FromMinutes(10));
        Run(rate, correctionsPerSecond: 10, TimeSpan.FromMinutes(30));
        var during = rate.Period(Nominal, Minimum, Quiet);

        Run(rate, correctionsPerSecond: 0, TimeSpan.FromMinutes(60));
        var soon = rate.Period(Nominal, Minimum, Quiet);
        Run(rate, correctionsPerSecond: 0, TimeSpan.FromHours(3));
        var later = rate.Period(Nominal, Minimum, Quiet);

        Assert.Multiple(() =>
        {
            Assert.That(during, Is.EqualTo(Minimum));
            Assert.That(soon, Is.GreaterThan(during).And.LessThan(Nominal));
            Assert.That(later, Is.EqualTo(Nominal));
        });
    }

    [Test]
    public void Observe_SameCountsDifferentTickSizes_SameEstimate()
    {
        var fine = new AdaptiveScrubRate(Bits, TimeSpan.FromMinutes(10));
        var coarse = new AdaptiveScrubRate(Bits, TimeSpan.FromMinutes(10));
        for (int second = 0; second < 600; second++)
        {
            for (int tick = 0; tick < 10; tick++)
            {
                fine.Observe(tick == 0 ? 2 : 0, Tick);
            }

            coarse.Observe(2, TimeSpan.FromSeconds(1));
        }

        Assert.That(fine.RatePerBitPerDay, Is.EqualTo(coarse.RatePerBitPerDay).Within(2).Percent);
    }

    [Test]
    public void Period_OneCorrectionOnASmallMemory_StaysNominal()
    {
        // One upset in 2.4 Mbit is 60 times the quiet rate for a moment, but no evidence of a storm.
        var rate = new AdaptiveScrubRate(2_359_296, TimeSpan.FromMinutes(10));
        rate.Observe(1, Tick);
        Run(rate, correctionsPerSecond: 0, TimeSpan.FromMinutes(1));

        Assert.Multiple(() =>
        {
            Assert.That(rate.RatePerBitPerDay, Is.GreaterThan(Quiet));
            Assert.That(rate.Evidence, Is.LessThan(AdaptiveScrubRate.MinimumEvidence));
            Assert.That(rate.Period(Nominal, Minimum, Quiet), Is.EqualTo(Nominal));
        });
    }

    [Test]
    public void Observe_ZeroElapsed_Ignored()
    {
        var rate = new AdaptiveScrubRate(Bits, TimeSpan.FromMinutes(10));
        rate.Observe(5, TimeSpan.Zero);

        Assert.That(rate.RatePerBitPerDay, Is.Zero);
    }

    [Test]
    public void Constructor_NoBits_Throws()
    {
        Assert.That(() => new AdaptiveScrubRate(0, TimeSpan.FromMinutes(1)), Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    private static void Run(AdaptiveScrubRate rate, double correctionsPerSecond, TimeSpan duration)
    {
        // Deliver whole corrections as they accumulate, as a scrubber sees them.
        double owed = 0;
        for (var elapsed = TimeSpan.Zero; elapsed < duration; elapsed += Tick)
        {
            owed += correctionsPerSecond * Tick.TotalSeconds;
            long whole = (long)owed;
            owed -= whole;
            rate.Observe(whole, Tick);
        }
    }
}
