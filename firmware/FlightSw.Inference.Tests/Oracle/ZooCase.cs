using FlightSw.Inference.Models.Zoo;

namespace FlightSw.Inference.Tests.Oracle;

/// <summary>A zoo model as a test case: a scenario name and how to build it (built when the test runs).</summary>
public sealed class ZooCase(string scenario, Func<ZooModel> build)
{
    public ZooModel Build() => build();

    public override string ToString() => scenario;
}
