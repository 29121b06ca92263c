using FlightSw.Campaigns.Statistics;

namespace FlightSw.Campaigns.Tests.Statistics;

// Reference values from the Wilson score formula, computed independently (Python, statistics.NormalDist):
//   z = NormalDist().inv_cdf(0.975) = 1.9599639845400536, p = x / n,
//   centre = (p + z^2 / 2n) / (1 + z^2 / n), half = z / (1 + z^2 / n) * sqrt(p(1 - p) / n + z^2 / 4n^2),
//   interval = [centre - half, centre + half].
public class WilsonIntervalTests
{
    private const double Tolerance = 1e-8;

    [Test]
    public void Of_ZeroOfTen_LowIsZeroHighIsFormula()
    {
        // centre = half = 0.19207 / 1.38415 = 0.1387664; high = 0.27753279986288915.
        var interval = WilsonInterval.Of(0, 10);

        Assert.Multiple(() =>
        {
            Assert.That(interval.Rate, Is.Zero);
            Assert.That(interval.Low, Is.Zero, "exactly 0, not a rounding speck");
            Assert.That(interval.High, Is.EqualTo(0.27753279986288915).Within(Tolerance));
        });
    }

    [Test]
    public void Of_FiveOfTen_SymmetricAboutOneHalf()
    {
        // centre 0.5, half = 1.415999 * sqrt(0.025 + 0.0096037) = 0.2634069.
        var interval = WilsonInterval.Of(5, 10);

        Assert.Multiple(() =>
        {
            Assert.That(interval.Rate, Is.EqualTo(0.5));
            Assert.That(interval.Low, Is.EqualTo(0.23659309051256405).Within(Tolerance));
            Assert.That(interval.High, Is.EqualTo(0.763406909487436).Within(Tolerance));
        });
    }

    [Test]
    public void Of_96Of9604_MatchesFormula()
    {
        // p = 0.009995835068721367; the sample size that bounds a 1 % rate to +-0.2 % at 95 %.
        var interval = WilsonInterval.Of(96, 9604);

        Assert.Multiple(() =>
        {
            Assert.That(interval.Rate, Is.EqualTo(96.0 / 9604));
            Assert.That(interval.Low, Is.EqualTo(0.008192995957945525).Within(Tolerance));
            Assert.That(interval.High, Is.EqualTo(0.012190506378148657).Within(Tolerance));
        });
    }

    [Test]
    public void Of_TenOfTen_HighIsOne()
    {
        var interval = WilsonInterval.Of(10, 10);

        Assert.Multiple(() =>
        {
            Assert.That(interval.Rate, Is.EqualTo(1));
            Assert.That(interval.Low, Is.EqualTo(0.7224672001371109).Within(Tolerance));
            Assert.That(interval.High, Is.EqualTo(1), "exactly 1");
        });
    }

    [Test]
    public void Of_NinetyNinePercent_UsesThatQuantile()
    {
        // z = inv_cdf(0.995) = 2.5758293035489004.
        var interval = WilsonInterval.Of(5, 10, 0.99);

        Assert.Multiple(() =>
        {
            Assert.That(interval.Low, Is.EqualTo(0.1842255182472355).Within(Tolerance));
            Assert.That(interval.High, Is.EqualTo(0.8157744817527646).Within(Tolerance));
        });
    }

    [Test]
    public void Of_NoTrials_RateUndefinedIntervalWhole()
    {
        var interval = WilsonInterval.Of(0, 0);

        Assert.Multiple(() =>
        {
            Assert.That(interval.Rate, Is.NaN);
            Assert.That(interval.Low, Is.Zero);
            Assert.That(interval.High, Is.EqualTo(1));
        });
    }

    [Test]
    public void Of_Deconstructed_GivesRateLowHigh()
    {
        var (rate, low, high) = WilsonInterval.Of(52, 10_000);

        Assert.Multiple(() =>
        {
            Assert.That(rate, Is.EqualTo(0.0052));
            Assert.That(low, Is.EqualTo(0.003967852921628257).Within(Tolerance));
            Assert.That(high, Is.EqualTo(0.006812151865993302).Within(Tolerance));
        });
    }

    [Test]
    public void Of_InvalidArguments_Throw()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => WilsonInterval.Of(-1, 10), Throws.TypeOf<ArgumentOutOfRangeException>());
            Assert.That(() => WilsonInterval.Of(0, -1), Throws.TypeOf<ArgumentOutOfRangeException>());
            Assert.That(() => WilsonInterval.Of(11, 10), Throws.TypeOf<ArgumentOutOfRangeException>());
            Assert.That(() => WilsonInterval.Of(1, 10, 1.0), Throws.TypeOf<ArgumentOutOfRangeException>());
            Assert.That(() => WilsonInterval.Of(1, 10, 0), Throws.TypeOf<ArgumentOutOfRangeException>());
        });
    }
}
