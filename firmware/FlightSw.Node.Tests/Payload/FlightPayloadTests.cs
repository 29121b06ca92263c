using System.Text.Json.Nodes;
using FlightSw.Edac.Scrubbing;
using FlightSw.Node.Payload;

namespace FlightSw.Node.Tests.Payload;

public sealed class FlightPayloadTests
{
    private ImagesFolder _images = null!;

    [SetUp]
    public void CopyImages() => _images = new ImagesFolder();

    [TearDown]
    public void DeleteImages() => _images.Dispose();

    [Test]
    public void Load_ShippedFolder_ThePayloadImageAndTheClassifier()
    {
        var payload = FlightPayload.Load(ImagesFolder.Shipped);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(payload.Images.Select(image => image.Region), Is.EqualTo(new[] { "payload-weights" }));
            Assert.That(payload.Inference, Is.Not.Null);
            Assert.That(payload.Inference!.Settings.Region, Is.EqualTo("classifier"));
        }
    }

    [Test]
    public void Load_NoInferenceManifest_ImagesWithoutInference()
    {
        File.Delete(_images.InferenceManifestPath);

        var payload = FlightPayload.Load(_images.Folder);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(payload.Images, Has.Count.EqualTo(1));
            Assert.That(payload.Inference, Is.Null);
        }
    }

    [Test]
    public void Load_EmptyFolder_NothingAtAll()
    {
        foreach (string file in Directory.GetFiles(_images.Folder))
        {
            File.Delete(file);
        }

        var payload = FlightPayload.Load(_images.Folder);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(payload.Images, Is.Empty);
            Assert.That(payload.Inference, Is.Null);
        }
    }

    [Test]
    public void Load_ModelRegionSharingTelemetryNamesWithAnImage_RefusedNamingBoth()
    {
        string images = Path.Combine(_images.Folder, PayloadImageManifest.FileName);
        File.WriteAllText(images, File.ReadAllText(images).Replace("\"region\": \"payload-weights\"", "\"region\": \"classifier-r1\"", StringComparison.Ordinal));

        var exception = Assert.Throws<InvalidDataException>(() => FlightPayload.Load(_images.Folder))!;

        Assert.That(exception.Message, Does.Contain(_images.InferenceManifestPath + ": $.region: ").And.Contain("'classifier-r1'").And.Contain("classifier.r1"));
    }

    [Test]
    public void Load_MoreRegionsThanTheScrubberReports_Refused()
    {
        var entries = new JsonArray();
        for (int i = 0; i < Scrubber.MaxRegions - 2; i++)
        {
            entries.Add(new JsonObject
            {
                ["region"] = $"image{i}",
                ["file"] = "payload-weights.bin",
                ["bytes"] = 8,
                ["checksum"] = "crc32c:00000000",
                ["importance"] = "Low",
            });
        }

        File.WriteAllText(Path.Combine(_images.Folder, PayloadImageManifest.FileName), new JsonObject { ["images"] = entries }.ToJsonString());

        Assert.That(() => FlightPayload.Load(_images.Folder), Throws.InstanceOf<InvalidDataException>()
            .With.Message.Contain($"at most {Scrubber.MaxRegions} regions").And.Message.Contain($"would be {Scrubber.MaxRegions + 1}"));
    }

    [Test]
    public void Load_InferenceManifestMalformed_RefusedEvenWithGoodImages()
    {
        _images.SetInferenceField("protection", "Quadruple");

        Assert.That(() => FlightPayload.Load(_images.Folder), Throws.InstanceOf<InvalidDataException>().With.Message.Contain("$.protection"));
    }
}
