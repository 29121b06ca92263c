using FlightSw.Inference.Models.Zoo;

namespace FlightSw.Inference.Tests.Oracle;

/// <summary>Seeded test values from the zoo's generator (bit-identical on every platform), plus safe divisors.</summary>
public sealed class SeededValues(int seed)
{
    private readonly ZooRandom _random = new(seed);
    private readonly Random _signs = new(~seed);

    public float[] Normal(int count, double deviation = 1) => _random.Normal(count, 0, deviation);

    public float[] Uniform(int count, double low, double high) => _random.Uniform(count, low, high);

    /// <summary>Magnitudes in [0.5, 2] with random signs: safe divisors.</summary>
    public float[] AwayFromZero(int count)
    {
        var values = Uniform(count, 0.5, 2);
        for (int i = 0; i < count; i++)
        {
            values[i] = _signs.Next(2) == 0 ? values[i] : -values[i];
        }

        return values;
    }
}
