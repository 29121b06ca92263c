using System.Globalization;
using FlightSw.Campaigns.Statistics;

namespace FlightSw.Campaigns.Reporting;

/// <summary>Rates as report text: percentages in the invariant culture, with two significant digits on the smallest figure shown.</summary>
internal static class RateText
{
    /// <summary>"0.52 % [0.40, 0.68]"; "n/a" when there were no trials.</summary>
    public static string WithInterval(WilsonInterval interval)
    {
        if (double.IsNaN(interval.Rate))
        {
            return "n/a";
        }

        int decimals = Decimals(interval.Rate, interval.Low, interval.High);
        return $"{Percent(interval.Rate, decimals)} % [{Percent(interval.Low, decimals)}, {Percent(interval.High, decimals)}]";
    }

    /// <summary>"0.52 %"; "n/a" when there were no trials.</summary>
    public static string Rate(WilsonInterval interval) =>
        double.IsNaN(interval.Rate) ? "n/a" : $"{Percent(interval.Rate, Decimals(interval.Rate))} %";

    /// <summary>"3 (0.30 %)", or "0" when nothing counted.</summary>
    public static string CountAndRate(long count, WilsonInterval interval) =>
        count == 0 || double.IsNaN(interval.Rate) ? Count(count) : $"{Count(count)} ({Rate(interval)})";

    /// <summary>An integer, invariant.</summary>
    public static string Count(long count) => count.ToString(CultureInfo.InvariantCulture);

    /// <summary>Decimals that give the smallest non-zero fraction two significant digits (at least one, at most six).</summary>
    public static int Decimals(params ReadOnlySpan<double> fractions)
    {
        double smallest = double.PositiveInfinity;
        foreach (double fraction in fractions)
        {
            if (fraction > 0 && fraction < smallest)
            {
                smallest = fraction;
            }
        }

        return double.IsPositiveInfinity(smallest) ? 1 : Math.Clamp(1 - (int)Math.Floor(Math.Log10(smallest * 100)), 1, 6);
    }

    private static string Percent(double fraction, int decimals) => (fraction * 100).ToString("F" + Count(decimals), CultureInfo.InvariantCulture);
}
