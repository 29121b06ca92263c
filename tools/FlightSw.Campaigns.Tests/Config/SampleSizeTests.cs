using FlightSw.Campaigns.Config;

namespace FlightSw.Campaigns.Tests.Config;

public class SampleSizeTests
{
    [TestCase(0.01, 0.95, 9604)]
    [TestCase(0.05, 0.95, 385)]
    [TestCase(0.02, 0.95, 2401)]
    [TestCase(0.01, 0.99, 16588)]
    public void Leveugle_UnboundedPopulation_GivesTheTextbookCounts(double margin, double confidence, int expected)
    {
        // n = t^2 p (1 - p) / e^2 with p = 0.5: t = 1.959964 (95 %) or 2.575829 (99 %).
        Assert.That(SampleSize.Leveugle(margin, confidence), Is.EqualTo(expected));
    }

    [Test]
    public void Leveugle_FinitePopulation_AppliesTheCorrection()
    {
        // N = 10,000: n = N t^2 p(1-p) / (e^2 (N - 1) + t^2 p(1-p)) = 10000 * 0.960365 / (0.9999 + 0.960365) = 4899.1 -> 4900.
        Assert.That(SampleSize.Leveugle(0.01, 0.95, 10_000), Is.EqualTo(4900));
    }

    [Test]
    public void Leveugle_PopulationSmallerThanTheSample_NeverExceedsThePopulation()
    {
        Assert.That(SampleSize.Leveugle(0.01, 0.95, 50), Is.LessThanOrEqualTo(50));
    }

    [TestCase(0.0, 0.95)]
    [TestCase(1.0, 0.95)]
    [TestCase(0.01, 1.0)]
    [TestCase(0.01, 0.0)]
    public void Leveugle_OutOfRange_Throws(double margin, double confidence)
    {
        Assert.That(() => SampleSize.Leveugle(margin, confidence), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }
}
