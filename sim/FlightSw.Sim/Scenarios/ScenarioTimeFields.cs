using System.Text.Json;
using FlightSw.Hal.Configuration;

namespace FlightSw.Sim.Scenarios;

/// <summary>Reads the time fields of a scenario file (see <see cref="ScenarioTime"/>) with the shared <see cref="JsonFieldReader"/>.</summary>
internal static class ScenarioTimeFields
{
    /// <summary>A duration field (see <see cref="ScenarioTime.TryParseDuration"/>), with orbits of <paramref name="orbitPeriod"/>.</summary>
    public static TimeSpan? Duration(this JsonFieldReader fields, JsonElement parent, string parentPath, string name, TimeSpan orbitPeriod) =>
        Time(fields, parent, parentPath, name, "\"2h\"", text =>
            ScenarioTime.TryParseDuration(text, orbitPeriod, out var duration, out var error) ? (duration, null) : (null, error));

    /// <summary>An instant field (see <see cref="ScenarioTime.TryParseInstant"/>), with orbits of <paramref name="orbitPeriod"/>.</summary>
    public static TimeSpan? Instant(this JsonFieldReader fields, JsonElement parent, string parentPath, string name, TimeSpan orbitPeriod) =>
        Time(fields, parent, parentPath, name, "\"orbit 3\" or \"t=5000s\"", text =>
            ScenarioTime.TryParseInstant(text, orbitPeriod, out var instant, out var error) ? (instant, null) : (null, error));

    /// <summary>A time field: a string that <paramref name="parse"/> turns into a time or an error.</summary>
    private static TimeSpan? Time(
        JsonFieldReader fields,
        JsonElement parent,
        string parentPath,
        string name,
        string example,
        Func<string, (TimeSpan? Time, string? Error)> parse)
    {
        if (!JsonFieldReader.TryGet(parent, name, out var value))
        {
            return null;
        }

        var path = JsonFieldReader.Join(parentPath, name);
        if (value.ValueKind != JsonValueKind.String)
        {
            fields.Report(path, $"must be a time as a string such as {example}; found {JsonFieldReader.Describe(value)}");
            return null;
        }

        var (time, error) = parse(value.GetString()!);
        if (error is not null)
        {
            fields.Report(path, error);
        }

        return time;
    }
}
