using System.Globalization;

namespace FlightSw.Core.Commands;

/// <summary>One argument of a command: name, type and the bounds a value must respect.</summary>
public sealed record CommandArgumentDefinition
{
    /// <summary>Default longest string argument: 64 characters.</summary>
    public const int DefaultMaxLength = 64;

    private CommandArgumentDefinition(string name, CommandArgumentType type, string description)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        Type = type;
        Description = description;
    }

    /// <summary>Argument name, for example <c>component</c>.</summary>
    public string Name { get; }

    /// <summary>Argument type.</summary>
    public CommandArgumentType Type { get; }

    /// <summary>What the argument means.</summary>
    public string Description { get; }

    /// <summary>Smallest numeric value accepted; null for no bound.</summary>
    public double? Min { get; private init; }

    /// <summary>Largest numeric value accepted; null for no bound.</summary>
    public double? Max { get; private init; }

    /// <summary>Longest string accepted.</summary>
    public int MaxLength { get; private init; } = DefaultMaxLength;

    /// <summary>The names an enumeration argument accepts.</summary>
    public IReadOnlyList<string> EnumNames { get; private init; } = [];

    /// <summary>A signed 32-bit argument within [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static CommandArgumentDefinition Int32(string name, string description, int min = int.MinValue, int max = int.MaxValue) =>
        new(name, CommandArgumentType.Int32, description) { Min = min, Max = max };

    /// <summary>An unsigned 32-bit argument within [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static CommandArgumentDefinition UInt32(string name, string description, uint min = 0, uint max = uint.MaxValue) =>
        new(name, CommandArgumentType.UInt32, description) { Min = min, Max = max };

    /// <summary>A double argument within [<paramref name="min"/>, <paramref name="max"/>]; NaN and infinities are refused.</summary>
    public static CommandArgumentDefinition Float64(string name, string description, double min = double.MinValue, double max = double.MaxValue) =>
        new(name, CommandArgumentType.Float64, description) { Min = min, Max = max };

    /// <summary>A boolean argument (true/false, 1/0).</summary>
    public static CommandArgumentDefinition Boolean(string name, string description) =>
        new(name, CommandArgumentType.Boolean, description);

    /// <summary>A text argument of at most <paramref name="maxLength"/> printable ASCII characters.</summary>
    public static CommandArgumentDefinition String(string name, string description, int maxLength = DefaultMaxLength) =>
        new(name, CommandArgumentType.String, description) { MaxLength = maxLength };

    /// <summary>An argument that names one value of <typeparamref name="TEnum"/>, case-insensitively.</summary>
    public static CommandArgumentDefinition Enumeration<TEnum>(string name, string description, params TEnum[] allowed)
        where TEnum : struct, Enum =>
        new(name, CommandArgumentType.Enumeration, description)
        {
            EnumNames = (allowed.Length == 0 ? Enum.GetValues<TEnum>() : allowed).Select(v => v.ToString()).ToArray(),
        };

    /// <summary>
    /// Parses <paramref name="text"/> (invariant culture) and checks it against the bounds.
    /// Returns false with a reason a ground operator can act on.
    /// </summary>
    public bool TryParse(string text, out object? value, out string error)
    {
        value = null;
        error = "";
        if (text is null)
        {
            error = $"argument '{Name}' is missing";
            return false;
        }

        switch (Type)
        {
            case CommandArgumentType.Boolean:
                if (text is "1" || text.Equals("true", StringComparison.OrdinalIgnoreCase))
                {
                    value = true;
                    return true;
                }

                if (text is "0" || text.Equals("false", StringComparison.OrdinalIgnoreCase))
                {
                    value = false;
                    return true;
                }

                error = $"argument '{Name}' must be true or false (was '{Clip(text)}')";
                return false;
            case CommandArgumentType.Int32:
                return TryNumber(text, long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long i32) ? i32 : null, v => (int)v, out value, out error);
            case CommandArgumentType.UInt32:
                return TryNumber(text, long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long u32) ? u32 : null, v => (uint)v, out value, out error);
            case CommandArgumentType.Int64:
                if (!long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long i64))
                {
                    error = $"argument '{Name}' must be a whole number (was '{Clip(text)}')";
                    return false;
                }

                value = i64;
                return CheckBounds(i64, out error);
            case CommandArgumentType.Float64:
                if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double f64) || !double.IsFinite(f64))
                {
                    error = $"argument '{Name}' must be a finite number (was '{Clip(text)}')";
                    return false;
                }

                value = f64;
                return CheckBounds(f64, out error);
            case CommandArgumentType.String:
                if (text.Length > MaxLength)
                {
                    error = $"argument '{Name}' is {text.Length} characters long; at most {MaxLength} are allowed";
                    return false;
                }

                if (text.Any(c => c < ' ' || c > '~'))
                {
                    error = $"argument '{Name}' must be printable ASCII";
                    return false;
                }

                value = text;
                return true;
            case CommandArgumentType.Enumeration:
                var match = EnumNames.FirstOrDefault(n => n.Equals(text, StringComparison.OrdinalIgnoreCase));
                if (match is null)
                {
                    error = $"argument '{Name}' must be one of {string.Join(", ", EnumNames)} (was '{Clip(text)}')";
                    return false;
                }

                value = match;
                return true;
            default:
                error = $"argument '{Name}' has an unsupported type {Type}";
                return false;
        }
    }

    private bool TryNumber(string text, long? parsed, Func<long, object> convert, out object? value, out string error)
    {
        value = null;
        if (parsed is not long number)
        {
            error = $"argument '{Name}' must be a whole number (was '{Clip(text)}')";
            return false;
        }

        if (!CheckBounds(number, out error))
        {
            return false;
        }

        value = convert(number);
        return true;
    }

    private bool CheckBounds(double number, out string error)
    {
        error = "";
        if ((Min is double min && number < min) || (Max is double max && number > max))
        {
            error = string.Create(CultureInfo.InvariantCulture, $"argument '{Name}' must be between {Min} and {Max} (was {number})");
            return false;
        }

        return true;
    }

    private static string Clip(string text) => text.Length <= 32 ? text : text[..32] + "...";
}
