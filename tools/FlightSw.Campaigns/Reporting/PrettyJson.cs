using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace FlightSw.Campaigns.Reporting;

/// <summary>JSON indented for reading; text that is not JSON is returned as it is.</summary>
internal static class PrettyJson
{
    public static string Of(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            using var stream = new MemoryStream();
            // Relaxed escaping keeps the text as written; the page escapes it for HTML itself.
            var options = new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
            using (var writer = new Utf8JsonWriter(stream, options))
            {
                document.WriteTo(writer);
            }

            return Encoding.UTF8.GetString(stream.ToArray());
        }
        catch (JsonException)
        {
            return json;
        }
    }
}
