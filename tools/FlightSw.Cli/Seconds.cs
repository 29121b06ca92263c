using System.Globalization;

namespace FlightSw.Cli;

/// <summary>Durations given on the command line in seconds.</summary>
internal static class Seconds
{
    /// <summary>
    /// <paramref name="seconds"/> as a span; throws <see cref="CliException"/> (bad input) naming
    /// <paramref name="option"/> unless it is a finite number above 0 and at most <paramref name="max"/>.
    /// </summary>
    public static TimeSpan Require(double seconds, string option, double max)
    {
        if (!double.IsFinite(seconds) || seconds <= 0 || seconds > max || seconds > TimeSpan.MaxValue.TotalSeconds / 2)
        {
            string limit = max < double.MaxValue ? string.Create(CultureInfo.InvariantCulture, $" and at most {max}") : "";
            throw new CliException(CliExitCodes.BadInput, string.Create(CultureInfo.InvariantCulture, $"{option} must be a number of seconds above 0{limit} (was {seconds})."));
        }

        return TimeSpan.FromSeconds(seconds);
    }

    /// <summary><paramref name="span"/> as seconds for a message: <c>0.5 s</c>, <c>10 s</c>.</summary>
    public static string Format(TimeSpan span) => string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.###} s");
}
