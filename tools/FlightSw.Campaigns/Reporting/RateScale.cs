using System.Globalization;
using FlightSw.Campaigns.Statistics;

namespace FlightSw.Campaigns.Reporting;

/// <summary>
/// The rate axis of a plot, in percent: logarithmic when the rates span more than about two
/// decades (masked near 100 % beside SDC near 0.1 %), else linear from zero.
/// </summary>
internal sealed class RateScale
{
    /// <summary>Highest over smallest non-zero figure beyond which the axis is logarithmic.</summary>
    private const double LogSpan = 50;

    private readonly double _floorPercent;

    private RateScale(bool log, double floorPercent, double top)
    {
        IsLog = log;
        _floorPercent = floorPercent;
        Bottom = log ? Math.Log10(floorPercent) : 0;
        Top = top;
    }

    public bool IsLog { get; }

    /// <summary>Where bars start, in axis units.</summary>
    public double Bottom { get; }

    /// <summary>The axis' upper limit, in axis units.</summary>
    public double Top { get; }

    /// <summary>A scale that shows every rate and upper bound of <paramref name="intervals"/> (those with trials).</summary>
    public static RateScale For(IEnumerable<WilsonInterval> intervals)
    {
        var shown = intervals.Where(i => !double.IsNaN(i.Rate)).ToList();
        double highest = shown.Count == 0 ? 1 : shown.Max(i => i.High) * 100;
        // Lower bounds do not set the floor: 1 in 10,000 would stretch the axis for a whisker's sake.
        double smallest = shown.SelectMany(i => new[] { i.Rate, i.High }).Where(v => v > 0).DefaultIfEmpty(1).Min() * 100;
        if (highest / smallest <= LogSpan)
        {
            return new RateScale(false, 0, highest * 1.08);
        }

        int floorExponent = Math.Max(-6, (int)Math.Floor(Math.Log10(smallest)));
        double ceiling = Math.Max(floorExponent + 1, Math.Ceiling(Math.Log10(highest)));
        return new RateScale(true, Math.Pow(10, floorExponent), ceiling + (0.04 * (ceiling - floorExponent)));
    }

    /// <summary>A fraction (0 to 1) in axis units; on a log axis values below the floor sit on it.</summary>
    public double Y(double fraction)
    {
        double percent = fraction * 100;
        return IsLog ? Math.Log10(Math.Max(percent, _floorPercent)) : percent;
    }

    /// <summary>Decade ticks (labelled in percent) with minor ticks between, for a log axis.</summary>
    public ScottPlot.TickGenerators.NumericManual LogTicks()
    {
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        int first = (int)Math.Round(Bottom);
        for (int exponent = first; exponent <= Top; exponent++)
        {
            string label = exponent >= 0
                ? Math.Pow(10, exponent).ToString("F0", CultureInfo.InvariantCulture)
                : Math.Pow(10, exponent).ToString("F" + (-exponent).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            ticks.AddMajor(exponent, label);
            for (int k = 2; k <= 9 && exponent + Math.Log10(k) <= Top; k++)
            {
                ticks.AddMinor(exponent + Math.Log10(k));
            }
        }

        return ticks;
    }
}
