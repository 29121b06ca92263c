namespace FlightSw.Sim.Tests.Scenarios;

/// <summary>The repository's shipped scenario files, found by walking up from the test directory.</summary>
internal static class RepoScenarios
{
    private static readonly Lazy<string> DirectoryPath = new(Find);

    /// <summary>Full path of the repository's <c>sim/scenarios/</c> directory.</summary>
    public static string Directory => DirectoryPath.Value;

    /// <summary>Names of the scenario files the repository ships, sorted.</summary>
    public static readonly IReadOnlyList<string> ShippedNames =
        ["nominal-500km", "saa-heavy", "solar-storm", "undersized-battery"];

    /// <summary>Path of the shipped file of scenario <paramref name="name"/>.</summary>
    public static string PathOf(string name) => Path.Combine(Directory, name + ".json");

    private static string Find()
    {
        for (var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "sim", "scenarios");
            if (File.Exists(Path.Combine(candidate, "nominal-500km.json")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"No sim/scenarios/nominal-500km.json above {TestContext.CurrentContext.TestDirectory}");
    }
}
