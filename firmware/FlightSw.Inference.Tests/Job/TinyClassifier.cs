using FlightSw.Inference.Job;
using FlightSw.Inference.Models;
using FlightSw.Inference.Protection;

namespace FlightSw.Inference.Tests.Job;

/// <summary>
/// A three-class classifier small enough to reason about: x [1, 4] -> Gemm "fc" (4 -> 3,
/// transB) -> Softmax. Class c's weights are 1 on input c and 0.1 elsewhere, and the biases
/// grow with the class, so a one-hot sample on input c is class c, and one on input 3 (which
/// every class weighs 0.1) goes to the largest bias, class 2.
/// </summary>
internal static class TinyClassifier
{
    /// <summary>The weighted layer, by its node name.</summary>
    public const string Layer = "fc";

    /// <summary>Prefix of the weight regions: <c>tiny.r0</c>, <c>tiny.r1</c>...</summary>
    public const string RegionPrefix = "tiny";

    /// <summary>Floats in an input.</summary>
    public const int InputLength = 4;

    /// <summary>The class of each of <see cref="Samples"/>, in order.</summary>
    public static readonly int[] ExpectedClasses = [0, 1, 2, 2];

    private static readonly Lazy<byte[]> Onnx = new(Build);

    /// <summary>One-hot samples on inputs 0 to 3.</summary>
    public static InferenceSamples Samples() =>
        new([[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]]);

    /// <summary>Loads the model under <paramref name="protection"/>.</summary>
    public static InferenceModel Load(ProtectionMode protection = ProtectionMode.None) =>
        InferenceModel.Load(Onnx.Value, new InferenceOptions { Protection = protection, RegionPrefix = RegionPrefix }, "tiny");

    private static byte[] Build()
    {
        var weights = new float[3 * InputLength];
        for (int c = 0; c < 3; c++)
        {
            for (int j = 0; j < InputLength; j++)
            {
                weights[(c * InputLength) + j] = c == j ? 1f : 0.1f;
            }
        }

        var builder = new ModelBuilder("tiny");
        string x = builder.Input("x", 1, InputLength);
        string w = builder.Initializer("w", weights, 3, InputLength);
        string b = builder.Initializer("b", [0.01f, 0.02f, 0.03f], 3);
        string logits = builder.Node("Gemm", [x, w, b], Layer, ("transB", 1));
        builder.Output(builder.Node("Softmax", [logits], "softmax", ("axis", 1)));
        return builder.ToBytes();
    }
}
