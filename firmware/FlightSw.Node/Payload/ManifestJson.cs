using System.Text.Json;

namespace FlightSw.Node.Payload;

/// <summary>
/// What the images folder's manifests share: reading the file as JSON, required strings, and the
/// error that names file, field and reason (<c>FILE: FIELD: REASON</c>).
/// </summary>
internal static class ManifestJson
{
    /// <summary>The manifest at <paramref name="path"/> parsed; the caller disposes it.</summary>
    /// <exception cref="InvalidDataException">The file cannot be read or is not valid JSON.</exception>
    public static JsonDocument Parse(string path)
    {
        try
        {
            return JsonDocument.Parse(File.ReadAllText(path));
        }
        catch (JsonException exception)
        {
            throw Malformed(path, "$", $"not valid JSON ({exception.Message})");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw Malformed(path, "$", $"cannot be read ({exception.Message})");
        }
    }

    /// <summary>The non-empty string <paramref name="name"/> of <paramref name="element"/>, found at JSON path <paramref name="at"/>.</summary>
    /// <exception cref="InvalidDataException">It is missing, not a string, or blank.</exception>
    public static string RequiredString(string path, JsonElement element, string at, string name)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            throw Malformed(path, $"{at}.{name}", "missing, or not a non-empty string");
        }

        return value.GetString()!;
    }

    /// <summary>The error for a manifest that cannot be flown: <c>FILE: FIELD: REASON</c>.</summary>
    public static InvalidDataException Malformed(string path, string field, string reason, Exception? inner = null) =>
        new($"{path}: {field}: {reason}", inner);
}
