using System.Text.Encodings.Web;
using System.Text.Json;

namespace FlightSw.Campaigns.Running;

/// <summary>How campaign files write JSON: readable (abft+tmr, not abft\u002Btmr), compact.</summary>
internal static class JsonOptions
{
    /// <summary>Results and canonical configurations are read by tools, never embedded in HTML unescaped.</summary>
    public static JsonWriterOptions Writer { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
