using System.Text.Json.Nodes;
using FlightSw.Edac.Golden;
using FlightSw.Edac.Regions;
using FlightSw.Node.Payload;

namespace FlightSw.Node.Tests.Payload;

public sealed class PayloadImageManifestTests
{
    private const string ValidChecksum = "crc32c:0123abcd";

    private static readonly string ShippedDirectory = Path.Combine(AppContext.BaseDirectory, "images");

    private string _directory = null!;

    private string ManifestPath => Path.Combine(_directory, PayloadImageManifest.FileName);

    [SetUp]
    public void CreateDirectory()
    {
        _directory = Path.Combine(TestContext.CurrentContext.WorkDirectory, "payload-manifest-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
    }

    [TearDown]
    public void DeleteDirectory()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Test]
    public void Load_ShippedManifest_ListsThePayloadWeightsImage()
    {
        var images = PayloadImageManifest.Load(ShippedDirectory);

        Assert.That(images, Has.Count.EqualTo(1));
        var image = images[0];
        Assert.Multiple(() =>
        {
            Assert.That(image.Region, Is.EqualTo("payload-weights"));
            Assert.That(image.File, Is.EqualTo(Path.Combine(ShippedDirectory, "payload-weights.bin")));
            Assert.That(image.Importance, Is.EqualTo(RegionImportance.High));
            Assert.That(image.InterleaveDepth, Is.EqualTo(1));
            Assert.That(image.Checksum.Algorithm, Is.EqualTo(GoldenChecksumAlgorithm.Sha256));
        });
    }

    [Test]
    public void Load_ShippedManifest_ChecksumVerifiesAgainstTheShippedFile()
    {
        var image = PayloadImageManifest.Load(ShippedDirectory).Single();

        byte[] bytes = image.Golden.LoadVerified();

        Assert.Multiple(() =>
        {
            Assert.That(bytes, Has.Length.EqualTo(image.Bytes));
            Assert.That(new FileInfo(image.File).Length, Is.EqualTo(image.Bytes));
            Assert.That(image.Checksum.Matches(bytes), Is.True);
        });
    }

    [Test]
    public void Load_ShippedManifest_RegionOptionsItDescribesAreValid()
    {
        var image = PayloadImageManifest.Load(ShippedDirectory).Single();
        var options = new EccRegionOptions
        {
            Name = image.Region,
            WordCount = image.WordCount,
            Importance = image.Importance,
            InterleaveDepth = image.InterleaveDepth,
        };

        Assert.That(options.Validate, Throws.Nothing);
    }

    [Test]
    public void Load_NoManifestInFolder_ReturnsNoImages()
    {
        Assert.That(PayloadImageManifest.Load(_directory), Is.Empty);
    }

    [Test]
    public void Load_FolderDoesNotExist_ReturnsNoImages()
    {
        Assert.That(PayloadImageManifest.Load(Path.Combine(_directory, "nosuch")), Is.Empty);
    }

    [Test]
    public void Load_EmptyImagesArray_ReturnsNoImages()
    {
        File.WriteAllText(ManifestPath, """{ "images": [] }""");

        Assert.That(PayloadImageManifest.Load(_directory), Is.Empty);
    }

    [Test]
    public void Load_ValidEntry_ReadsEveryField()
    {
        WriteManifest(Entry("weights", bytes: 64, importance: "Critical", interleave: 4));

        var image = PayloadImageManifest.Load(_directory).Single();

        Assert.Multiple(() =>
        {
            Assert.That(image.Region, Is.EqualTo("weights"));
            Assert.That(image.File, Is.EqualTo(Path.Combine(_directory, "weights.bin")));
            Assert.That(image.Bytes, Is.EqualTo(64));
            Assert.That(image.WordCount, Is.EqualTo(8));
            Assert.That(image.Checksum, Is.EqualTo(GoldenChecksum.Parse(ValidChecksum)));
            Assert.That(image.Importance, Is.EqualTo(RegionImportance.Critical));
            Assert.That(image.InterleaveDepth, Is.EqualTo(4));
        });
    }

    [Test]
    public void Load_InterleaveOmitted_DefaultsToOne()
    {
        var entry = Entry("weights");
        entry.Remove("interleave");
        WriteManifest(entry);

        Assert.That(PayloadImageManifest.Load(_directory).Single().InterleaveDepth, Is.EqualTo(1));
    }

    [Test]
    public void Load_SeveralEntries_KeepsManifestOrder()
    {
        WriteManifest(Entry("c"), Entry("a"), Entry("b"));

        Assert.That(PayloadImageManifest.Load(_directory).Select(image => image.Region), Is.EqualTo(new[] { "c", "a", "b" }));
    }

    [Test]
    public void Load_BytesNotWholeWords_RoundsRegionUpToWholeWords()
    {
        WriteManifest(Entry("weights", bytes: 17));

        Assert.That(PayloadImageManifest.Load(_directory).Single().WordCount, Is.EqualTo(3));
    }

    [Test]
    public void Load_BytesAtTheLimit_Accepted()
    {
        WriteManifest(Entry("weights", bytes: PayloadImageManifest.MaxImageBytes));

        Assert.That(PayloadImageManifest.Load(_directory).Single().Bytes, Is.EqualTo(PayloadImageManifest.MaxImageBytes));
    }

    [TestCase("{ \"images\": [ ")]
    [TestCase("not json")]
    [TestCase("")]
    public void Load_NotJson_RefusedNamingFileAndRoot(string text)
    {
        File.WriteAllText(ManifestPath, text);

        AssertRefused("$", "not valid JSON");
    }

    [TestCase("{}")]
    [TestCase("{ \"image\": [] }")]
    [TestCase("{ \"images\": {} }")]
    [TestCase("{ \"images\": \"weights.bin\" }")]
    [TestCase("{ \"images\": null }")]
    public void Load_NoImagesArray_RefusedNamingImages(string text)
    {
        File.WriteAllText(ManifestPath, text);

        AssertRefused("$.images", "not an array");
    }

    [TestCase("[]")]
    [TestCase("\"images\"")]
    [TestCase("42")]
    public void Load_RootNotAnObject_RefusedNamingImages(string text)
    {
        File.WriteAllText(ManifestPath, text);

        AssertRefused("$.images", "not an array");
    }

    [TestCase("1")]
    [TestCase("\"weights.bin\"")]
    [TestCase("null")]
    [TestCase("[]")]
    public void Load_EntryNotAnObject_RefusedNamingEntry(string entry)
    {
        File.WriteAllText(ManifestPath, $$"""{ "images": [ {{Entry("a").ToJsonString()}}, {{entry}} ] }""");

        AssertRefused("$.images[1]", "not an object");
    }

    [Test]
    public void Load_SecondEntryMalformed_JsonPathNamesItsIndex()
    {
        var second = Entry("b");
        second.Remove("checksum");
        WriteManifest(Entry("a"), second);

        AssertRefused("$.images[1].checksum", "missing");
    }

    [TestCase("region")]
    [TestCase("file")]
    [TestCase("checksum")]
    [TestCase("importance")]
    public void Load_RequiredFieldMissing_RefusedNamingField(string field)
    {
        var entry = Entry("weights");
        entry.Remove(field);
        WriteManifest(entry);

        AssertRefused($"$.images[0].{field}", "missing");
    }

    [TestCase("region", "")]
    [TestCase("region", "   ")]
    [TestCase("file", "")]
    [TestCase("file", " ")]
    [TestCase("checksum", "")]
    [TestCase("importance", "")]
    public void Load_RequiredFieldEmpty_RefusedNamingField(string field, string value)
    {
        var entry = Entry("weights");
        entry[field] = value;
        WriteManifest(entry);

        AssertRefused($"$.images[0].{field}", "non-empty string");
    }

    [TestCase("region")]
    [TestCase("file")]
    [TestCase("checksum")]
    [TestCase("importance")]
    public void Load_RequiredFieldNotAString_RefusedNamingField(string field)
    {
        var entry = Entry("weights");
        entry[field] = 7;
        WriteManifest(entry);

        AssertRefused($"$.images[0].{field}", "non-empty string");
    }

    [TestCase("../weights.bin")]
    [TestCase("sub/../../weights.bin")]
    [TestCase("..")]
    [TestCase("..\\weights.bin")]
    public void Load_FileWithDotDot_RefusedNamingFile(string file)
    {
        var entry = Entry("weights");
        entry["file"] = file;
        WriteManifest(entry);

        AssertRefused("$.images[0].file", "inside the images folder");
    }

    [Test]
    public void Load_FileRootedPath_RefusedNamingFile()
    {
        var entry = Entry("weights");
        entry["file"] = Path.Combine(Path.GetTempPath(), "weights.bin");
        WriteManifest(entry);

        AssertRefused("$.images[0].file", "inside the images folder");
    }

    [TestCase("weights")]
    [TestCase("md5:0123456789abcdef0123456789abcdef")]
    [TestCase("crc32c:0123abc")]
    [TestCase("crc32c:0123abcde")]
    [TestCase("crc32c:0123abcg")]
    [TestCase("sha256:0123abcd")]
    public void Load_BadChecksumText_RefusedNamingChecksum(string checksum)
    {
        var entry = Entry("weights");
        entry["checksum"] = checksum;
        WriteManifest(entry);

        AssertRefused("$.images[0].checksum", string.Empty);
    }

    [Test]
    public void Load_BytesMissing_RefusedNamingBytes()
    {
        var entry = Entry("weights");
        entry.Remove("bytes");
        WriteManifest(entry);

        AssertRefused("$.images[0].bytes", "missing");
    }

    [TestCase(0L)]
    [TestCase(-1L)]
    [TestCase(-8L)]
    [TestCase(PayloadImageManifest.MaxImageBytes + 1)]
    [TestCase(long.MaxValue)]
    public void Load_BytesOutOfRange_RefusedNamingBytes(long bytes)
    {
        WriteManifest(Entry("weights", bytes: bytes));

        AssertRefused("$.images[0].bytes", "1 to " + PayloadImageManifest.MaxImageBytes);
    }

    [TestCase("1.5")]
    [TestCase("1e30")]
    [TestCase("\"64\"")]
    [TestCase("null")]
    [TestCase("true")]
    public void Load_BytesNotAWholeNumber_RefusedNamingBytes(string bytes)
    {
        WriteRaw("bytes", bytes);

        AssertRefused("$.images[0].bytes", "whole number");
    }

    [TestCase("Urgent")]
    [TestCase("high")]
    [TestCase("HIGH")]
    [TestCase("99")]
    [TestCase("-1")]
    public void Load_BadImportance_RefusedNamingImportanceAndListingTheChoices(string importance)
    {
        var entry = Entry("weights");
        entry["importance"] = importance;
        WriteManifest(entry);

        var exception = AssertRefused("$.images[0].importance", importance);
        Assert.That(exception.Message, Does.Contain("Low").And.Contain("Normal").And.Contain("High").And.Contain("Critical"));
    }

    [TestCase(0)]
    [TestCase(3)]
    [TestCase(16)]
    [TestCase(-1)]
    public void Load_BadInterleave_RefusedNamingInterleave(int interleave)
    {
        WriteManifest(Entry("weights", interleave: interleave));

        AssertRefused("$.images[0].interleave", "1, 2, 4, 8");
    }

    [TestCase("\"2\"")]
    [TestCase("2.5")]
    [TestCase("null")]
    public void Load_InterleaveNotAWholeNumber_RefusedNamingInterleave(string interleave)
    {
        WriteRaw("interleave", interleave);

        AssertRefused("$.images[0].interleave", "1, 2, 4, 8");
    }

    [TestCase(24, 2)]
    [TestCase(48, 4)]
    [TestCase(8, 8)]
    [TestCase(72, 8)]
    public void Load_WordsNotMultipleOfInterleave_RefusedNamingInterleave(long bytes, int interleave)
    {
        WriteManifest(Entry("weights", bytes: bytes, interleave: interleave));

        AssertRefused("$.images[0].interleave", "words");
    }

    [TestCase(16, 2)]
    [TestCase(64, 8)]
    [TestCase(57, 8)]
    public void Load_WordsMultipleOfInterleave_Accepted(long bytes, int interleave)
    {
        WriteManifest(Entry("weights", bytes: bytes, interleave: interleave));

        Assert.That(PayloadImageManifest.Load(_directory).Single().InterleaveDepth, Is.EqualTo(interleave));
    }

    [Test]
    public void Load_DuplicateRegion_RefusedNamingTheRegion()
    {
        var second = Entry("other");
        second["region"] = "weights";
        WriteManifest(Entry("weights"), Entry("middle"), second);

        AssertRefused("$.images", "'weights' and 'weights' are the same region");
    }

    [Test]
    public void Load_NamesWithTheSameTelemetryStem_Refused()
    {
        var second = Entry("other");
        second["region"] = "pay.load";
        WriteManifest(Entry("pay-load"), second);

        AssertRefused("$.images", "'pay-load' and 'pay.load'");
    }

    [Test]
    public void Load_RegionNameWithASpace_RefusedNamingTheField()
    {
        var entry = Entry("weights");
        entry["region"] = "payload weights";
        WriteManifest(entry);

        AssertRefused("$.images[0].region", "'payload weights' is not a region name");
    }

    [Test]
    public void Load_NumericImportance_Refused()
    {
        var entry = Entry("weights");
        entry["importance"] = "2";
        WriteManifest(entry);

        AssertRefused("$.images[0].importance", "'2' is not one of");
    }

    [Test]
    public void DefaultDirectory_VariableUnset_IsImagesBesideTheExecutable()
    {
        string? saved = Environment.GetEnvironmentVariable(PayloadImageManifest.DirectoryEnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable(PayloadImageManifest.DirectoryEnvironmentVariable, null);

            Assert.That(PayloadImageManifest.DefaultDirectory(), Is.EqualTo(ShippedDirectory));
        }
        finally
        {
            Environment.SetEnvironmentVariable(PayloadImageManifest.DirectoryEnvironmentVariable, saved);
        }
    }

    [Test]
    public void DefaultDirectory_VariableSet_IsThatFolder()
    {
        string? saved = Environment.GetEnvironmentVariable(PayloadImageManifest.DirectoryEnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable(PayloadImageManifest.DirectoryEnvironmentVariable, _directory);

            Assert.That(PayloadImageManifest.DefaultDirectory(), Is.EqualTo(Path.GetFullPath(_directory)));
        }
        finally
        {
            Environment.SetEnvironmentVariable(PayloadImageManifest.DirectoryEnvironmentVariable, saved);
        }
    }

    private static JsonObject Entry(string region, long bytes = 64, string importance = "Normal", int interleave = 1) => new()
    {
        ["region"] = region,
        ["file"] = region + ".bin",
        ["bytes"] = bytes,
        ["checksum"] = ValidChecksum,
        ["importance"] = importance,
        ["interleave"] = interleave,
    };

    private void WriteManifest(params JsonObject[] entries)
    {
        var images = new JsonArray();
        foreach (var entry in entries)
        {
            images.Add(entry);
        }

        File.WriteAllText(ManifestPath, new JsonObject { ["images"] = images }.ToJsonString());
    }

    /// <summary>Writes one entry whose <paramref name="field"/> holds the raw JSON <paramref name="json"/>.</summary>
    private void WriteRaw(string field, string json)
    {
        var entry = Entry("weights");
        entry[field] = "__RAW__";
        string text = new JsonObject { ["images"] = new JsonArray(entry) }.ToJsonString()
            .Replace("\"__RAW__\"", json, StringComparison.Ordinal);
        File.WriteAllText(ManifestPath, text);
    }

    private InvalidDataException AssertRefused(string jsonPath, string reason)
    {
        var exception = Assert.Throws<InvalidDataException>(() => PayloadImageManifest.Load(_directory))!;
        Assert.Multiple(() =>
        {
            Assert.That(exception.Message, Does.Contain(ManifestPath), "names the file");
            Assert.That(exception.Message, Does.Contain($": {jsonPath}: "), "names the field");
            Assert.That(exception.Message, Does.Contain(reason), "gives the reason");
        });
        return exception;
    }
}
