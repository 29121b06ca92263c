using System.Globalization;
using System.Text.Json;

namespace FlightSw.Hal.Boards;

/// <summary>
/// Reads typed fields out of a <see cref="JsonElement"/> tree and collects every problem as a
/// <see cref="BoardDefinitionError"/> instead of stopping at the first. A getter returns null when
/// the field is absent or unusable; absence of a required field is reported once, by
/// <see cref="CheckObject"/>.
/// </summary>
internal sealed class JsonFieldReader
{
    /// <summary>Field name used for problems of the document as a whole.</summary>
    internal const string DocumentField = "(document)";

    private readonly List<BoardDefinitionError> _errors = [];

    /// <summary>Creates a reader whose errors name <paramref name="file"/>.</summary>
    public JsonFieldReader(string file)
    {
        File = file;
    }

    /// <summary>The file every error names.</summary>
    public string File { get; }

    /// <summary>Problems found so far, in the order they were found.</summary>
    public IReadOnlyList<BoardDefinitionError> Errors => _errors;

    /// <summary>Records a problem with <paramref name="field"/>.</summary>
    public void Report(string field, string reason) =>
        _errors.Add(new BoardDefinitionError(File, field.Length == 0 ? DocumentField : field, reason));

    /// <summary>The JSON path of <paramref name="name"/> inside the object at <paramref name="parent"/>.</summary>
    public static string Join(string parent, string name) => parent.Length == 0 ? name : parent + "." + name;

    /// <summary>
    /// Checks that <paramref name="element"/> is an object with no unknown or repeated fields and all
    /// of <paramref name="shape"/>'s required ones. False when it is not an object at all.
    /// </summary>
    public bool CheckObject(JsonElement element, BoardFileObject shape)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            Report(shape.Path, $"must be an object; found {Describe(element)}");
            return false;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            var path = Join(shape.Path, property.Name);
            if (!seen.Add(property.Name))
            {
                Report(path, "appears more than once");
            }
            else if (!shape.Properties.Contains(property.Name, StringComparer.Ordinal))
            {
                Report(path, UnknownFieldReason(property.Name, shape.Properties));
            }
        }

        foreach (var required in shape.Required)
        {
            if (!element.TryGetProperty(required, out _))
            {
                Report(Join(shape.Path, required), "required field is missing");
            }
        }

        return true;
    }

    /// <summary>The field's value when present, whatever its kind.</summary>
    public static bool TryGet(JsonElement parent, string name, out JsonElement value)
    {
        value = default;
        return parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out value);
    }

    /// <summary>A nested object, checked against <paramref name="shape"/>; null when absent or not an object.</summary>
    public JsonElement? Object(JsonElement parent, BoardFileObject shape)
    {
        var name = shape.Path[(shape.Path.LastIndexOf('.') + 1)..];
        if (!TryGet(parent, name, out var value))
        {
            return null;
        }

        return CheckObject(value, shape) ? value : null;
    }

    /// <summary>A non-blank string field.</summary>
    public string? String(JsonElement parent, string parentPath, string name)
    {
        if (!TryGet(parent, name, out var value))
        {
            return null;
        }

        var path = Join(parentPath, name);
        if (value.ValueKind != JsonValueKind.String)
        {
            Report(path, $"must be a string; found {Describe(value)}");
            return null;
        }

        var text = value.GetString()!;
        if (string.IsNullOrWhiteSpace(text))
        {
            Report(path, "must not be empty");
            return null;
        }

        return text;
    }

    /// <summary>A whole-number field within <paramref name="min"/> to <paramref name="max"/>.</summary>
    public int? Int(JsonElement parent, string parentPath, string name, int min, int max)
    {
        if (!TryGet(parent, name, out var value))
        {
            return null;
        }

        return IntValue(value, Join(parentPath, name), min, max);
    }

    /// <summary>A whole number within <paramref name="min"/> to <paramref name="max"/>, reported at <paramref name="path"/>.</summary>
    public int? IntValue(JsonElement value, string path, int min, int max)
    {
        if (value.ValueKind != JsonValueKind.Number)
        {
            Report(path, $"must be a whole number; found {Describe(value)}");
            return null;
        }

        if (!value.TryGetInt32(out var number))
        {
            Report(path, $"must be a whole number; found {value.GetRawText()}");
            return null;
        }

        if (number < min || number > max)
        {
            Report(path, $"must be from {min} to {max}; found {number}");
            return null;
        }

        return number;
    }

    /// <summary>A number field (whole or fractional).</summary>
    public double? Number(JsonElement parent, string parentPath, string name)
    {
        if (!TryGet(parent, name, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number)
        {
            Report(Join(parentPath, name), $"must be a number; found {Describe(value)}");
            return null;
        }

        return value.GetDouble();
    }

    /// <summary>
    /// A 7-bit I2C address, given as a number (64) or a hex string ("0x40"), within the range the
    /// I2C specification leaves to devices.
    /// </summary>
    public int? I2cAddress(JsonElement parent, string parentPath, string name)
    {
        if (!TryGet(parent, name, out var value))
        {
            return null;
        }

        var path = Join(parentPath, name);
        int address;
        switch (value.ValueKind)
        {
            case JsonValueKind.Number when value.TryGetInt32(out var number):
                address = number;
                break;
            case JsonValueKind.String when TryParseHex(value.GetString()!, out var parsed):
                address = parsed;
                break;
            default:
                Report(path, $"must be a whole number or a hex string such as \"0x40\"; found {value.GetRawText()}");
                return null;
        }

        if (address < BoardFileLayout.MinI2cAddress || address > BoardFileLayout.MaxI2cAddress)
        {
            Report(
                path,
                $"must be a 7-bit address from 0x{BoardFileLayout.MinI2cAddress:x2} to 0x{BoardFileLayout.MaxI2cAddress:x2} " +
                $"(0x00-0x07 and 0x78-0x7f are reserved by the I2C specification); found 0x{address:x2}");
            return null;
        }

        return address;
    }

    /// <summary>How a value appears in messages: its kind and, for short scalars, its text.</summary>
    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => $"the string {value.GetRawText()}",
        JsonValueKind.Number => $"the number {value.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => $"the boolean {value.GetRawText()}",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    private static bool TryParseHex(string text, out int value)
    {
        value = 0;
        if (text.Length is < 3 or > 4 || text[0] != '0' || (text[1] != 'x' && text[1] != 'X'))
        {
            return false;
        }

        return int.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
    }

    private static string UnknownFieldReason(string name, IReadOnlyList<string> known)
    {
        var closest = known
            .Select(k => (Name: k, Distance: EditDistance(name.ToLowerInvariant(), k.ToLowerInvariant())))
            .Where(k => k.Distance <= 2)
            .OrderBy(k => k.Distance)
            .Select(k => k.Name)
            .FirstOrDefault();
        var hint = closest is null ? string.Empty : $"; did you mean '{closest}'?";
        return $"unknown field (allowed here: {string.Join(", ", known)}){hint}";
    }

    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), substitution);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
