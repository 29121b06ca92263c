using System.Globalization;
using FlightSw.Ground;
using FlightSw.Link.Dictionary;
using Spectre.Console;

namespace FlightSw.Cli;

/// <summary>The telemetry table of <c>flightsw tlm</c>: one row per channel (name, value, unit, updates, time).</summary>
internal static class TelemetryTable
{
    /// <summary>What a value or time cell shows for a channel never received or never written.</summary>
    public const string Missing = "-";

    /// <summary>
    /// A table of the channels of <paramref name="dictionary"/> that <paramref name="show"/>
    /// selects (all when null), in dictionary order, each with its latest sample from
    /// <paramref name="samples"/>; selected channels received but not in the dictionary follow.
    /// Times are board times of day (UTC); the title gives the date of the newest sample.
    /// </summary>
    public static Table Build(LinkDictionary dictionary, IReadOnlyList<GroundSample> samples, string title, Func<string, bool>? show = null)
    {
        show ??= _ => true;
        var newest = samples.Where(s => s.UpdateCount > 0).Select(s => s.Time).DefaultIfEmpty().Max();
        string heading = newest == default ? title : $"{title}, board time {newest.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} UTC";
        var table = new Table { Title = new TableTitle(Markup.Escape(heading)) };
        table.AddColumn("name");
        table.AddColumn("value");
        table.AddColumn("unit");
        table.AddColumn(new TableColumn("updates").RightAligned());
        table.AddColumn("time");
        var byId = samples.ToDictionary(s => s.Id);
        foreach (var channel in dictionary.Channels)
        {
            var sample = byId.TryGetValue(channel.Id, out var found) ? found : (GroundSample?)null;
            byId.Remove(channel.Id);
            if (show(channel.Name))
            {
                AddRow(table, channel.Name, sample, channel.Unit);
            }
        }

        foreach (var sample in byId.Values.Where(s => show(s.Name)).OrderBy(s => s.Id))
        {
            AddRow(table, sample.Name, sample, "");
        }

        return table;
    }

    /// <summary>A value as the table shows it: invariant culture; floating point to six significant digits.</summary>
    public static string FormatValue(object? value) => value switch
    {
        null => Missing,
        bool flag => flag ? "true" : "false",
        float single => single.ToString("G6", CultureInfo.InvariantCulture),
        double number => number.ToString("G6", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? Missing,
    };

    private static void AddRow(Table table, string name, GroundSample? sample, string unit)
    {
        bool written = sample is { UpdateCount: > 0 };
        table.AddRow(
            new Text(name),
            new Text(written ? FormatValue(sample!.Value.Value) : Missing),
            new Text(unit),
            new Text(sample is { } s ? s.UpdateCount.ToString(CultureInfo.InvariantCulture) : Missing),
            new Text(written ? sample!.Value.Time.UtcDateTime.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture) : Missing));
    }
}
