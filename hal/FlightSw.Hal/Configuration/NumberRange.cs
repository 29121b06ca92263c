using System.Globalization;

namespace FlightSw.Hal.Configuration;

/// <summary>The values a number field of a configuration file accepts, and how an error says so.</summary>
/// <param name="Min">Lowest value.</param>
/// <param name="MinIncluded">Whether <paramref name="Min"/> itself is accepted.</param>
/// <param name="Max">Highest value.</param>
/// <param name="MaxIncluded">Whether <paramref name="Max"/> itself is accepted.</param>
public sealed record NumberRange(double Min, bool MinIncluded, double Max, bool MaxIncluded)
{
    /// <summary>Any finite number.</summary>
    public static readonly NumberRange Any = new(double.MinValue, true, double.MaxValue, true);

    /// <summary>Above zero.</summary>
    public static readonly NumberRange Positive = new(0, false, double.MaxValue, true);

    /// <summary>Zero or more.</summary>
    public static readonly NumberRange NonNegative = new(0, true, double.MaxValue, true);

    /// <summary>A share, 0 to 1.</summary>
    public static readonly NumberRange Fraction = new(0, true, 1, true);

    /// <summary>An efficiency: above 0, at most 1.</summary>
    public static readonly NumberRange Efficiency = new(0, false, 1, true);

    /// <summary>A rate factor: 1 or more.</summary>
    public static readonly NumberRange Multiplier = new(1, true, double.MaxValue, true);

    /// <summary>A temperature in degrees Celsius: above absolute zero.</summary>
    public static readonly NumberRange Celsius = new(-273.15, false, double.MaxValue, true);

    /// <summary>A range from <paramref name="min"/> to <paramref name="max"/>, both included.</summary>
    public static NumberRange Between(double min, double max) => new(min, true, max, true);

    /// <summary>Whether <paramref name="value"/> is accepted.</summary>
    public bool Contains(double value) =>
        (MinIncluded ? value >= Min : value > Min) && (MaxIncluded ? value <= Max : value < Max);

    /// <summary>The rule as words, such as "must be above 0 and at most 1".</summary>
    public string Rule
    {
        get
        {
            var lowOpen = Min == double.MinValue;
            var highOpen = Max == double.MaxValue;
            if (lowOpen && highOpen)
            {
                return "must be a finite number";
            }

            if (highOpen)
            {
                return MinIncluded ? $"must be {Format(Min)} or more" : $"must be above {Format(Min)}";
            }

            if (lowOpen)
            {
                return MaxIncluded ? $"must be {Format(Max)} or less" : $"must be below {Format(Max)}";
            }

            if (MinIncluded && MaxIncluded)
            {
                return $"must be from {Format(Min)} to {Format(Max)}";
            }

            var low = MinIncluded ? $"at least {Format(Min)}" : $"above {Format(Min)}";
            var high = MaxIncluded ? $"at most {Format(Max)}" : $"below {Format(Max)}";
            return $"must be {low} and {high}";
        }
    }

    private static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
