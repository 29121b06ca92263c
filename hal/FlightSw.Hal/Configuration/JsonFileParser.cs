using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;

namespace FlightSw.Hal.Configuration;

/// <summary>
/// Parses the text of a JSON configuration file, allowing comments and trailing commas, and turns a
/// syntax error into a <see cref="JsonFieldProblem"/> that names the line and byte (counted from one).
/// </summary>
public static class JsonFileParser
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Parses <paramref name="json"/>, the text of <paramref name="file"/>.</summary>
    /// <param name="json">The file's text.</param>
    /// <param name="file">The file as the problem names it.</param>
    /// <param name="document">The parsed document, which the caller disposes; null when the text is not valid JSON.</param>
    /// <param name="syntaxError">What is wrong with the text; null when it is valid JSON.</param>
    /// <returns>Whether the text is valid JSON.</returns>
    public static bool TryParse(
        string json,
        string file,
        [NotNullWhen(true)] out JsonDocument? document,
        [NotNullWhen(false)] out JsonFieldProblem? syntaxError)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(file);
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
            syntaxError = null;
            return true;
        }
        catch (JsonException ex)
        {
            document = null;
            syntaxError = SyntaxError(file, ex);
            return false;
        }
    }

    private static JsonFieldProblem SyntaxError(string file, JsonException ex)
    {
        // JsonException counts lines and bytes from zero; people count from one.
        var line = (ex.LineNumber ?? 0) + 1;
        var position = (ex.BytePositionInLine ?? 0) + 1;
        var field = ex.Path is null or "$" ? string.Empty : ex.Path.TrimStart('$').TrimStart('.');
        var reason = ex.Message;
        var cut = reason.IndexOf(" Path: ", StringComparison.Ordinal);
        if (cut < 0)
        {
            cut = reason.IndexOf(" LineNumber: ", StringComparison.Ordinal);
        }

        if (cut >= 0)
        {
            reason = reason[..cut];
        }

        return new JsonFieldProblem(
            file,
            field.Length == 0 ? JsonFieldReader.DocumentField : field,
            string.Create(CultureInfo.InvariantCulture, $"invalid JSON at line {line}, byte {position}: {reason}"));
    }
}
