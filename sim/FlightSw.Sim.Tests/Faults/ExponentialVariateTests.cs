using FlightSw.Sim.Faults;

namespace FlightSw.Sim.Tests.Faults;

public class ExponentialVariateTests
{
    private const int Draws = 100_000;

    [Test]
    public void Draw_NullRandom_ThrowsArgumentNullException()
    {
        Assert.That(() => ExponentialVariate.Draw(null!), Throws.ArgumentNullException);
    }

    [Test]
    public void Draw_ManyTimes_HasMeanOneAndTheExponentialTail()
    {
        var random = new Random(42);

        var draws = Enumerable.Range(0, Draws).Select(_ => ExponentialVariate.Draw(random)).ToList();

        // Standard errors: 1/sqrt(n) for the mean, sqrt(p(1-p)/n) for a tail share; 5 sigma each.
        using (Assert.EnterMultipleScope())
        {
            Assert.That(draws, Has.All.GreaterThanOrEqualTo(0.0));
            Assert.That(draws.Average(), Is.EqualTo(1.0).Within(5 / Math.Sqrt(Draws)));
            AssertTailShare(draws, 0.5);
            AssertTailShare(draws, 1.0);
            AssertTailShare(draws, 3.0);
        }
    }

    [Test]
    public void Draw_SameSeed_SameSequence()
    {
        var first = new Random(7);
        var second = new Random(7);

        var a = Enumerable.Range(0, 100).Select(_ => ExponentialVariate.Draw(first)).ToList();
        var b = Enumerable.Range(0, 100).Select(_ => ExponentialVariate.Draw(second)).ToList();

        Assert.That(b, Is.EqualTo(a));
    }

    private static void AssertTailShare(List<double> draws, double x)
    {
        double expected = Math.Exp(-x);
        double sigma = Math.Sqrt(expected * (1 - expected) / draws.Count);
        double share = draws.Count(d => d > x) / (double)draws.Count;
        Assert.That(share, Is.EqualTo(expected).Within(5 * sigma), $"share above {x}");
    }
}
