using System.Globalization;
using System.Text;

namespace FlightSw.Inference.Tests.Oracle;

/// <summary>Runs a model on ONNX Runtime and on the managed engine and asserts that their outputs agree.</summary>
public static class Differential
{
    private const int MismatchesShown = 8;

    /// <summary>Runs <paramref name="model"/> on both engines and asserts every output element agrees within the model's tolerance.</summary>
    public static void AssertAgrees(OracleModel model)
    {
        var expected = OnnxRuntimeOracle.Run(model.Onnx, model.Inputs);
        var actual = ManagedEngine.Run(model.Onnx, model.Inputs);
        AssertClose(actual, expected, model.Tolerance);
    }

    /// <summary>Asserts the managed engine's <paramref name="actual"/> outputs have ORT's names, shapes and values within <paramref name="tolerance"/>.</summary>
    public static void AssertClose(IReadOnlyList<NamedTensor> actual, IReadOnlyList<NamedTensor> expected, Tolerance tolerance)
    {
        Assert.That(actual.Select(output => output.Name), Is.EqualTo(expected.Select(output => output.Name)), "output names");
        for (int index = 0; index < expected.Count; index++)
        {
            Assert.That(actual[index].Shape, Is.EqualTo(expected[index].Shape), $"shape of output '{expected[index].Name}'");
            string? report = Compare(actual[index].Values, expected[index].Values, tolerance);
            Assert.That(report, Is.Null, $"output '{expected[index].Name}' {expected[index]} within {tolerance}");
        }
    }

    /// <summary>Null when every element agrees; otherwise how many do not, the largest difference and the first few.</summary>
    public static string? Compare(ReadOnlySpan<float> actual, ReadOnlySpan<float> expected, Tolerance tolerance)
    {
        if (actual.Length != expected.Length)
        {
            return $"{actual.Length} elements, expected {expected.Length}";
        }

        int mismatches = 0;
        double largest = 0;
        var first = new StringBuilder();
        for (int i = 0; i < expected.Length; i++)
        {
            if (tolerance.Accepts(actual[i], expected[i]))
            {
                continue;
            }

            mismatches++;
            double difference = Math.Abs((double)actual[i] - expected[i]);
            largest = double.IsNaN(difference) ? double.NaN : Math.Max(largest, difference);
            if (mismatches <= MismatchesShown)
            {
                first.Append(CultureInfo.InvariantCulture, $"\n  [{i}] managed {actual[i]:R}, ORT {expected[i]:R}");
            }
        }

        return mismatches == 0
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"{mismatches} of {expected.Length} elements differ, largest difference {largest:G3}:{first}");
    }
}
