using System.Globalization;
using System.Text.RegularExpressions;
using FlightSw.Sim.Environment;

namespace FlightSw.Node.Cli;

/// <summary>
/// Parses a run length: a number with a unit (<c>3orbits</c>, <c>1orbit</c>, <c>90s</c>,
/// <c>15m</c>, <c>6h</c>, <c>2d</c>) or a time span (<c>01:30:00</c>). An orbit is one period
/// of the reference 500 km orbit (94.6 min).
/// </summary>
public static partial class SimulatedDuration
{
    /// <summary>The default run: three orbits.</summary>
    public const string Default = "3orbits";

    /// <summary>Parses <paramref name="text"/>; false with a reason naming the accepted forms.</summary>
    public static bool TryParse(string text, out TimeSpan duration, out string error)
    {
        duration = default;
        error = "";
        text = (text ?? "").Trim();
        var match = WithUnit().Match(text);
        if (match.Success)
        {
            double amount = double.Parse(match.Groups["amount"].Value, CultureInfo.InvariantCulture);
            double seconds = match.Groups["unit"].Value.ToLowerInvariant() switch
            {
                "orbit" or "orbits" => CircularOrbit.Leo500.Period.TotalSeconds,
                "s" => 1,
                "m" or "min" => 60,
                "h" => 3600,
                _ => 86400,
            };
            duration = TimeSpan.FromSeconds(amount * seconds);
        }
        else if (!TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out duration))
        {
            error = $"'{text}' is not a duration; use a number with a unit (3orbits, 1orbit, 90s, 15m, 6h, 2d) or hh:mm:ss";
            return false;
        }

        if (duration <= TimeSpan.Zero || duration > TimeSpan.FromDays(3650))
        {
            error = $"'{text}' must be longer than zero and at most 3650 days";
            return false;
        }

        return true;
    }

    [GeneratedRegex(@"^(?<amount>\d+(\.\d+)?)\s*(?<unit>orbits?|s|m|min|h|d)$", RegexOptions.IgnoreCase)]
    private static partial Regex WithUnit();
}
