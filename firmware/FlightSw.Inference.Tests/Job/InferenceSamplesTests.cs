using System.Buffers.Binary;
using FlightSw.Inference.Job;

namespace FlightSw.Inference.Tests.Job;

public class InferenceSamplesTests
{
    private string _folder = "";

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("flightsw-samples-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    /// <summary>Writes <paramref name="values"/> as little-endian float32 to a file and returns its path.</summary>
    private string WriteFloats(string name, params float[] values)
    {
        var bytes = new byte[values.Length * sizeof(float)];
        for (int i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * sizeof(float)), values[i]);
        }

        string path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Test]
    public void FromFile_WholeSamples_ReadsThemLittleEndianInOrder()
    {
        string path = WriteFloats("two.f32", 1.5f, -2f, 3.25f, 4f, 5f, -6.5f);

        var samples = InferenceSamples.FromFile(path, 3);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(samples.Count, Is.EqualTo(2));
            Assert.That(samples.SampleLength, Is.EqualTo(3));
            Assert.That(samples[0].ToArray(), Is.EqualTo(new[] { 1.5f, -2f, 3.25f }));
            Assert.That(samples[1].ToArray(), Is.EqualTo(new[] { 4f, 5f, -6.5f }));
        }
    }

    [Test]
    public void FromFile_LengthNotAWholeNumberOfSamples_ThrowsNamingFileLengthAndSampleSize()
    {
        string path = WriteFloats("short.f32", 1f, 2f, 3f, 4f);

        var error = Assert.Throws<InvalidDataException>(() => InferenceSamples.FromFile(path, 3));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error!.Message, Does.Contain(path));
            Assert.That(error.Message, Does.Contain("16 bytes long"));
            Assert.That(error.Message, Does.Contain("3 float32 (12 bytes each)"));
        }
    }

    [Test]
    public void FromFile_EmptyFile_Throws()
    {
        string path = WriteFloats("empty.f32");

        Assert.That(() => InferenceSamples.FromFile(path, 3), Throws.InstanceOf<InvalidDataException>().With.Message.Contains("0 bytes long"));
    }

    [Test]
    public void FromFile_SampleLengthNotPositive_Throws()
    {
        string path = WriteFloats("one.f32", 1f);

        Assert.That(() => InferenceSamples.FromFile(path, 0), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void Indexer_PastTheEnd_WrapsAround()
    {
        var samples = new InferenceSamples([[1f], [2f], [3f]]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(samples[3][0], Is.EqualTo(1f));
            Assert.That(samples[7][0], Is.EqualTo(2f));
            Assert.That(samples[long.MaxValue][0], Is.EqualTo(2f), "long.MaxValue % 3 == 1");
            Assert.That(() => samples[-1].ToArray(), Throws.InstanceOf<ArgumentOutOfRangeException>());
        }
    }

    [Test]
    public void Constructor_SamplesOfDifferentLengths_Throws()
    {
        Assert.That(() => new InferenceSamples([[1f, 2f], [3f]]), Throws.ArgumentException.With.Message.Contains("Sample 1 holds 1 floats"));
    }

    [Test]
    public void Constructor_NoSamples_Throws()
    {
        Assert.That(() => new InferenceSamples([]), Throws.ArgumentException);
    }

    [Test]
    public void Constructor_CallerChangesItsArrayAfterwards_SampleIsUnchanged()
    {
        float[] sample = [1f, 2f];
        var samples = new InferenceSamples([sample]);

        sample[0] = 99f;

        Assert.That(samples[0][0], Is.EqualTo(1f));
    }
}
