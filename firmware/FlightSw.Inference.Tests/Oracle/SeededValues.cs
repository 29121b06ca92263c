namespace FlightSw.Inference.Tests.Oracle;

/// <summary>Seeded test values (normal values are Irwin-Hall sums of 12 uniforms: bit-identical on every platform).</summary>
public sealed class SeededValues(int seed)
{
    private readonly Random _random = new(seed);

    public float[] Normal(int count, double deviation = 1)
    {
        var values = new float[count];
        for (int i = 0; i < count; i++)
        {
            double sum = 0;
            for (int term = 0; term < 12; term++)
            {
                sum += _random.NextDouble();
            }

            values[i] = (float)((sum - 6) * deviation);
        }

        return values;
    }

    public float[] Uniform(int count, double low, double high)
    {
        var values = new float[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = (float)(low + ((high - low) * _random.NextDouble()));
        }

        return values;
    }

    /// <summary>Magnitudes in [0.5, 2] with random signs: safe divisors.</summary>
    public float[] AwayFromZero(int count)
    {
        var values = Uniform(count, 0.5, 2);
        for (int i = 0; i < count; i++)
        {
            values[i] = _random.Next(2) == 0 ? values[i] : -values[i];
        }

        return values;
    }
}
