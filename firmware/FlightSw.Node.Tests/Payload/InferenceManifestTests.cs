using System.Text.Json.Nodes;
using FlightSw.Edac.Golden;
using FlightSw.Inference.Job;
using FlightSw.Inference.Protection;
using FlightSw.Node.Payload;

namespace FlightSw.Node.Tests.Payload;

public sealed class InferenceManifestTests
{
    private ImagesFolder _images = null!;

    [SetUp]
    public void CopyImages() => _images = new ImagesFolder();

    [TearDown]
    public void DeleteImages() => _images.Dispose();

    [Test]
    public void Load_ShippedManifest_FliesTheClassifierUnderSequentialTmrEveryTenMinutes()
    {
        var settings = InferenceManifest.Load(ImagesFolder.Shipped)!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(settings.ManifestPath, Is.EqualTo(Path.Combine(ImagesFolder.Shipped, "inference.json")));
            Assert.That(settings.Region, Is.EqualTo("classifier"));
            Assert.That(settings.ModelFile, Is.EqualTo(Path.Combine(ImagesFolder.Shipped, "classifier.onnx")));
            Assert.That(settings.Checksum.Algorithm, Is.EqualTo(GoldenChecksumAlgorithm.Sha256));
            Assert.That(settings.SamplesFile, Is.EqualTo(Path.Combine(ImagesFolder.Shipped, "classifier-samples.bin")));
            Assert.That(settings.Protection, Is.EqualTo(ProtectionMode.Tmr));
            Assert.That(settings.Scheduling, Is.EqualTo(ReplicaScheduling.Sequential));
            Assert.That(settings.PeriodSeconds, Is.EqualTo(600));
        }
    }

    [Test]
    public void Load_ShippedManifest_ChecksumMatchesTheShippedModel()
    {
        var settings = InferenceManifest.Load(ImagesFolder.Shipped)!;

        Assert.That(settings.Checksum.Matches(File.ReadAllBytes(settings.ModelFile)), Is.True);
    }

    [Test]
    public void Load_NoManifestInFolder_ReturnsNull()
    {
        File.Delete(_images.InferenceManifestPath);

        Assert.That(InferenceManifest.Load(_images.Folder), Is.Null);
    }

    [Test]
    public void Load_FolderDoesNotExist_ReturnsNull()
    {
        Assert.That(InferenceManifest.Load(Path.Combine(_images.Folder, "nosuch")), Is.Null);
    }

    [TestCase("protection", ProtectionMode.Tmr)]
    [TestCase("scheduling", ReplicaScheduling.Sequential)]
    [TestCase("periodSeconds", InferenceJob.DefaultPeriodSeconds)]
    public void Load_OptionalFieldLeftOut_TakesItsDefault(string field, object expected)
    {
        _images.SetInferenceField(field, null);

        var settings = InferenceManifest.Load(_images.Folder)!;

        object actual = field switch
        {
            "protection" => settings.Protection,
            "scheduling" => settings.Scheduling,
            _ => settings.PeriodSeconds,
        };
        Assert.That(actual, Is.EqualTo(expected));
    }

    [TestCase("None", ProtectionMode.None)]
    [TestCase("Dmr", ProtectionMode.Dmr)]
    [TestCase("Tmr", ProtectionMode.Tmr)]
    [TestCase("Abft", ProtectionMode.Abft)]
    [TestCase("AbftTmr", ProtectionMode.AbftTmr)]
    public void Load_EachProtection_IsRead(string text, ProtectionMode expected)
    {
        _images.SetInferenceField("protection", text);

        Assert.That(InferenceManifest.Load(_images.Folder)!.Protection, Is.EqualTo(expected));
    }

    [Test]
    public void Load_ParallelScheduling_IsRead()
    {
        _images.SetInferenceField("scheduling", "Parallel");

        Assert.That(InferenceManifest.Load(_images.Folder)!.Scheduling, Is.EqualTo(ReplicaScheduling.Parallel));
    }

    [TestCase(0.0)]
    [TestCase(0.5)]
    [TestCase(InferenceJob.MaxPeriodSeconds)]
    public void Load_PeriodInRange_IsRead(double period)
    {
        _images.SetInferenceField("periodSeconds", period);

        Assert.That(InferenceManifest.Load(_images.Folder)!.PeriodSeconds, Is.EqualTo(period));
    }

    [Test]
    public void Load_Options_CarryProtectionSchedulingAndRegionPrefix()
    {
        _images.SetInferenceField("scheduling", "Parallel");

        var options = InferenceManifest.Load(_images.Folder)!.Options;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(options.Protection, Is.EqualTo(ProtectionMode.Tmr));
            Assert.That(options.Scheduling, Is.EqualTo(ReplicaScheduling.Parallel));
            Assert.That(options.RegionPrefix, Is.EqualTo("classifier"));
        }
    }

    [TestCase("{ \"model\": ")]
    [TestCase("not json")]
    [TestCase("")]
    public void Load_NotJson_RefusedNamingFileAndRoot(string text)
    {
        File.WriteAllText(_images.InferenceManifestPath, text);

        AssertRefused("$", "not valid JSON");
    }

    [TestCase("[]")]
    [TestCase("\"classifier.onnx\"")]
    [TestCase("42")]
    [TestCase("null")]
    public void Load_RootNotAnObject_RefusedNamingRoot(string text)
    {
        File.WriteAllText(_images.InferenceManifestPath, text);

        AssertRefused("$", "not an object");
    }

    [TestCase("region")]
    [TestCase("model")]
    [TestCase("checksum")]
    [TestCase("samples")]
    public void Load_RequiredFieldMissing_RefusedNamingField(string field)
    {
        _images.SetInferenceField(field, null);

        AssertRefused("$." + field, "missing");
    }

    [TestCase("region", "")]
    [TestCase("model", " ")]
    [TestCase("checksum", "")]
    [TestCase("samples", "   ")]
    public void Load_RequiredFieldEmpty_RefusedNamingField(string field, string value)
    {
        _images.SetInferenceField(field, value);

        AssertRefused("$." + field, "non-empty string");
    }

    [TestCase("region")]
    [TestCase("model")]
    [TestCase("checksum")]
    [TestCase("samples")]
    public void Load_RequiredFieldNotAString_RefusedNamingField(string field)
    {
        _images.SetInferenceField(field, 7);

        AssertRefused("$." + field, "non-empty string");
    }

    [TestCase("model", "../classifier.onnx")]
    [TestCase("model", "..")]
    [TestCase("samples", "sub/../../classifier-samples.bin")]
    [TestCase("samples", "..\\classifier-samples.bin")]
    public void Load_FileWithDotDot_RefusedNamingField(string field, string file)
    {
        _images.SetInferenceField(field, file);

        AssertRefused("$." + field, "inside the images folder");
    }

    [TestCase("model")]
    [TestCase("samples")]
    public void Load_FileRootedPath_RefusedNamingField(string field)
    {
        _images.SetInferenceField(field, Path.Combine(Path.GetTempPath(), "classifier.onnx"));

        AssertRefused("$." + field, "inside the images folder");
    }

    [TestCase("classifier weights")]
    [TestCase("classifier/r")]
    [TestCase("a-region-prefix-far-too-long-for-the-engine-suffixes-xxxxxxxx")]
    public void Load_RegionNotAPrefix_RefusedNamingRegion(string region)
    {
        _images.SetInferenceField("region", region);

        AssertRefused("$.region", $"'{region}' is not a region prefix: 1 to 56");
    }

    [Test]
    public void Load_RegionAtTheLongestPrefix_Accepted()
    {
        string region = new('c', 56);
        _images.SetInferenceField("region", region);

        Assert.That(InferenceManifest.Load(_images.Folder)!.Region, Is.EqualTo(region));
    }

    [TestCase("classifier")]
    [TestCase("md5:0123456789abcdef0123456789abcdef")]
    [TestCase("sha256:0123abcd")]
    [TestCase("crc32c:0123abcg")]
    public void Load_BadChecksumText_RefusedNamingChecksum(string checksum)
    {
        _images.SetInferenceField("checksum", checksum);

        AssertRefused("$.checksum", string.Empty);
    }

    [TestCase("Triple")]
    [TestCase("tmr")]
    [TestCase("TMR")]
    [TestCase("2")]
    public void Load_BadProtection_RefusedNamingProtectionAndListingTheChoices(string protection)
    {
        _images.SetInferenceField("protection", protection);

        var exception = AssertRefused("$.protection", $"'{protection}' is not one of");
        Assert.That(exception.Message, Does.Contain("None, Dmr, Tmr, Abft, AbftTmr"));
    }

    [TestCase("2")]
    [TestCase("null")]
    [TestCase("true")]
    public void Load_ProtectionNotAString_RefusedNamingProtection(string json)
    {
        _images.SetInferenceFieldRaw("protection", json);

        AssertRefused("$.protection", "not a string; must be one of None, Dmr, Tmr, Abft, AbftTmr");
    }

    [TestCase("parallel")]
    [TestCase("Interleaved")]
    [TestCase("1")]
    public void Load_BadScheduling_RefusedNamingSchedulingAndListingTheChoices(string scheduling)
    {
        _images.SetInferenceField("scheduling", scheduling);

        var exception = AssertRefused("$.scheduling", $"'{scheduling}' is not one of");
        Assert.That(exception.Message, Does.Contain("Sequential, Parallel"));
    }

    [TestCase("-1")]
    [TestCase("86401")]
    [TestCase("1e400")]
    [TestCase("\"600\"")]
    [TestCase("null")]
    [TestCase("true")]
    public void Load_BadPeriod_RefusedNamingPeriod(string json)
    {
        _images.SetInferenceFieldRaw("periodSeconds", json);

        AssertRefused("$.periodSeconds", "from 0 (only on command) to 86400");
    }

    [TestCase("protecton")]
    [TestCase("period")]
    [TestCase("Model")]
    public void Load_UnknownField_RefusedNamingItAndListingTheFields(string field)
    {
        _images.SetInferenceField(field, "Tmr");

        var exception = AssertRefused("$." + field, "not a field of the inference manifest");
        Assert.That(exception.Message, Does.Contain("region, model, checksum, samples, protection, scheduling, periodSeconds"));
    }

    private InvalidDataException AssertRefused(string jsonPath, string reason)
    {
        var exception = Assert.Throws<InvalidDataException>(() => InferenceManifest.Load(_images.Folder))!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exception.Message, Does.Contain(_images.InferenceManifestPath), "names the file");
            Assert.That(exception.Message, Does.Contain($": {jsonPath}: "), "names the field");
            Assert.That(exception.Message, Does.Contain(reason), "gives the reason");
        }

        return exception;
    }
}
