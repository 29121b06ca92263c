using FlightSw.Edac.Golden;
using FlightSw.Inference.Models;
using FlightSw.Inference.Protection;
using FlightSw.Node.Payload;

namespace FlightSw.Node.Tests.Payload;

public sealed class InferencePayloadTests
{
    private ImagesFolder _images = null!;

    [SetUp]
    public void CopyImages() => _images = new ImagesFolder();

    [TearDown]
    public void DeleteImages() => _images.Dispose();

    [Test]
    public void Load_ShippedPayload_SixteenSamplesOfTheModelsInputAndThreeReplicaRegions()
    {
        var payload = InferencePayload.Load(InferenceManifest.Load(ImagesFolder.Shipped)!);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(payload.Samples.Count, Is.EqualTo(16));
            Assert.That(payload.Samples.SampleLength, Is.EqualTo(3 * 32 * 32));
            Assert.That(payload.RegionNames, Is.EqualTo(new[] { "classifier.r0", "classifier.r1", "classifier.r2" }));
        }
    }

    [Test]
    public void CreateModel_EachCall_AFreshModelWithItsOwnRegions()
    {
        var payload = InferencePayload.Load(InferenceManifest.Load(ImagesFolder.Shipped)!);

        var first = payload.CreateModel();
        var second = payload.CreateModel();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(second, Is.Not.SameAs(first));
            Assert.That(second.Regions[0], Is.Not.SameAs(first.Regions[0]), "a boot must not inherit the last boot's memory");
            Assert.That(first.Protection, Is.EqualTo(ProtectionMode.Tmr));
            Assert.That(first.Regions.Select(region => region.Name), Is.EqualTo(payload.RegionNames));
        }
    }

    [Test]
    public void CreateModel_FileChangedAfterLoad_StillBuildsFromTheVerifiedBytes()
    {
        var payload = InferencePayload.Load(InferenceManifest.Load(_images.Folder)!);
        var before = payload.CreateModel();

        File.WriteAllBytes(_images.FileNamed("classifier.onnx"), [1, 2, 3]);
        var after = payload.CreateModel();

        Assert.That(after.Regions[0].Raw<ulong>().ToArray(), Is.EqualTo(before.Regions[0].Raw<ulong>().ToArray()));
    }

    [Test]
    public void CreateJob_Always_HasTheManifestsPeriodAndTheSamples()
    {
        _images.SetInferenceField("periodSeconds", 42.5);
        var payload = InferencePayload.Load(InferenceManifest.Load(_images.Folder)!);

        var job = payload.CreateJob(payload.CreateModel(), TimeProvider.System);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(job.Samples, Is.SameAs(payload.Samples));
            Assert.That(job.Parameters.Single(p => p.Name == "INFER_PERIOD_S").DefaultText, Is.EqualTo("42.5"));
        }
    }

    [Test]
    public void Load_ModelNotMatchingItsChecksum_RefusedNeverLoaded()
    {
        byte[] model = File.ReadAllBytes(_images.FileNamed("classifier.onnx"));
        model[1000] ^= 0x01;
        File.WriteAllBytes(_images.FileNamed("classifier.onnx"), model);
        string actual = GoldenChecksum.Compute(GoldenChecksumAlgorithm.Sha256, model).ToString();

        var exception = AssertRefused("$.checksum", $"has checksum {actual}, not sha256:");

        Assert.That(exception.Message, Does.Contain("refused, not loaded").And.Contain(_images.FileNamed("classifier.onnx")));
    }

    [Test]
    public void Load_ChecksumOfAnotherFile_Refused()
    {
        _images.SetInferenceField("checksum", GoldenChecksum.Compute(GoldenChecksumAlgorithm.Crc32C, [1, 2, 3]).ToString());

        AssertRefused("$.checksum", "not crc32c:");
    }

    [Test]
    public void Load_ModelFileMissing_RefusedNamingModel()
    {
        File.Delete(_images.FileNamed("classifier.onnx"));

        AssertRefused("$.model", "cannot be read");
    }

    [Test]
    public void Load_ModelNotOnnx_RefusedNamingModelWithTheLoadersReason()
    {
        byte[] garbage = [.. Enumerable.Range(0, 64).Select(i => (byte)(0xA5 ^ i))];
        File.WriteAllBytes(_images.FileNamed("classifier.onnx"), garbage);
        _images.SetInferenceField("checksum", GoldenChecksum.Compute(GoldenChecksumAlgorithm.Sha256, garbage).ToString());

        AssertRefused("$.model", _images.FileNamed("classifier.onnx"));
    }

    [Test]
    public void Load_ModelWithTwoOutputs_RefusedWithTheJobsReason()
    {
        var builder = new ModelBuilder("two");
        string x = builder.Input("x", 1, 4);
        builder.Output(builder.Node("Relu", [x], "a"));
        builder.Output(builder.Node("Sigmoid", [x], "b"));
        WriteModel(builder.ToBytes());

        AssertRefused("$.model", "2 output(s)");
    }

    [Test]
    public void Load_SamplesFileMissing_RefusedNamingSamples()
    {
        File.Delete(_images.FileNamed("classifier-samples.bin"));

        AssertRefused("$.samples", "classifier-samples.bin");
    }

    [Test]
    public void Load_SamplesNotWholeInputs_RefusedNamingSamplesAndTheSizes()
    {
        File.WriteAllBytes(_images.FileNamed("classifier-samples.bin"), new byte[(3 * 32 * 32 * 4) + 4]);

        AssertRefused("$.samples", "3072 float32 (12288 bytes each)");
    }

    [Test]
    public void Load_SamplesOfAnotherModelsInput_RefusedNamingTheModelsInput()
    {
        var builder = new ModelBuilder("wide");
        string x = builder.Input("x", 1, 3072 * 2);
        builder.Output(builder.Node("Relu", [x], "relu"));
        WriteModel(builder.ToBytes());
        File.WriteAllBytes(_images.FileNamed("classifier-samples.bin"), new byte[3072 * 4 * 3]);

        AssertRefused("$.samples", "6144 float32");
    }

    private void WriteModel(byte[] onnx)
    {
        File.WriteAllBytes(_images.FileNamed("classifier.onnx"), onnx);
        _images.SetInferenceField("checksum", GoldenChecksum.Compute(GoldenChecksumAlgorithm.Sha256, onnx).ToString());
    }

    private InvalidDataException AssertRefused(string jsonPath, string reason)
    {
        var settings = InferenceManifest.Load(_images.Folder)!;
        var exception = Assert.Throws<InvalidDataException>(() => InferencePayload.Load(settings))!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exception.Message, Does.Contain(_images.InferenceManifestPath), "names the manifest");
            Assert.That(exception.Message, Does.Contain($": {jsonPath}: "), "names the field");
            Assert.That(exception.Message, Does.Contain(reason), "gives the reason");
        }

        return exception;
    }
}
