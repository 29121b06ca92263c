using FlightSw.Campaigns.Config;
using FlightSw.Campaigns.Faults;
using FlightSw.Inference.Protection;

namespace FlightSw.Campaigns.Tests.Config;

public class CampaignConfigReaderTests
{
    private const string Minimal = """{ "workload": { "kind": "inference" }, "size": { "trials": 10 } }""";

    [Test]
    public void Parse_Minimal_FillsTheDefaults()
    {
        var config = Parse(Minimal);
        var workload = (InferenceWorkloadConfig)config.Workload;
        Assert.Multiple(() =>
        {
            Assert.That(config.Name, Is.EqualTo("campaign"));
            Assert.That(config.Seed, Is.EqualTo(1));
            Assert.That(workload.Model, Is.EqualTo(InferenceWorkloadConfig.MobileNetStyleZoo));
            Assert.That(workload.Protections, Is.EqualTo(new[] { ProtectionMode.None, ProtectionMode.Dmr, ProtectionMode.Tmr, ProtectionMode.Abft, ProtectionMode.AbftTmr }));
            Assert.That(config.Faults.Sites, Is.EqualTo(new[] { FaultSiteKind.Weight }));
            Assert.That(config.Faults.Kind, Is.EqualTo(FaultKind.SingleBit));
            Assert.That(config.Size.TrialsPerVariant, Is.EqualTo(10));
        });
    }

    [Test]
    public void Parse_EveryField_ReadsThem()
    {
        var config = Parse("""
            {
              // comments are allowed
              "name": "mn", "seed": 7,
              "workload": { "kind": "inference", "zoo": { "inputSize": 16, "width": 0.5, "classes": 4, "seed": 3 },
                            "protection": ["none", "abft+tmr"], "inputs": { "count": 3, "seed": 9 }, "compare": "exact" },
              "faults": { "sites": ["weight", "accumulator"], "kind": "adjacent", "width": 3, "bits": [23, 30] },
              "size": { "margin": 0.05, "confidence": 0.95 },
            }
            """);
        var workload = (InferenceWorkloadConfig)config.Workload;
        Assert.Multiple(() =>
        {
            Assert.That(config.Name, Is.EqualTo("mn"));
            Assert.That(config.Seed, Is.EqualTo(7));
            Assert.That(workload.ZooInputSize, Is.EqualTo(16));
            Assert.That(workload.ZooWidth, Is.EqualTo(0.5));
            Assert.That(workload.Protections, Is.EqualTo(new[] { ProtectionMode.None, ProtectionMode.AbftTmr }));
            Assert.That(workload.InputCount, Is.EqualTo(3));
            Assert.That(workload.Compare, Is.EqualTo(OutputComparison.Exact));
            Assert.That(config.Faults.Sites, Is.EqualTo(new[] { FaultSiteKind.Weight, FaultSiteKind.Accumulator }));
            Assert.That(config.Faults.Width, Is.EqualTo(3));
            Assert.That(config.Faults.Bits.Listed, Is.EqualTo(new[] { 23, 30 }));
            Assert.That(config.Size.TrialsPerVariant, Is.EqualTo(385));
        });
    }

    [TestCase("""{ "workload": { "kind": "inference" } }""", "size", "is required")]
    [TestCase("""{ "size": { "trials": 1 } }""", "workload", "is required")]
    [TestCase("""{ "workload": { "kind": "quantum" }, "size": { "trials": 1 } }""", "workload.kind", "not a workload")]
    [TestCase("""{ "workload": { "kind": "inference", "protection": ["tmr", "xmr"] }, "size": { "trials": 1 } }""", "workload.protection", "\"xmr\" is not a protection mode")]
    [TestCase("""{ "workload": { "kind": "inference", "protecton": ["tmr"] }, "size": { "trials": 1 } }""", "workload.protecton", "is not a field here")]
    [TestCase("""{ "workload": { "kind": "inference" }, "faults": { "bits": "exponent", "sites": ["ecc-word"] }, "size": { "trials": 1 } }""", "faults.sites", "no ecc-word site")]
    [TestCase("""{ "workload": { "kind": "ecc-region" }, "faults": { "bits": "exponent" }, "size": { "trials": 1 } }""", "faults.bits", "name a float field")]
    [TestCase("""{ "workload": { "kind": "inference" }, "faults": { "bits": [40] }, "size": { "trials": 1 } }""", "faults.bits", "outside a 32-bit element")]
    [TestCase("""{ "workload": { "kind": "inference" }, "faults": { "width": 2 }, "size": { "trials": 1 } }""", "faults.width", "only applies to")]
    [TestCase("""{ "workload": { "kind": "inference" }, "size": { "trials": 0 } }""", "size.trials", "outside 1 to")]
    [TestCase("""{ "workload": { "kind": "inference" }, "size": { "trials": 5, "margin": 0.01 } }""", "size.trials", "not both")]
    [TestCase("""{ "workload": { "kind": "inference" }, "size": { "margin": 1.5 } }""", "size.margin", "outside (0, 1)")]
    [TestCase("""{ "workload": { "kind": "inference" }, "size": { "trials": "many" } }""", "size.trials", "must be a whole number")]
    [TestCase("""{ "workload": { "kind": "inference", "model": "missing.onnx" }, "size": { "trials": 1 } }""", "workload.model", "does not exist")]
    [TestCase("""{ "workload": { "kind": "ecc-region", "words": 10, "interleave": [4] }, "size": { "trials": 1 } }""", "workload.interleave[0]", "does not divide")]
    [TestCase("""{ "workload": { "kind": "node", "durationSeconds": 5, "inferencePeriodSeconds": 10 }, "size": { "trials": 1 } }""", "workload.inferencePeriodSeconds", "no answer")]
    [TestCase("""[1, 2]""", "(file)", "must be a JSON object")]
    [TestCase("""{ "workload": """, "(file)", "is not valid JSON")]
    public void Parse_BadField_RefusesNamingFileFieldAndReason(string json, string field, string reason)
    {
        var refusal = Assert.Throws<CampaignConfigException>(() => Parse(json))!;
        Assert.Multiple(() =>
        {
            Assert.That(refusal.Field, Is.EqualTo(field));
            Assert.That(refusal.Message, Does.StartWith("test.json: " + field + ": "));
            Assert.That(refusal.Reason, Does.Contain(reason));
        });
    }

    [Test]
    public void Read_MissingFile_RefusesNamingTheFile()
    {
        string path = Path.Combine(Path.GetTempPath(), $"no-such-campaign-{Guid.NewGuid():N}.json");
        var refusal = Assert.Throws<CampaignConfigException>(() => CampaignConfigReader.Read(path))!;
        Assert.That(refusal.Message, Does.StartWith(path).And.Contain("cannot be read"));
    }

    [Test]
    public void CanonicalJson_SameCampaignWrittenTwoWays_IsTheSame()
    {
        var terse = Parse(Minimal);
        var spelled = Parse("""{ "name": "campaign", "seed": 1, "workload": { "kind": "inference", "model": "zoo:mobilenet-style", "compare": "top1" }, "faults": { "sites": "weight", "bits": "all" }, "size": { "trials": 10 } }""");
        Assert.That(spelled.CanonicalJson, Is.EqualTo(terse.CanonicalJson));
    }

    [Test]
    public void CanonicalJson_DifferentSeed_Differs()
    {
        Assert.That(Parse(Minimal.Replace("\"size\"", "\"seed\": 2, \"size\"", StringComparison.Ordinal)).CanonicalJson, Is.Not.EqualTo(Parse(Minimal).CanonicalJson));
    }

    private static CampaignConfig Parse(string json) => CampaignConfigReader.Parse(json, "test.json", Path.GetTempPath());
}
