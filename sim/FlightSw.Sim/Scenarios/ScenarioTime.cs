using System.Globalization;
using System.Text.RegularExpressions;

namespace FlightSw.Sim.Scenarios;

/// <summary>
/// Parses the times of a scenario file: durations (how long something lasts) and instants (when an
/// event happens, since the run's epoch). Orbits count in the scenario's own orbit period.
/// </summary>
/// <remarks>
/// <para>A duration is a number with a unit, <c>90s</c>, <c>15m</c> or <c>15min</c>, <c>6h</c>,
/// <c>2d</c>, <c>3orbits</c> or <c>1orbit</c> (units case-insensitive, a space allowed before the
/// unit), or <c>hh:mm:ss</c> such as <c>01:30:00</c> (hours may exceed 23). It must be above zero.</para>
/// <para>An instant is any duration form, optionally written <c>t=5000s</c>, meaning that long after
/// the epoch (zero allowed: <c>t=0s</c>); or <c>orbit N</c>, the start of orbit N counting the first
/// orbit as orbit 1, so <c>orbit 1</c> is the epoch and <c>orbit 3</c> is two periods in. N may be
/// fractional and is at least 1. Note that <c>3orbits</c> is three periods, the start of orbit 4.</para>
/// <para>Results are rounded to the millisecond and are at most <see cref="MaxTime"/>.</para>
/// </remarks>
public static partial class ScenarioTime
{
    /// <summary>The longest duration or latest instant accepted: 3650 days.</summary>
    public static readonly TimeSpan MaxTime = TimeSpan.FromDays(3650);

    private const string DurationForms = "a number with a unit (90s, 15m or 15min, 6h, 2d, 3orbits) or hh:mm:ss";

    private const string InstantForms =
        "'orbit N' (start of orbit N, the first orbit being orbit 1), a time since the start with an optional 't=' " +
        "(t=5000s, 90s, 15m or 15min, 6h, 2d, 3orbits) or hh:mm:ss";

    /// <summary>Parses a duration in one of the forms of <see cref="ScenarioTime"/>.</summary>
    /// <param name="text">The text, such as <c>2h</c> or <c>3orbits</c>.</param>
    /// <param name="orbitPeriod">What one orbit lasts (the scenario's orbit period); above zero.</param>
    /// <param name="duration">The duration, when the text is one.</param>
    /// <param name="error">Why the text is not a duration, listing the accepted forms; empty on success.</param>
    /// <returns>True when <paramref name="text"/> is a duration above zero and at most <see cref="MaxTime"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="orbitPeriod"/> is zero or negative.</exception>
    public static bool TryParseDuration(string text, TimeSpan orbitPeriod, out TimeSpan duration, out string error)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(orbitPeriod, TimeSpan.Zero);
        var trimmed = (text ?? string.Empty).Trim();
        if (!TryParseSpan(trimmed, orbitPeriod, out var milliseconds))
        {
            duration = default;
            error = $"'{trimmed}' is not a duration; use {DurationForms}";
            return false;
        }

        return Settle(trimmed, milliseconds, allowZero: false, out duration, out error);
    }

    /// <summary>Parses an instant (a time since the run's epoch) in one of the forms of <see cref="ScenarioTime"/>.</summary>
    /// <param name="text">The text, such as <c>orbit 3</c>, <c>t=5000s</c> or <c>6h</c>.</param>
    /// <param name="orbitPeriod">What one orbit lasts (the scenario's orbit period); above zero.</param>
    /// <param name="instant">The time since the epoch, when the text is one.</param>
    /// <param name="error">Why the text is not an instant, listing the accepted forms; empty on success.</param>
    /// <returns>True when <paramref name="text"/> is an instant from zero to <see cref="MaxTime"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="orbitPeriod"/> is zero or negative.</exception>
    public static bool TryParseInstant(string text, TimeSpan orbitPeriod, out TimeSpan instant, out string error)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(orbitPeriod, TimeSpan.Zero);
        var trimmed = (text ?? string.Empty).Trim();
        double milliseconds;
        var orbit = OrbitNumber().Match(trimmed);
        if (orbit.Success)
        {
            var number = double.Parse(orbit.Groups["number"].Value, CultureInfo.InvariantCulture);
            if (number < 1)
            {
                instant = default;
                error = $"'{trimmed}' names an orbit before the first; orbits count from 1 ('orbit 1' is the start of the run)";
                return false;
            }

            milliseconds = (number - 1) * orbitPeriod.TotalMilliseconds;
        }
        else
        {
            var since = trimmed.StartsWith("t=", StringComparison.OrdinalIgnoreCase) ? trimmed[2..].TrimStart() : trimmed;
            if (!TryParseSpan(since, orbitPeriod, out milliseconds))
            {
                instant = default;
                error = $"'{trimmed}' is not a time; use {InstantForms}";
                return false;
            }
        }

        return Settle(trimmed, milliseconds, allowZero: true, out instant, out error);
    }

    private static bool TryParseSpan(string text, TimeSpan orbitPeriod, out double milliseconds)
    {
        var withUnit = WithUnit().Match(text);
        if (withUnit.Success)
        {
            var amount = double.Parse(withUnit.Groups["amount"].Value, CultureInfo.InvariantCulture);
            var unit = withUnit.Groups["unit"].Value.ToLowerInvariant() switch
            {
                "orbit" or "orbits" => orbitPeriod.TotalMilliseconds,
                "s" => 1000.0,
                "m" or "min" => 60_000.0,
                "h" => 3_600_000.0,
                _ => 86_400_000.0,
            };
            milliseconds = amount * unit;
            return true;
        }

        var clock = Clock().Match(text);
        if (clock.Success)
        {
            var hours = double.Parse(clock.Groups["h"].Value, CultureInfo.InvariantCulture);
            var minutes = double.Parse(clock.Groups["m"].Value, CultureInfo.InvariantCulture);
            var seconds = double.Parse(clock.Groups["s"].Value, CultureInfo.InvariantCulture);
            milliseconds = (((hours * 60.0) + minutes) * 60.0 + seconds) * 1000.0;
            return true;
        }

        milliseconds = 0;
        return false;
    }

    private static bool Settle(string text, double milliseconds, bool allowZero, out TimeSpan value, out string error)
    {
        value = default;
        var rounded = Math.Round(milliseconds);
        if (rounded > MaxTime.TotalMilliseconds)
        {
            error = $"'{text}' is more than {MaxTime.TotalDays:0} days";
            return false;
        }

        if (!allowZero && rounded <= 0)
        {
            error = $"'{text}' must be longer than zero (at least 1 ms)";
            return false;
        }

        value = TimeSpan.FromMilliseconds((long)rounded);
        error = string.Empty;
        return true;
    }

    [GeneratedRegex(@"^(?<amount>[0-9]+(\.[0-9]+)?)\s*(?<unit>orbits?|s|min|m|h|d)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WithUnit();

    [GeneratedRegex(@"^(?<h>[0-9]+):(?<m>[0-5][0-9]):(?<s>[0-5][0-9](\.[0-9]+)?)$", RegexOptions.CultureInvariant)]
    private static partial Regex Clock();

    [GeneratedRegex(@"^orbit\s*(?<number>[0-9]+(\.[0-9]+)?)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OrbitNumber();
}
