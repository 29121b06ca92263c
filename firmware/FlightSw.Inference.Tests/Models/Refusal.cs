using FlightSw.Inference.Models;

namespace FlightSw.Inference.Tests.Models;

/// <summary>Loads a model expected to be refused and checks the message names the source, the subject and the reason.</summary>
internal static class Refusal
{
    public const string Source = "model.onnx";

    public static ModelLoadException Of(byte[] onnx, IReadOnlyDictionary<string, int>? dimensions = null) =>
        Assert.Throws<ModelLoadException>(() => OnnxModelLoader.Load(onnx, Source, dimensions))!;

    /// <summary>Asserts the refusal is about <paramref name="subject"/> (e.g. <c>Conv node 'c'</c>) for a reason containing each of <paramref name="reason"/>.</summary>
    public static void Expect(byte[] onnx, string subject, params string[] reason) => Expect(Of(onnx), subject, reason);

    public static void Expect(ModelLoadException refusal, string subject, params string[] reason)
    {
        Assert.Multiple(() =>
        {
            Assert.That(refusal.ModelSource, Is.EqualTo(Source));
            Assert.That(refusal.Node, Is.EqualTo(subject));
            Assert.That(refusal.Message, Does.StartWith(subject == Source ? $"{Source}: " : $"{Source}: {subject}: "));
            foreach (string part in reason)
            {
                Assert.That(refusal.Reason, Does.Contain(part));
            }
        });
    }

    /// <summary>A model x -> node -> output, with <paramref name="build"/> adding the node and returning its output.</summary>
    public static byte[] Model(int[] inputShape, Func<ModelBuilder, string, string> build, long opset = 13)
    {
        var builder = new ModelBuilder(opset: opset);
        builder.Output(build(builder, builder.Input("x", inputShape)));
        return builder.ToBytes();
    }
}
