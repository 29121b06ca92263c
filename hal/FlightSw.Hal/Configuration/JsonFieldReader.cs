using System.Globalization;
using System.Text.Json;

namespace FlightSw.Hal.Configuration;

/// <summary>
/// Reads typed fields out of the <see cref="JsonElement"/> tree of one configuration file (a board
/// file, a scenario file) and collects every problem as a <see cref="JsonFieldProblem"/> instead of
/// stopping at the first; each loader turns <see cref="Problems"/> into its own error type. A getter
/// returns null when the field is absent or unusable (having reported why in the second case);
/// absence of a required field is reported once, by <see cref="CheckObject"/>.
/// </summary>
public sealed class JsonFieldReader
{
    /// <summary>Field name used for problems of the document as a whole.</summary>
    public const string DocumentField = "(document)";

    private readonly List<JsonFieldProblem> _problems = [];

    /// <summary>Creates a reader whose problems name <paramref name="file"/>.</summary>
    public JsonFieldReader(string file)
    {
        ArgumentNullException.ThrowIfNull(file);
        File = file;
    }

    /// <summary>The file every problem names.</summary>
    public string File { get; }

    /// <summary>Problems found so far, in the order they were found.</summary>
    public IReadOnlyList<JsonFieldProblem> Problems => _problems;

    /// <summary>Records a problem with the field at <paramref name="field"/> (empty for the whole document).</summary>
    public void Report(string field, string reason) =>
        _problems.Add(new JsonFieldProblem(File, field.Length == 0 ? DocumentField : field, reason));

    /// <summary>The JSON path of <paramref name="name"/> inside the object at <paramref name="parent"/>.</summary>
    public static string Join(string parent, string name) => parent.Length == 0 ? name : parent + "." + name;

    /// <summary>The JSON path of element <paramref name="index"/> of the array at <paramref name="parent"/>.</summary>
    public static string Index(string parent, int index) => string.Create(CultureInfo.InvariantCulture, $"{parent}[{index}]");

    /// <summary>The field's value when present, whatever its kind.</summary>
    public static bool TryGet(JsonElement parent, string name, out JsonElement value)
    {
        value = default;
        return parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out value);
    }

    /// <summary>
    /// Checks that <paramref name="element"/> is an object with no unknown or repeated fields and all
    /// of <paramref name="required"/>. False when it is not an object at all.
    /// </summary>
    /// <param name="element">The value to check.</param>
    /// <param name="path">Its JSON path; empty for the document root.</param>
    /// <param name="allowed">The fields it may have.</param>
    /// <param name="required">The fields it must have.</param>
    /// <param name="explainUnknown">
    /// Gives a better reason for an unknown field, or null to use the usual one
    /// (<see cref="UnknownFieldReason"/>); null (the default) always uses the usual one.
    /// </param>
    public bool CheckObject(
        JsonElement element,
        string path,
        IReadOnlyList<string> allowed,
        IReadOnlyList<string> required,
        Func<string, string?>? explainUnknown = null)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            Report(path, $"must be an object; found {Describe(element)}");
            return false;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            var field = Join(path, property.Name);
            if (!seen.Add(property.Name))
            {
                Report(field, "appears more than once");
            }
            else if (!allowed.Contains(property.Name, StringComparer.Ordinal))
            {
                Report(field, explainUnknown?.Invoke(property.Name) ?? UnknownFieldReason(property.Name, allowed));
            }
        }

        foreach (var name in required)
        {
            if (!element.TryGetProperty(name, out _))
            {
                Report(Join(path, name), "required field is missing");
            }
        }

        return true;
    }

    /// <summary>
    /// A nested object <paramref name="name"/>, checked by <see cref="CheckObject"/> against
    /// <paramref name="allowed"/> and <paramref name="required"/>; null when absent or not an object.
    /// </summary>
    public JsonElement? Object(
        JsonElement parent, string parentPath, string name, IReadOnlyList<string> allowed, IReadOnlyList<string> required)
    {
        if (!TryGet(parent, name, out var value))
        {
            return null;
        }

        return CheckObject(value, Join(parentPath, name), allowed, required) ? value : null;
    }

    /// <summary>A string field (empty allowed).</summary>
    public string? String(JsonElement parent, string parentPath, string name)
    {
        if (!TryGet(parent, name, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            Report(Join(parentPath, name), $"must be a string; found {Describe(value)}");
            return null;
        }

        return value.GetString();
    }

    /// <summary>A string field that is not empty or only white space.</summary>
    public string? NonBlankString(JsonElement parent, string parentPath, string name)
    {
        var text = String(parent, parentPath, name);
        if (text is not null && string.IsNullOrWhiteSpace(text))
        {
            Report(Join(parentPath, name), "must not be empty");
            return null;
        }

        return text;
    }

    /// <summary>A whole-number field from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public int? Int(JsonElement parent, string parentPath, string name, int min, int max)
    {
        if (!TryGet(parent, name, out var value))
        {
            return null;
        }

        return IntValue(value, Join(parentPath, name), min, max);
    }

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>, reported at <paramref name="path"/>.</summary>
    public int? IntValue(JsonElement value, string path, int min, int max)
    {
        if (value.ValueKind != JsonValueKind.Number)
        {
            Report(path, $"must be a whole number; found {Describe(value)}");
            return null;
        }

        if (!value.TryGetInt32(out var number) || number < min || number > max)
        {
            Report(path, $"must be a whole number from {min} to {max}; found {value.GetRawText()}");
            return null;
        }

        return number;
    }

    /// <summary>A number field within <paramref name="range"/> (<see cref="NumberRange.Any"/> for any finite number).</summary>
    public double? Number(JsonElement parent, string parentPath, string name, NumberRange range)
    {
        if (!TryGet(parent, name, out var value))
        {
            return null;
        }

        return NumberValue(value, Join(parentPath, name), range);
    }

    /// <summary>A number within <paramref name="range"/>, reported at <paramref name="path"/>.</summary>
    public double? NumberValue(JsonElement value, string path, NumberRange range)
    {
        ArgumentNullException.ThrowIfNull(range);
        if (value.ValueKind != JsonValueKind.Number)
        {
            Report(path, $"must be a number; found {Describe(value)}");
            return null;
        }

        if (!value.TryGetDouble(out var number) || !double.IsFinite(number))
        {
            Report(path, $"must be a finite number; found {value.GetRawText()}");
            return null;
        }

        if (!range.Contains(number))
        {
            Report(path, $"{range.Rule}; found {value.GetRawText()}");
            return null;
        }

        return number;
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

    /// <summary>
    /// The usual reason for an unknown field: the allowed ones, and the closest when it looks like a
    /// typo (at most two edits away) or a shortening (the start of an allowed name, three letters or more).
    /// </summary>
    public static string UnknownFieldReason(string name, IReadOnlyList<string> allowed)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(allowed);
        var closest = allowed
            .Select(k => (Name: k, Distance: k.StartsWith(name, StringComparison.OrdinalIgnoreCase) && name.Length >= 3
                ? 0
                : EditDistance(name.ToLowerInvariant(), k.ToLowerInvariant())))
            .Where(k => k.Distance <= 2)
            .OrderBy(k => k.Distance)
            .Select(k => k.Name)
            .FirstOrDefault();
        var hint = closest is null ? string.Empty : $"; did you mean '{closest}'?";
        return $"unknown field (allowed here: {string.Join(", ", allowed)}){hint}";
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
