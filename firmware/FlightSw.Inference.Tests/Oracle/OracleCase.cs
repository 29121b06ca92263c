namespace FlightSw.Inference.Tests.Oracle;

/// <summary>
/// One differential test case: a scenario name and how to build its model (built when the test
/// runs, not when tests are discovered).
/// </summary>
public sealed class OracleCase(string scenario, Func<OracleModel> build)
{
    public string Scenario => scenario;

    /// <summary>The test case, named <c>Run_{scenario}_MatchesOnnxRuntime</c>.</summary>
    public static TestCaseData Named(string scenario, Func<OracleModel> build) =>
        new TestCaseData(new OracleCase(scenario, build)).SetName($"Run_{scenario}_MatchesOnnxRuntime");

    public OracleModel Build() => build();

    public override string ToString() => scenario;
}
