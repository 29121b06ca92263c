using System.Globalization;
using System.Text.Json.Nodes;
using FlightSw.Campaigns.Config;

namespace FlightSw.Cli.Campaign;

/// <summary>
/// The campaign <c>flightsw campaign run</c> runs: the campaign file, with the command line's
/// options written over its fields, read by the one reader, so a bad value is refused the same
/// way from either (naming the field; the source says whether options were involved).
/// </summary>
internal static class CampaignSetup
{
    public static CampaignConfig Compose(string? file, CampaignOverrides overrides)
    {
        JsonObject json;
        string source;
        string baseDirectory;
        if (file is null)
        {
            json = new JsonObject { ["workload"] = new JsonObject { ["kind"] = "inference" } };
            source = "command line";
            baseDirectory = Directory.GetCurrentDirectory();
        }
        else
        {
            json = CampaignConfigReader.ReadObject(file);
            source = Given(overrides) ? $"{file} (with command-line options)" : file;
            baseDirectory = Path.GetDirectoryName(Path.GetFullPath(file)) ?? ".";
        }

        Apply(json, overrides);
        return CampaignConfigReader.Parse(json, source, baseDirectory);
    }

    private static void Apply(JsonObject json, CampaignOverrides o)
    {
        if (o.Name is not null)
        {
            json["name"] = o.Name;
        }

        if (o.Seed is { } seed)
        {
            json["seed"] = seed;
        }

        if (o.Workload is not null)
        {
            // A different kind starts a fresh workload section: the file's fields belong to its own kind.
            if ((json["workload"] as JsonObject)?["kind"]?.GetValue<string>() != o.Workload)
            {
                json["workload"] = new JsonObject();
            }

            Section(json, "workload")["kind"] = o.Workload;
        }

        if (o.Model is not null)
        {
            // A path typed on the command line is the shell's: from the current folder, not the campaign file's.
            Section(json, "workload")["model"] = o.Model == InferenceWorkloadConfig.MobileNetStyleZoo ? o.Model : Path.GetFullPath(o.Model);
        }

        if (o.Protection is not null)
        {
            Section(json, "workload")["protection"] = Strings(o.Protection);
        }

        if (o.Sites is not null)
        {
            Section(json, "faults")["sites"] = Strings(o.Sites);
        }

        if (o.Kind is not null)
        {
            Section(json, "faults")["kind"] = o.Kind;
        }

        if (o.Bits is not null)
        {
            Section(json, "faults")["bits"] = BitsNode(o.Bits);
        }

        if (o.Trials is not null || o.Margin is not null || o.Confidence is not null)
        {
            // Written over the file's size field by field: a trial count replaces a margin (and
            // the reverse); a confidence alone keeps the file's margin and population.
            var size = Section(json, "size");
            if (o.Trials is { } trials)
            {
                size.Remove("margin");
                size.Remove("confidence");
                size.Remove("population");
                size["trials"] = trials;
            }

            if (o.Margin is not null || o.Confidence is not null)
            {
                size.Remove("trials");
            }

            if (o.Margin is { } margin)
            {
                size["margin"] = margin;
            }

            if (o.Confidence is { } confidence)
            {
                size["confidence"] = confidence;
            }
        }
    }

    private static bool Given(CampaignOverrides o) => o != new CampaignOverrides();

    private static JsonObject Section(JsonObject json, string name)
    {
        if (json[name] is JsonObject section)
        {
            return section;
        }

        var created = new JsonObject();
        json[name] = created;
        return created;
    }

    private static JsonArray Strings(IEnumerable<string> values) => [.. values.Select(v => (JsonNode?)JsonValue.Create(v))];

    // "--bits 30,31" is a list of bit numbers; a name (all, exponent...) is passed as it is.
    private static JsonNode BitsNode(string bits)
    {
        var parts = bits.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length > 0 && parts.All(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
        {
            return new JsonArray([.. parts.Select(p => (JsonNode?)JsonValue.Create(int.Parse(p, CultureInfo.InvariantCulture)))]);
        }

        return JsonValue.Create(bits);
    }
}
