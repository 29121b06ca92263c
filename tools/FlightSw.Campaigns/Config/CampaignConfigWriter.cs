using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FlightSw.Campaigns.Faults;
using FlightSw.Campaigns.Running;

namespace FlightSw.Campaigns.Config;

/// <summary>Writes a campaign's canonical JSON: every field in a fixed order with defaults filled in, paths as the file wrote them (so shards on other machines still match).</summary>
internal static class CampaignConfigWriter
{
    public static string Write(CampaignConfig config, JsonObject original)
    {
        var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, JsonOptions.Writer))
        {
            json.WriteStartObject();
            json.WriteString("name", config.Name);
            json.WriteNumber("seed", config.Seed);
            json.WritePropertyName("workload");
            WriteWorkload(json, config.Workload, original["workload"] as JsonObject);
            json.WritePropertyName("faults");
            WriteFaults(json, config.Faults);
            json.WritePropertyName("size");
            json.WriteStartObject();
            if (config.Size.Trials is { } trials)
            {
                json.WriteNumber("trials", trials);
            }
            else
            {
                json.WriteNumber("margin", config.Size.Margin);
                json.WriteNumber("confidence", config.Size.Confidence);
                if (config.Size.Population is { } population)
                {
                    json.WriteNumber("population", population);
                }
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteWorkload(Utf8JsonWriter json, WorkloadConfig workload, JsonObject? original)
    {
        json.WriteStartObject();
        json.WriteString("kind", workload.Kind);
        switch (workload)
        {
            case InferenceWorkloadConfig inference:
                json.WriteString("model", AsWritten(original, "model") ?? inference.Model);
                if (inference.Model == InferenceWorkloadConfig.MobileNetStyleZoo)
                {
                    json.WriteStartObject("zoo");
                    json.WriteNumber("inputSize", inference.ZooInputSize);
                    json.WriteNumber("width", inference.ZooWidth);
                    json.WriteNumber("classes", inference.ZooClasses);
                    json.WriteNumber("seed", inference.ZooSeed);
                    json.WriteEndObject();
                }

                WriteStrings(json, "protection", inference.Protections.Select(CampaignConfigReader.ProtectionName));
                json.WriteStartObject("inputs");
                if (inference.InputCount is { } count)
                {
                    json.WriteNumber("count", count);
                }

                json.WriteNumber("seed", inference.InputSeed);
                if (inference.SamplesFile is not null)
                {
                    json.WriteString("samples", (original?["inputs"] as JsonObject)?["samples"]?.GetValue<string>() ?? inference.SamplesFile);
                }

                json.WriteEndObject();
                json.WriteString("compare", inference.Compare == OutputComparison.Top1 ? "top1" : "exact");
                break;
            case EccRegionWorkloadConfig ecc:
                json.WriteNumber("words", ecc.Words);
                json.WriteStartArray("interleave");
                foreach (int depth in ecc.InterleaveDepths)
                {
                    json.WriteNumberValue(depth);
                }

                json.WriteEndArray();
                json.WriteString("recovery", ecc.Recovery == EccRecoveryChoice.Golden ? "golden" : "escalate");
                json.WriteString("importance", ecc.Importance.ToString().ToLowerInvariant());
                json.WriteNumber("dataSeed", ecc.DataSeed);
                break;
            case NodeWorkloadConfig node:
                json.WriteString("board", AsWritten(original, "board") ?? node.Board);
                json.WriteNumber("nodeSeed", node.NodeSeed);
                json.WriteNumber("durationSeconds", node.DurationSeconds);
                json.WriteNumber("inferencePeriodSeconds", node.InferencePeriodSeconds);
                WriteStrings(json, "protection", node.Protections.Select(CampaignConfigReader.ProtectionName));
                WriteStrings(json, "components", node.Components);
                break;
        }

        json.WriteEndObject();
    }

    private static void WriteFaults(Utf8JsonWriter json, FaultModelConfig faults)
    {
        json.WriteStartObject();
        WriteStrings(json, "sites", faults.Sites.Select(CampaignConfigReader.SiteName));
        json.WriteString("kind", CampaignConfigReader.KindName(faults.Kind));
        if (faults.Kind == FaultKind.AdjacentBits)
        {
            json.WriteNumber("width", faults.Width);
        }

        if (faults.Kind == FaultKind.StuckAt)
        {
            json.WriteNumber("stuckValue", faults.StuckValue);
        }

        if (faults.Bits.Kind == BitSelectionKind.List)
        {
            json.WriteStartArray("bits");
            foreach (int bit in faults.Bits.Listed)
            {
                json.WriteNumberValue(bit);
            }

            json.WriteEndArray();
        }
        else
        {
            json.WriteString("bits", faults.Bits.Name);
        }

        json.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (string value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    private static string? AsWritten(JsonObject? original, string name) =>
        original?[name] is JsonValue value && value.TryGetValue(out string? text) ? text : null;
}
