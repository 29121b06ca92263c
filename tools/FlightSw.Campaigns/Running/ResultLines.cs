using System.Globalization;
using System.Text;
using System.Text.Json;
using FlightSw.Campaigns.Config;
using FlightSw.Campaigns.Faults;
using FlightSw.Campaigns.Trials;

namespace FlightSw.Campaigns.Running;

/// <summary>
/// The JSON Lines of a results file: the header, then one line per trial, each property in a
/// fixed order, so the same trial always writes the same bytes.
/// </summary>
internal static class ResultLines
{
    /// <summary>The results format's version, first property of the header.</summary>
    public const int FormatVersion = 1;

    public static string Header(CampaignHeader header)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, JsonOptions.Writer))
        {
            json.WriteStartObject();
            json.WriteNumber("flightswCampaign", FormatVersion);
            json.WriteString("name", header.Name);
            json.WriteString("software", header.Software);
            json.WriteString("workload", header.Workload);
            json.WriteString("configSha256", header.ConfigSha256);
            json.WritePropertyName("config");
            using (var config = JsonDocument.Parse(header.ConfigJson))
            {
                config.RootElement.WriteTo(json);
            }

            json.WriteStartArray("variants");
            foreach (string variant in header.Variants)
            {
                json.WriteStringValue(variant);
            }

            json.WriteEndArray();
            json.WriteNumber("trialsPerVariant", header.TrialsPerVariant);
            json.WriteString("shard", header.Shard.ToString());
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static string Trial(TrialResult trial)
    {
        var fault = trial.Fault;
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, JsonOptions.Writer))
        {
            json.WriteStartObject();
            json.WriteNumber("trial", trial.Trial);
            json.WriteString("variant", trial.Variant);
            json.WriteNumber("variantTrial", trial.VariantTrial);
            json.WriteNumber("input", trial.Input);
            json.WriteString("site", CampaignConfigReader.SiteName(fault.Site));
            json.WriteString("target", fault.Target);
            json.WriteNumber("replica", fault.Replica);
            json.WriteNumber("element", fault.Element);
            json.WriteNumber("bit", fault.Bit);
            json.WriteNumber("width", fault.Width);
            json.WriteString("kind", CampaignConfigReader.KindName(fault.Kind));
            json.WriteNumber("value", fault.Value);

            // Round-trip format: a double read back is the same double, so merged files match byte for byte.
            json.WritePropertyName("at");
            json.WriteRawValue(fault.At.ToString("R", CultureInfo.InvariantCulture));
            json.WriteString("bitClass", fault.BitClass);
            json.WriteString("outcome", TrialOutcomes.Name(trial.Outcome));
            json.WriteString("detail", trial.Detail);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static CampaignHeader ParseHeader(string line, string path)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (!root.TryGetProperty("flightswCampaign", out var version))
            {
                throw new ResultsFormatException(path, 1, "is not a FlightSw campaign results file (no \"flightswCampaign\" header)");
            }

            if (version.GetInt32() != FormatVersion)
            {
                throw new ResultsFormatException(path, 1, $"is results format {version.GetInt32()}; this flightsw reads format {FormatVersion}");
            }

            string config = root.GetProperty("config").GetRawText();
            string sha = root.GetProperty("configSha256").GetString()!;
            if (CampaignHeaders.ConfigSha256(config) != sha)
            {
                throw new ResultsFormatException(path, 1, "the header's configuration does not match its configSha256: the file was edited");
            }

            return new CampaignHeader(
                root.GetProperty("name").GetString()!,
                config,
                root.GetProperty("configSha256").GetString()!,
                root.GetProperty("software").GetString()!,
                root.GetProperty("workload").GetString()!,
                [.. root.GetProperty("variants").EnumerateArray().Select(v => v.GetString()!)],
                root.GetProperty("trialsPerVariant").GetInt32(),
                ShardSpec.Parse(root.GetProperty("shard").GetString()!));
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new ResultsFormatException(path, 1, $"bad header: {exception.Message}");
        }
    }

    public static TrialResult ParseTrial(string line, string path, int lineNumber)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            string outcomeName = root.GetProperty("outcome").GetString()!;
            if (!TrialOutcomes.TryParse(outcomeName, out var outcome))
            {
                throw new FormatException($"unknown outcome '{outcomeName}'");
            }

            var fault = new PlannedFault(
                Site(root.GetProperty("site").GetString()!),
                root.GetProperty("target").GetString()!,
                root.GetProperty("replica").GetInt32(),
                root.GetProperty("element").GetInt64(),
                root.GetProperty("bit").GetInt32(),
                root.GetProperty("width").GetInt32(),
                Kind(root.GetProperty("kind").GetString()!),
                root.GetProperty("value").GetUInt64(),
                root.GetProperty("at").GetDouble());
            return new TrialResult(
                root.GetProperty("trial").GetInt64(),
                root.GetProperty("variant").GetString()!,
                root.GetProperty("variantTrial").GetInt64(),
                root.GetProperty("input").GetInt32(),
                fault,
                outcome,
                root.GetProperty("detail").GetString()!);
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new ResultsFormatException(path, lineNumber, $"bad trial line: {exception.Message}");
        }
    }

    private static FaultSiteKind Site(string name) =>
        CampaignConfigReader.TryParseSite(name, out var site) ? site : throw new FormatException($"unknown site '{name}'");

    private static FaultKind Kind(string name) =>
        CampaignConfigReader.TryParseKind(name, out var kind) ? kind : throw new FormatException($"unknown fault kind '{name}'");
}
