using System.Globalization;

namespace FlightSw.Core.Parameters;

/// <summary>A parameter of type <typeparamref name="T"/> with a default and inclusive bounds.</summary>
/// <typeparam name="T">The value type (int, double, bool ...).</typeparam>
public sealed class Parameter<T> : Parameter
    where T : struct, IComparable<T>, IParsable<T>
{
    /// <summary>Declares a parameter. Throws <see cref="ArgumentException"/> when the default is outside the bounds.</summary>
    public Parameter(ushort id, string name, T defaultValue, T min, T max, string unit, string description)
        : base(id, name, unit, description)
    {
        if (min.CompareTo(max) > 0 || defaultValue.CompareTo(min) < 0 || defaultValue.CompareTo(max) > 0)
        {
            throw new ArgumentException($"Parameter {name}: default {Text(defaultValue)} must lie in [{Text(min)}, {Text(max)}].");
        }

        Default = defaultValue;
        Min = min;
        Max = max;
        Value = defaultValue;
    }

    /// <summary>The current value.</summary>
    public T Value { get; private set; }

    /// <summary>The value used until one is set, and after a reset to default.</summary>
    public T Default { get; }

    /// <summary>Smallest value accepted.</summary>
    public T Min { get; }

    /// <summary>Largest value accepted.</summary>
    public T Max { get; }

    /// <inheritdoc />
    public override string ValueText => Text(Value);

    /// <inheritdoc />
    public override string DefaultText => Text(Default);

    /// <inheritdoc />
    public override string RangeText => $"[{Text(Min)}, {Text(Max)}]";

    /// <inheritdoc />
    public override bool IsDefault => Value.CompareTo(Default) == 0;

    /// <summary>Sets a value; false with a reason when it is out of range (NaN is out of every range).</summary>
    public bool TrySet(T value, out string error)
    {
        if (value.CompareTo(Min) < 0 || value.CompareTo(Max) > 0 || value is double.NaN or float.NaN)
        {
            error = $"{Name} must lie in {RangeText} (was {Text(value)})";
            return false;
        }

        Value = value;
        error = "";
        return true;
    }

    /// <inheritdoc />
    public override bool TrySetText(string text, out string error)
    {
        // A group separator is refused, so that "8,5" meant as 8.5 is not read as 85.
        if (text is null
            || text.Contains(NumberFormatInfo.InvariantInfo.NumberGroupSeparator, StringComparison.Ordinal)
            || !T.TryParse(text, CultureInfo.InvariantCulture, out var value))
        {
            error = $"{Name} takes a {typeof(T).Name} value (was '{text}')";
            return false;
        }

        return TrySet(value, out error);
    }

    /// <inheritdoc />
    public override void ResetToDefault() => Value = Default;

    private static string Text(T value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
}
