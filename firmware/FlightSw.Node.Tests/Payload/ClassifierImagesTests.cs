using System.Buffers.Binary;
using FlightSw.Inference.Models.Zoo;

namespace FlightSw.Node.Tests.Payload;

/// <summary>
/// <c>images/classifier.onnx</c> and <c>images/classifier-samples.bin</c> are made from the model
/// zoo, never edited by hand: this is their recipe (also in images/README.md), and these tests
/// regenerate both and compare them byte for byte, so they cannot drift from it.
/// </summary>
public sealed class ClassifierImagesTests
{
    /// <summary>Number of samples: inputs of seeds 1 to 16.</summary>
    private const int SampleCount = 16;

    /// <summary>The node's model: MobileNet-style, 32x32 RGB input, width 1, 10 classes, weight seed 1, a Flatten node (the zoo's defaults but the input size, spelt out).</summary>
    private static ZooModel Classifier() => MobileNetStyle.Build(new MobileNetStyleOptions
    {
        InputSize = 32,
        WidthMultiplier = 1.0,
        Classes = 10,
        Seed = 1,
        Flatten = FlattenStyle.FlattenNode,
    });

    /// <summary><see cref="ZooModel.RandomInput"/> of seeds 1 to 16, one after another, as raw little-endian float32.</summary>
    private static byte[] Samples(ZooModel model)
    {
        var bytes = new byte[SampleCount * model.InputLength * sizeof(float)];
        for (int s = 0; s < SampleCount; s++)
        {
            float[] input = model.RandomInput(s + 1);
            for (int i = 0; i < input.Length; i++)
            {
                BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(((s * model.InputLength) + i) * sizeof(float)), input[i]);
            }
        }

        return bytes;
    }

    [Test]
    public void ClassifierOnnx_RegeneratedFromTheZoo_IsByteIdentical()
    {
        byte[] shipped = File.ReadAllBytes(Path.Combine(ImagesFolder.Shipped, "classifier.onnx"));

        Assert.That(Classifier().Onnx, Is.EqualTo(shipped));
    }

    [Test]
    public void ClassifierSamples_RegeneratedFromTheZoo_AreByteIdentical()
    {
        byte[] shipped = File.ReadAllBytes(Path.Combine(ImagesFolder.Shipped, "classifier-samples.bin"));

        Assert.That(Samples(Classifier()), Is.EqualTo(shipped));
    }
}
