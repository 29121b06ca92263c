namespace FlightSw.Sim.Faults;

/// <summary>
/// Draws exponentially distributed numbers with comparisons and additions only (von Neumann's
/// method), so a seed gives bit-identical draws on every processor; -ln(U) would not, as the last
/// bit of a library logarithm differs between platforms and would move event times.
/// </summary>
public static class ExponentialVariate
{
    /// <summary>
    /// Draws from the exponential distribution of mean 1. Costs about 4.3 draws of
    /// <paramref name="random"/> on average.
    /// </summary>
    /// <remarks>
    /// A descending run U1 &gt; U2 &gt; ... that starts at U1 = x has odd length with
    /// probability e^-x, so accepting x on an odd run gives the exponential on [0, 1); a rejected
    /// round adds 1 and starts again, which memorylessness makes exact.
    /// </remarks>
    public static double Draw(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        double whole = 0;
        while (true)
        {
            double first = random.NextDouble();
            double previous = first;
            int runLength = 1;
            double next;
            while ((next = random.NextDouble()) < previous)
            {
                previous = next;
                runLength++;
            }

            if (runLength % 2 == 1)
            {
                return whole + first;
            }

            whole++;
        }
    }
}
