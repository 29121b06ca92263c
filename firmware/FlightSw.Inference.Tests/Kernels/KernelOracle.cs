using FlightSw.Inference.Models;
using FlightSw.Inference.Tests.Oracle;

namespace FlightSw.Inference.Tests.Kernels;

/// <summary>Test data for the kernel tests, and ONNX Runtime runs of one-operator models to cross-check them.</summary>
internal static class KernelOracle
{
    /// <summary>Seeded values uniform in [-4, 4].</summary>
    public static float[] Values(int count, int seed) => new SeededValues(seed).Uniform(count, -4, 4);

    /// <summary>
    /// Runs a model with one float input "x" of <paramref name="shape"/> through ONNX Runtime;
    /// <paramref name="build"/> adds the nodes and returns the output's name.
    /// </summary>
    public static NamedTensor Run(float[] x, int[] shape, Func<ModelBuilder, string, string> build, long opset = 13)
    {
        var builder = new ModelBuilder("kernel", opset);
        string input = builder.Input("x", shape);
        builder.Output(build(builder, input));
        return OnnxRuntimeOracle.Run(builder.ToBytes(), [new NamedTensor("x", x, shape)])[0];
    }

    /// <summary>Managed bytes <paramref name="call"/> allocates on its second run (the first warms up the JIT and statics).</summary>
    public static long AllocatedBytesWhenWarm(Action call)
    {
        call();
        long before = GC.GetAllocatedBytesForCurrentThread();
        call();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    /// <summary>Bit patterns, so NaN payloads and signed zeros compare exactly.</summary>
    public static int[] Bits(ReadOnlySpan<float> values)
    {
        var bits = new int[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            bits[i] = BitConverter.SingleToInt32Bits(values[i]);
        }

        return bits;
    }
}
