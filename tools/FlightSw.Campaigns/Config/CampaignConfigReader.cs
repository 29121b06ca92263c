using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FlightSw.Campaigns.Faults;
using FlightSw.Edac.Regions;
using FlightSw.Inference.Protection;

namespace FlightSw.Campaigns.Config;

/// <summary>
/// Reads a campaign file (JSON, comments and trailing commas allowed). Every refusal names the
/// file, the field (as a JSON path) and the reason; unknown fields are refused, so a typo never
/// silently falls back to a default. Relative paths are resolved from the file's folder.
/// </summary>
public static class CampaignConfigReader
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>Reads the campaign file at <paramref name="path"/>.</summary>
    /// <exception cref="CampaignConfigException">The file is missing, unreadable, not JSON, or a field is refused.</exception>
    public static CampaignConfig Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Parse(ReadObject(path), path, Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".");
    }

    /// <summary>Parses campaign JSON; <paramref name="source"/> names it in refusals and <paramref name="baseDirectory"/> resolves relative paths.</summary>
    /// <exception cref="CampaignConfigException">The text is not JSON, or a field is refused.</exception>
    public static CampaignConfig Parse(string json, string source, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Parse(ParseObject(json, source), source, baseDirectory);
    }

    /// <summary>The JSON object of the campaign file at <paramref name="path"/>, not yet read as a campaign (the command line writes its options over it).</summary>
    /// <exception cref="CampaignConfigException">The file is missing, unreadable, not JSON, or not an object.</exception>
    public static JsonObject ReadObject(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            return ParseObject(File.ReadAllText(path), path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new CampaignConfigException(path, "(file)", $"cannot be read: {exception.Message}");
        }
    }

    /// <summary>Reads a campaign from a parsed JSON object (the command line builds one from its options).</summary>
    /// <exception cref="CampaignConfigException">A field is refused.</exception>
    public static CampaignConfig Parse(JsonObject json, string source, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(json);
        var root = new ConfigObject((JsonObject)json.DeepClone(), source, string.Empty);
        string name = root.String("name") ?? "campaign";
        if (string.IsNullOrWhiteSpace(name))
        {
            throw root.Refuse("name", "must not be empty");
        }

        long seed = root.Integer("seed", long.MinValue, long.MaxValue) ?? 1;
        var workloadJson = root.Object("workload") ?? throw root.Refuse("workload", "is required: an object with \"kind\": \"inference\", \"ecc-region\" or \"node\"");
        var workload = ReadWorkload(workloadJson, baseDirectory);
        var faults = ReadFaults(root.Object("faults"), source, workload);
        var size = ReadSize(root.Object("size") ?? throw root.Refuse("size", "is required: {\"trials\": N} or {\"margin\": 0.01, \"confidence\": 0.95}"));
        root.RefuseUnknown("name", "seed", "workload", "faults", "size");

        var config = new CampaignConfig { Name = name, Seed = seed, Workload = workload, Faults = faults, Size = size, CanonicalJson = string.Empty };
        return config with { CanonicalJson = CampaignConfigWriter.Write(config, json) };
    }

    /// <summary>The protection mode named <paramref name="name"/>: none, dmr, tmr, abft, abft+tmr (any case).</summary>
    public static bool TryParseProtection(string name, out ProtectionMode mode)
    {
        switch (name.ToLowerInvariant())
        {
            case "none": mode = ProtectionMode.None; return true;
            case "dmr": mode = ProtectionMode.Dmr; return true;
            case "tmr": mode = ProtectionMode.Tmr; return true;
            case "abft": mode = ProtectionMode.Abft; return true;
            case "abft+tmr" or "abfttmr" or "abft-tmr": mode = ProtectionMode.AbftTmr; return true;
            default: mode = default; return false;
        }
    }

    /// <summary>The protection mode's name in campaign files and reports: none, dmr, tmr, abft, abft+tmr.</summary>
    public static string ProtectionName(ProtectionMode mode) => mode == ProtectionMode.AbftTmr ? "abft+tmr" : mode.ToString().ToLowerInvariant();

    /// <summary>The site's name in campaign files: weight, activation, accumulator, ecc-word, component-state.</summary>
    public static string SiteName(FaultSiteKind site) => site switch
    {
        FaultSiteKind.EccWord => "ecc-word",
        FaultSiteKind.ComponentState => "component-state",
        _ => site.ToString().ToLowerInvariant(),
    };

    /// <summary>The kind's name in campaign files: single-bit, adjacent, random-value, stuck-at.</summary>
    public static string KindName(FaultKind kind) => kind switch
    {
        FaultKind.SingleBit => "single-bit",
        FaultKind.AdjacentBits => "adjacent",
        FaultKind.RandomValue => "random-value",
        _ => "stuck-at",
    };

    /// <summary>The site named <paramref name="name"/> in campaign and results files (see <see cref="SiteName"/>).</summary>
    public static bool TryParseSite(string name, out FaultSiteKind site) => TryParseName(name, SiteName, out site);

    /// <summary>The fault kind named <paramref name="name"/> in campaign and results files (see <see cref="KindName"/>).</summary>
    public static bool TryParseKind(string name, out FaultKind kind) => TryParseName(name, KindName, out kind);

    private static bool TryParseName<T>(string name, Func<T, string> nameOf, out T value)
        where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (nameOf(candidate) == name)
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    private static JsonObject ParseObject(string text, string source)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text, documentOptions: DocumentOptions);
        }
        catch (JsonException exception)
        {
            throw new CampaignConfigException(source, "(file)", $"is not valid JSON: {exception.Message}");
        }

        return node as JsonObject ?? throw new CampaignConfigException(source, "(file)", $"must be a JSON object, not {ConfigObject.Describe(node)}");
    }

    private static WorkloadConfig ReadWorkload(ConfigObject json, string baseDirectory)
    {
        string kind = json.String("kind") ?? throw json.Refuse("kind", "is required: \"inference\", \"ecc-region\" or \"node\"");
        return kind switch
        {
            "inference" => ReadInference(json, baseDirectory),
            "ecc-region" => ReadEccRegion(json),
            "node" => ReadNode(json, baseDirectory),
            _ => throw json.Refuse("kind", $"\"{kind}\" is not a workload; known: inference, ecc-region, node"),
        };
    }

    private static InferenceWorkloadConfig ReadInference(ConfigObject json, string baseDirectory)
    {
        var config = new InferenceWorkloadConfig();
        string model = json.String("model") ?? config.Model;
        if (model != InferenceWorkloadConfig.MobileNetStyleZoo)
        {
            model = ExistingFile(json, "model", model, baseDirectory, $"an ONNX file or \"{InferenceWorkloadConfig.MobileNetStyleZoo}\"");
        }

        config = config with { Model = model };
        if (json.Object("zoo") is { } zoo)
        {
            if (model != InferenceWorkloadConfig.MobileNetStyleZoo)
            {
                throw json.Refuse("zoo", $"only applies to \"model\": \"{InferenceWorkloadConfig.MobileNetStyleZoo}\"");
            }

            config = config with
            {
                ZooInputSize = (int)(zoo.Integer("inputSize", 8, 512) ?? config.ZooInputSize),
                ZooWidth = zoo.Number("width", 0.125, 4) ?? config.ZooWidth,
                ZooClasses = (int)(zoo.Integer("classes", 2, 10_000) ?? config.ZooClasses),
                ZooSeed = (int)(zoo.Integer("seed", int.MinValue, int.MaxValue) ?? config.ZooSeed),
            };
            zoo.RefuseUnknown("inputSize", "width", "classes", "seed");
        }

        config = config with { Protections = Protections(json) ?? config.Protections };
        if (json.Object("inputs") is { } inputs)
        {
            config = config with
            {
                InputCount = (int?)inputs.Integer("count", 1, 100_000),
                InputSeed = (int)(inputs.Integer("seed", int.MinValue, int.MaxValue) ?? config.InputSeed),
            };
            if (inputs.String("samples") is { } samples)
            {
                config = config with { SamplesFile = ExistingFile(inputs, "samples", samples, baseDirectory, "a file of float32 samples") };
            }

            inputs.RefuseUnknown("count", "seed", "samples");
        }

        if (json.String("compare") is { } compare)
        {
            config = config with
            {
                Compare = compare switch
                {
                    "top1" => OutputComparison.Top1,
                    "exact" => OutputComparison.Exact,
                    _ => throw json.Refuse("compare", $"\"{compare}\" is not a comparison; known: top1 (the class differs), exact (any output bit differs)"),
                },
            };
        }

        json.RefuseUnknown("kind", "model", "zoo", "protection", "inputs", "compare");
        return config;
    }

    private static EccRegionWorkloadConfig ReadEccRegion(ConfigObject json)
    {
        var config = new EccRegionWorkloadConfig();
        config = config with { Words = (int)(json.Integer("words", 1, 1 << 24) ?? config.Words) };
        if (json.Raw("interleave") is { } interleave)
        {
            var list = json.Integers("interleave", interleave, 1, 64, "a depth");
            for (int i = 0; i < list.Count; i++)
            {
                if (config.Words % list[i] != 0)
                {
                    throw json.Refuse($"interleave[{i}]", $"depth {list[i]} does not divide the region's {config.Words} words");
                }
            }

            config = config with { InterleaveDepths = Distinct(json, "interleave", list) };
        }

        if (json.String("recovery") is { } recovery)
        {
            config = config with
            {
                Recovery = recovery switch
                {
                    "golden" => EccRecoveryChoice.Golden,
                    "escalate" => EccRecoveryChoice.Escalate,
                    _ => throw json.Refuse("recovery", $"\"{recovery}\" is not a recovery; known: golden (reload from a verified image), escalate (no copy: detected, not recovered)"),
                },
            };
        }

        if (json.String("importance") is { } importance)
        {
            config = config with
            {
                Importance = Enum.TryParse<RegionImportance>(importance, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
                    ? parsed
                    : throw json.Refuse("importance", $"\"{importance}\" is not an importance; known: {string.Join(", ", Enum.GetNames<RegionImportance>().Select(n => n.ToLowerInvariant()))}"),
            };
        }

        config = config with { DataSeed = (int)(json.Integer("dataSeed", int.MinValue, int.MaxValue) ?? config.DataSeed) };
        json.RefuseUnknown("kind", "words", "interleave", "recovery", "importance", "dataSeed");
        return config;
    }

    private static NodeWorkloadConfig ReadNode(ConfigObject json, string baseDirectory)
    {
        var config = new NodeWorkloadConfig();
        if (json.String("board") is { } board)
        {
            bool isFile = board.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || board.Contains('/', StringComparison.Ordinal);
            config = config with { Board = isFile ? ExistingFile(json, "board", board, baseDirectory, "a board name (sim) or board file") : board };
        }

        config = config with
        {
            NodeSeed = (int)(json.Integer("nodeSeed", int.MinValue, int.MaxValue) ?? config.NodeSeed),
            DurationSeconds = json.Number("durationSeconds", 1, 86_400) ?? config.DurationSeconds,
            InferencePeriodSeconds = json.Number("inferencePeriodSeconds", 1, 3_600) ?? config.InferencePeriodSeconds,
            Protections = Protections(json) ?? config.Protections,
            Components = json.Strings("components") is { } components ? Distinct(json, "components", components) : config.Components,
        };
        if (config.InferencePeriodSeconds > config.DurationSeconds)
        {
            throw json.Refuse("inferencePeriodSeconds", $"{config.InferencePeriodSeconds} s is longer than the run's {config.DurationSeconds} s: the golden run would have no answer");
        }

        json.RefuseUnknown("kind", "board", "nodeSeed", "durationSeconds", "inferencePeriodSeconds", "protection", "components");
        return config;
    }

    private static FaultModelConfig ReadFaults(ConfigObject? json, string source, WorkloadConfig workload)
    {
        var config = new FaultModelConfig { Sites = DefaultSites(workload) };
        if (json is null)
        {
            return config;
        }

        if (json.Strings("sites") is { } sites)
        {
            var parsed = new List<FaultSiteKind>();
            foreach (string site in sites)
            {
                var kind = TryParseSite(site, out var parsedSite)
                    ? parsedSite
                    : throw json.Refuse("sites", $"\"{site}\" is not a site; known: {string.Join(", ", Enum.GetValues<FaultSiteKind>().Select(SiteName))}");
                if (!SitesOf(workload).Contains(kind))
                {
                    throw json.Refuse("sites", $"a {workload.Kind} workload has no {site} site; its sites: {string.Join(", ", SitesOf(workload).Select(SiteName))}");
                }

                parsed.Add(kind);
            }

            config = config with { Sites = Distinct(json, "sites", parsed) };
        }

        if (json.String("kind") is { } kindName)
        {
            config = config with
            {
                Kind = TryParseKind(kindName, out var kind)
                    ? kind
                    : throw json.Refuse("kind", $"\"{kindName}\" is not a fault kind; known: {string.Join(", ", Enum.GetValues<FaultKind>().Select(KindName))}"),
            };
        }

        bool hasWidth = json.Has("width");
        bool hasStuckValue = json.Has("stuckValue");
        config = config with
        {
            Width = (int)(json.Integer("width", 2, 8) ?? config.Width),
            StuckValue = (int)(json.Integer("stuckValue", 0, 1) ?? config.StuckValue),
        };
        if (hasWidth && config.Kind != FaultKind.AdjacentBits)
        {
            throw json.Refuse("width", "only applies to \"kind\": \"adjacent\"");
        }

        if (hasStuckValue && config.Kind != FaultKind.StuckAt)
        {
            throw json.Refuse("stuckValue", "only applies to \"kind\": \"stuck-at\"");
        }

        if (json.Raw("bits") is { } bits)
        {
            if (config.Kind == FaultKind.RandomValue)
            {
                throw json.Refuse("bits", "does not apply to \"kind\": \"random-value\", which replaces every bit of the element");
            }

            config = config with { Bits = ReadBits(json, bits) };
        }

        foreach (var site in config.Sites.Where(s => s != FaultSiteKind.ComponentState))
        {
            int elementBits = site == FaultSiteKind.EccWord ? 72 : 32;
            try
            {
                config.Bits.BitsOf(elementBits);
            }
            catch (ArgumentException exception)
            {
                throw json.Refuse("bits", $"{exception.Message} ({SiteName(site)} site)");
            }
        }

        json.RefuseUnknown("sites", "kind", "width", "stuckValue", "bits");
        _ = source;
        return config;
    }

    private static BitSelection ReadBits(ConfigObject json, JsonNode bits)
    {
        if (bits is JsonValue value && value.TryGetValue(out string? name))
        {
            return name switch
            {
                "all" => BitSelection.All,
                "exponent" => new BitSelection(BitSelectionKind.Exponent, []),
                "sign" => new BitSelection(BitSelectionKind.Sign, []),
                "mantissa" => new BitSelection(BitSelectionKind.Mantissa, []),
                _ => throw json.Refuse("bits", $"\"{name}\" is not a bit selection; known: all, exponent, sign, mantissa, or a list of bit numbers"),
            };
        }

        if (bits is JsonArray { Count: > 0 })
        {
            return new BitSelection(BitSelectionKind.List, Distinct(json, "bits", json.Integers("bits", bits, 0, 71, "a bit number")));
        }

        throw json.Refuse("bits", $"must be \"all\", \"exponent\", \"sign\", \"mantissa\" or a non-empty list of bit numbers, not {ConfigObject.Describe(bits)}");
    }

    private static CampaignSize ReadSize(ConfigObject json)
    {
        long? trials = json.Integer("trials", 1, 100_000_000);
        double? margin = json.Number("margin", 0, 1, exclusive: true);
        double? confidence = json.Number("confidence", 0, 1, exclusive: true);
        double? population = json.Integer("population", 1, long.MaxValue);
        json.RefuseUnknown("trials", "margin", "confidence", "population");
        if (trials is { } count)
        {
            if (margin is not null || confidence is not null || population is not null)
            {
                throw json.Refuse("trials", "give either \"trials\" or \"margin\" with \"confidence\", not both");
            }

            return CampaignSize.Of((int)count);
        }

        if (margin is null)
        {
            throw json.Refuse("margin", "is required without \"trials\" (0.01 for ±1 %)");
        }

        var size = new CampaignSize(null, margin.Value, confidence ?? 0.95, population);
        if (size.TrialsPerVariant > 100_000_000)
        {
            throw json.Refuse("margin", $"±{margin.Value.ToString(CultureInfo.InvariantCulture)} needs {size.TrialsPerVariant} trials per variant; at most 100,000,000");
        }

        if (size.TrialsPerVariant < 1)
        {
            throw json.Refuse("confidence", $"{size.Confidence.ToString(CultureInfo.InvariantCulture)} with a margin of {size.Margin.ToString(CultureInfo.InvariantCulture)} gives no trial at all; a confidence is usually 0.9 to 0.99");
        }

        return size;
    }

    private static IReadOnlyList<ProtectionMode>? Protections(ConfigObject json)
    {
        if (json.Strings("protection") is not { } names)
        {
            return null;
        }

        var modes = new List<ProtectionMode>();
        foreach (string name in names)
        {
            modes.Add(TryParseProtection(name, out var mode) ? mode : throw json.Refuse("protection", $"\"{name}\" is not a protection mode; known: none, dmr, tmr, abft, abft+tmr"));
        }

        return Distinct(json, "protection", modes);
    }

    private static IReadOnlyList<T> Distinct<T>(ConfigObject json, string field, IReadOnlyList<T> values)
    {
        var seen = new HashSet<T>();
        foreach (var value in values)
        {
            if (!seen.Add(value))
            {
                throw json.Refuse(field, $"lists {value} twice");
            }
        }

        return values;
    }

    private static string ExistingFile(ConfigObject json, string field, string path, string baseDirectory, string what)
    {
        string full = Path.GetFullPath(Path.Combine(baseDirectory, path));
        return File.Exists(full) ? full : throw json.Refuse(field, $"{what}: {full} does not exist");
    }

    private static IReadOnlyList<FaultSiteKind> SitesOf(WorkloadConfig workload) => workload switch
    {
        InferenceWorkloadConfig => [FaultSiteKind.Weight, FaultSiteKind.Activation, FaultSiteKind.Accumulator],
        EccRegionWorkloadConfig => [FaultSiteKind.EccWord],
        _ => [FaultSiteKind.EccWord, FaultSiteKind.ComponentState],
    };

    private static IReadOnlyList<FaultSiteKind> DefaultSites(WorkloadConfig workload) => workload switch
    {
        InferenceWorkloadConfig => [FaultSiteKind.Weight],
        _ => [FaultSiteKind.EccWord],
    };
}
