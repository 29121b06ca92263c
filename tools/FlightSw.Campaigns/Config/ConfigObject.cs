using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FlightSw.Campaigns.Config;

/// <summary>A JSON object of a campaign file being read: typed getters that refuse with file, field and reason, and a check that no unknown field was given.</summary>
internal sealed class ConfigObject
{
    private readonly JsonObject _json;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public ConfigObject(JsonObject json, string source, string path)
    {
        _json = json;
        Source = source;
        Path = path;
    }

    public string Source { get; }

    public string Path { get; }

    public bool Has(string name) => _json.ContainsKey(name);

    public CampaignConfigException Refuse(string name, string reason) => new(Source, FieldPath(name), reason);

    public string FieldPath(string name) => Path.Length == 0 ? name : $"{Path}.{name}";

    public ConfigObject? Object(string name)
    {
        var node = Take(name);
        return node switch
        {
            null => null,
            JsonObject obj => new ConfigObject(obj, Source, FieldPath(name)),
            _ => throw Refuse(name, $"must be an object, not {Describe(node)}"),
        };
    }

    public string? String(string name)
    {
        var node = Take(name);
        if (node is null)
        {
            return null;
        }

        return node is JsonValue value && value.TryGetValue(out string? text) ? text : throw Refuse(name, $"must be a string, not {Describe(node)}");
    }

    public long? Integer(string name, long min, long max)
    {
        var node = Take(name);
        if (node is null)
        {
            return null;
        }

        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.Number || !long.TryParse(value.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long number))
        {
            throw Refuse(name, $"must be a whole number from {min} to {max}, not {Describe(node)}");
        }

        return number >= min && number <= max ? number : throw Refuse(name, $"{number} is outside {min} to {max}");
    }

    public double? Number(string name, double min, double max, bool exclusive = false)
    {
        var node = Take(name);
        if (node is null)
        {
            return null;
        }

        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.Number)
        {
            throw Refuse(name, $"must be a number, not {Describe(node)}");
        }

        double number = value.GetValue<double>();
        bool inside = exclusive ? number > min && number < max : number >= min && number <= max;
        return inside ? number : throw Refuse(name, $"{number.ToString(CultureInfo.InvariantCulture)} is outside {(exclusive ? "(" : "[")}{min.ToString(CultureInfo.InvariantCulture)}, {max.ToString(CultureInfo.InvariantCulture)}{(exclusive ? ")" : "]")}");
    }

    /// <summary>A list of strings; a single string is a list of one.</summary>
    public IReadOnlyList<string>? Strings(string name)
    {
        var node = Take(name);
        return node switch
        {
            null => null,
            JsonValue value when value.TryGetValue(out string? one) => [one],
            JsonArray array when array.Count > 0 => [.. array.Select((item, i) => item is JsonValue v && v.TryGetValue(out string? s) ? s : throw Refuse($"{name}[{i}]", $"must be a string, not {Describe(item)}"))],
            JsonArray => throw Refuse(name, "must list at least one value"),
            _ => throw Refuse(name, $"must be a string or a list of strings, not {Describe(node)}"),
        };
    }

    public JsonNode? Raw(string name) => Take(name);

    /// <summary>Whole numbers from <paramref name="min"/> to <paramref name="max"/>: the list <paramref name="node"/> (field <paramref name="name"/>), or the single number it is; each refusal names the item.</summary>
    public List<int> Integers(string name, JsonNode node, int min, int max, string what)
    {
        var items = node is JsonArray array ? array : new JsonArray(node.DeepClone());
        if (items.Count == 0)
        {
            throw Refuse(name, "must list at least one value");
        }

        var list = new List<int>();
        for (int i = 0; i < items.Count; i++)
        {
            if (items[i] is not JsonValue value || value.GetValueKind() != JsonValueKind.Number || !value.TryGetValue(out int number) || number < min || number > max)
            {
                throw Refuse($"{name}[{i}]", $"must be {what} from {min} to {max}, not {Describe(items[i])}");
            }

            list.Add(number);
        }

        return list;
    }

    /// <summary>Refuses the first field that was never read.</summary>
    public void RefuseUnknown(params string[] known)
    {
        foreach (var (key, _) in _json)
        {
            if (!_read.Contains(key))
            {
                throw Refuse(key, $"is not a field here; known: {string.Join(", ", known)}");
            }
        }
    }

    public static string Describe(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "an object",
        JsonArray => "a list",
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => $"\"{value.GetValue<string>()}\"",
            JsonValueKind.Number => value.ToJsonString(),
            JsonValueKind.True or JsonValueKind.False => value.ToJsonString(),
            _ => "a value",
        },
        _ => "a value",
    };

    private JsonNode? Take(string name)
    {
        _read.Add(name);
        if (!_json.TryGetPropertyValue(name, out var node))
        {
            return null;
        }

        return node ?? throw Refuse(name, "must not be null (leave it out for the default)");
    }
}
