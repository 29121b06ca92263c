using FlightSw.Campaigns.Reporting;
using FlightSw.Campaigns.Statistics;

namespace FlightSw.Campaigns.Tests.Reporting;

public class RateTextTests
{
    [TestCase(52, 10_000, "0.52 % [0.40, 0.68]")]
    [TestCase(5, 10, "50.0 % [23.7, 76.3]")]
    [TestCase(0, 10, "0.0 % [0.0, 27.8]")]
    [TestCase(96, 9604, "1.00 % [0.82, 1.22]")]
    [TestCase(1, 10_000, "0.0100 % [0.0018, 0.0566]")]
    [TestCase(10, 10, "100.0 % [72.2, 100.0]")]
    public void WithInterval_Counts_TwoSignificantDigitsOnTheSmallestFigure(long successes, long trials, string expected)
    {
        Assert.That(RateText.WithInterval(WilsonInterval.Of(successes, trials)), Is.EqualTo(expected));
    }

    [Test]
    public void WithInterval_NoTrials_IsNotApplicable()
    {
        Assert.That(RateText.WithInterval(WilsonInterval.Of(0, 0)), Is.EqualTo("n/a"));
    }

    [Test]
    public void CountAndRate_NoneOrSome_CountWithRateWhenAny()
    {
        Assert.Multiple(() =>
        {
            Assert.That(RateText.CountAndRate(3, WilsonInterval.Of(3, 1000)), Is.EqualTo("3 (0.30 %)"));
            Assert.That(RateText.CountAndRate(0, WilsonInterval.Of(0, 1000)), Is.EqualTo("0"));
            Assert.That(RateText.CountAndRate(12_345, WilsonInterval.Of(12_345, 20_000)), Is.EqualTo("12345 (61.7 %)"));
        });
    }

    [Test]
    [SetCulture("de-DE")]
    public void WithInterval_CommaDecimalCulture_StillInvariant()
    {
        Assert.That(RateText.WithInterval(WilsonInterval.Of(52, 10_000)), Is.EqualTo("0.52 % [0.40, 0.68]"));
    }
}
