using FlightSw.Campaigns.Statistics;
using ScottPlot;
using ScottPlot.Plottables;

namespace FlightSw.Campaigns.Reporting;

/// <summary>A grouped bar chart of rates: one group per category, one bar per variant, Wilson intervals as error bars.</summary>
internal static class RateChart
{
    private const int Height = 520;

    private const int MaxWidth = 1800;

    /// <summary>A variant's rates, one per group; a NaN rate (no trials) draws no bar.</summary>
    public sealed record Series(string Name, IReadOnlyList<WilsonInterval> Values);

    public static byte[] Png(string title, string xLabel, string yLabel, IReadOnlyList<string> groups, IReadOnlyList<Series> series)
    {
        using var plot = new Plot();
        var scale = RateScale.For(series.SelectMany(s => s.Values));
        var palette = new ScottPlot.Palettes.Category10();
        double slot = 0.8 / Math.Max(1, series.Count);
        for (int s = 0; s < series.Count; s++)
        {
            var color = palette.GetColor(s);
            var bars = new List<Bar>();
            var xs = new List<double>();
            var ys = new List<double>();
            var above = new List<double>();
            var below = new List<double>();
            for (int g = 0; g < groups.Count; g++)
            {
                var value = series[s].Values[g];
                if (double.IsNaN(value.Rate))
                {
                    continue;
                }

                double x = g - 0.4 + (slot * (s + 0.5));
                double y = scale.Y(value.Rate);
                bars.Add(new Bar { Position = x, Value = y, ValueBase = scale.Bottom, Size = slot * 0.85, FillColor = color, LineWidth = 0 });
                xs.Add(x);
                ys.Add(y);
                above.Add(scale.Y(value.High) - y);
                below.Add(y - scale.Y(value.Low));
            }

            if (bars.Count > 0)
            {
                plot.Add.Bars(bars);
                plot.Add.Plottable(new ErrorBar(xs, ys, null, null, above, below) { Color = Colors.Black, LineWidth = 1.5f, CapSize = 4 });
            }

            plot.Legend.ManualItems.Add(new LegendItem { LabelText = series[s].Name, FillColor = color, LineWidth = 0 });
        }

        plot.Title(title, 15);
        plot.XLabel(xLabel, 13);
        plot.YLabel(scale.IsLog ? yLabel + ", log scale" : yLabel, 13);
        if (scale.IsLog)
        {
            plot.Axes.Left.TickGenerator = scale.LogTicks();
        }

        plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, groups.Count).Select(g => (double)g)], [.. groups]);
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Grid.XAxisStyle.IsVisible = false;
        plot.Axes.SetLimits(-0.6, Math.Max(0.6, groups.Count - 0.4), scale.Bottom, scale.Top);
        plot.ShowLegend(Edge.Right);

        string? family = PlotFonts.Family;
        if (family is not null)
        {
            plot.Font.Set(family);
            plot.Legend.FontName = family;
        }

        // Each group gets room for its bars and its label; when that makes the plot too wide, the labels turn.
        using var paint = Paint.NewDisposablePaint();
        float widest = groups.Select(g => plot.Axes.Bottom.TickLabelStyle.Measure(g, paint).Width).DefaultIfEmpty(0).Max();
        double groupWidth = Math.Max(70, series.Count * 26);
        bool rotate = groups.Count * Math.Max(groupWidth, widest + 16) > MaxWidth - 220;
        if (rotate)
        {
            plot.Axes.Bottom.TickLabelStyle.Rotation = 45;
            plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
            plot.Axes.Bottom.MinimumSize = (widest * 0.75f) + 40;
        }
        else
        {
            groupWidth = Math.Max(groupWidth, widest + 16);
        }

        int width = (int)Math.Clamp(220 + (groups.Count * groupWidth), 760, MaxWidth);
        return plot.GetImageBytes(width, Height + (rotate ? (int)(widest * 0.75f) : 0), ImageFormat.Png);
    }
}
