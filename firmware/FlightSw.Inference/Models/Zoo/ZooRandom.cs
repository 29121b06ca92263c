namespace FlightSw.Inference.Models.Zoo;

/// <summary>
/// The seeded random source of the zoo's weights. Normal values are Irwin-Hall sums of twelve
/// uniforms (mean 0, variance 1, bounded by ±6) rather than Box-Muller: only additions of
/// <see cref="Random.NextDouble"/> values, so a seed gives the same bits on every platform and
/// runtime (no libm logarithm or cosine whose last bit may differ).
/// </summary>
internal sealed class ZooRandom(int seed)
{
    private readonly Random _random = new(seed);

    /// <summary>One standard normal value (approximately: Irwin-Hall of 12).</summary>
    public double NextNormal()
    {
        double sum = 0;
        for (int i = 0; i < 12; i++)
        {
            sum += _random.NextDouble();
        }

        return sum - 6;
    }

    /// <summary><paramref name="count"/> normal values of mean <paramref name="mean"/> and standard deviation <paramref name="deviation"/>.</summary>
    public float[] Normal(int count, double mean, double deviation)
    {
        var values = new float[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = (float)(mean + (deviation * NextNormal()));
        }

        return values;
    }

    /// <summary><paramref name="count"/> values uniform in [<paramref name="low"/>, <paramref name="high"/>).</summary>
    public float[] Uniform(int count, double low, double high)
    {
        var values = new float[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = (float)(low + ((high - low) * _random.NextDouble()));
        }

        return values;
    }

    /// <summary>He-initialised weights (normal, deviation sqrt(2 / fan-in)), as trained ReLU networks start out.</summary>
    public float[] He(int count, int fanIn) => Normal(count, 0, Math.Sqrt(2.0 / fanIn));
}
