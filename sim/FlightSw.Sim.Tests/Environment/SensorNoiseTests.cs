using FlightSw.Sim.Environment;

namespace FlightSw.Sim.Tests.Environment;

public class SensorNoiseTests
{
    private const int Draws = 100_000;

    /// <summary>Irwin-Hall with four draws, scaled to unit variance, reaches at most 2 x sqrt(3) sigma.</summary>
    private static readonly double MaxSigmas = 2 * Math.Sqrt(3);

    [Test]
    public void Constructor_NullArgument_ThrowsArgumentNullException()
    {
        var environment = new ConstantEnvironment();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(() => new SensorNoise(null!, environment, new Random(1)), Throws.ArgumentNullException);
            Assert.That(() => new SensorNoise(environment, null!, new Random(1)), Throws.ArgumentNullException);
            Assert.That(() => new SensorNoise(environment, environment, null!), Throws.ArgumentNullException);
        }
    }

    [Test]
    public void Constructor_Defaults_AreTheDocumentedSigmas()
    {
        var environment = new ConstantEnvironment();
        var noise = new SensorNoise(environment, environment, new Random(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(noise.VoltsSigma, Is.EqualTo(0.005));
            Assert.That(noise.AmpsSigma, Is.EqualTo(0.002));
            Assert.That(noise.CelsiusSigma, Is.EqualTo(0.05));
        }
    }

    [Test]
    public void BusVolts_ManyDraws_MeanIsTheRailAndDeviationIsTheSigma()
    {
        var environment = new ConstantEnvironment { BusVolts = 12.0 };
        var noise = new SensorNoise(environment, environment, new Random(7)) { VoltsSigma = 0.01 };

        var (mean, deviation, largest) = Statistics(() => noise.BusVolts, 12.0);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(mean, Is.EqualTo(12.0).Within(0.01 * 0.02), "within 6 standard errors of the mean");
            Assert.That(deviation, Is.EqualTo(0.01).Within(0.01 * 0.02));
            Assert.That(largest, Is.LessThanOrEqualTo(0.01 * MaxSigmas).And.GreaterThan(0.01 * 2.5));
        }
    }

    [Test]
    public void CurrentAmps_ManyDraws_MeanIsTheRailAndDeviationIsTheSigma()
    {
        var environment = new ConstantEnvironment { CurrentAmps = 0.6 };
        var noise = new SensorNoise(environment, environment, new Random(8));

        var (mean, deviation, largest) = Statistics(() => noise.CurrentAmps, 0.6);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(mean, Is.EqualTo(0.6).Within(SensorNoise.DefaultAmpsSigma * 0.02));
            Assert.That(deviation, Is.EqualTo(SensorNoise.DefaultAmpsSigma).Within(SensorNoise.DefaultAmpsSigma * 0.02));
            Assert.That(largest, Is.LessThanOrEqualTo(SensorNoise.DefaultAmpsSigma * MaxSigmas));
        }
    }

    [Test]
    public void BoardCelsius_ManyDraws_MeanIsTheTemperatureAndDeviationIsTheSigma()
    {
        var environment = new ConstantEnvironment { BoardCelsius = -12.5 };
        var noise = new SensorNoise(environment, environment, new Random(9)) { CelsiusSigma = 0.25 };

        var (mean, deviation, largest) = Statistics(() => noise.BoardCelsius, -12.5);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(mean, Is.EqualTo(-12.5).Within(0.25 * 0.02));
            Assert.That(deviation, Is.EqualTo(0.25).Within(0.25 * 0.02));
            Assert.That(largest, Is.LessThanOrEqualTo(0.25 * MaxSigmas));
        }
    }

    [Test]
    public void BusVolts_RailChanges_NoiseFollowsTheNewValue()
    {
        var environment = new ConstantEnvironment { BusVolts = 5.0 };
        var noise = new SensorNoise(environment, environment, new Random(3));

        environment.BusVolts = 3.3;
        var (mean, _, _) = Statistics(() => noise.BusVolts, 3.3);

        Assert.That(mean, Is.EqualTo(3.3).Within(SensorNoise.DefaultVoltsSigma * 0.02));
    }

    [Test]
    public void Readings_ZeroSigma_AreTheExactEnvironmentValues()
    {
        var environment = new ConstantEnvironment { BusVolts = 4.87, CurrentAmps = 0.731, BoardCelsius = 33.3 };
        var noise = new SensorNoise(environment, environment, new Random(5)) { VoltsSigma = 0, AmpsSigma = 0, CelsiusSigma = 0 };

        using (Assert.EnterMultipleScope())
        {
            Assert.That(noise.BusVolts, Is.EqualTo(4.87));
            Assert.That(noise.CurrentAmps, Is.EqualTo(0.731));
            Assert.That(noise.BoardCelsius, Is.EqualTo(33.3));
        }
    }

    [Test]
    public void Readings_SameSeed_AreIdenticalSequences()
    {
        var first = Sequence(seed: 1234);
        var second = Sequence(seed: 1234);

        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public void Readings_DifferentSeeds_DifferentSequences()
    {
        Assert.That(Sequence(seed: 1), Is.Not.EqualTo(Sequence(seed: 2)));
    }

    private static double[] Sequence(int seed)
    {
        var environment = new ConstantEnvironment();
        var noise = new SensorNoise(environment, environment, new Random(seed));
        return Enumerable.Range(0, 300)
            .Select(i => (i % 3) switch
            {
                0 => noise.BusVolts,
                1 => noise.CurrentAmps,
                _ => noise.BoardCelsius,
            })
            .ToArray();
    }

    private static (double Mean, double Deviation, double LargestOffset) Statistics(Func<double> draw, double centre)
    {
        double sum = 0;
        double sumOfSquares = 0;
        double largest = 0;
        for (int i = 0; i < Draws; i++)
        {
            double offset = draw() - centre;
            sum += offset;
            sumOfSquares += offset * offset;
            largest = Math.Max(largest, Math.Abs(offset));
        }

        double mean = sum / Draws;
        double variance = (sumOfSquares / Draws) - (mean * mean);
        return (centre + mean, Math.Sqrt(variance), largest);
    }
}
