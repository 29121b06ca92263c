using FlightSw.Inference.Protection;

namespace FlightSw.Inference.Tests.Execution;

public class SmokeTests
{
    [Test]
    public void Run_EveryMode_SameBits()
    {
        var bytes = SmallModels.ConvNet();
        var input = SmallModels.Input(1, 3 * 12 * 12);
        float[]? first = null;
        foreach (var mode in Enum.GetValues<ProtectionMode>())
        {
            var model = InferenceModel.Load(bytes, new InferenceOptions { Protection = mode });
            var output = new float[5];
            var result = model.Run(input, output);
            TestContext.Out.WriteLine($"{mode}: {result} {string.Join(", ", output)}");
            first ??= output;
            Assert.That(output, Is.EqualTo(first));
        }
    }
}
