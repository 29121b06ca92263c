using System.Text.Json.Nodes;

namespace FlightSw.Hal.Tests.Boards;

/// <summary>The repository's shipped board files, found by walking up from the test directory.</summary>
internal static class RepoBoards
{
    private static readonly Lazy<string> DirectoryPath = new(Find);

    /// <summary>Full path of the repository's <c>boards/</c> directory.</summary>
    public static string Directory => DirectoryPath.Value;

    /// <summary>Names of the board files the repository ships.</summary>
    public static readonly IReadOnlyList<string> ShippedNames =
        ["beaglebone-black", "jetson-orin-nano", "meadow-f7v2", "rpi-zero2w", "rpi4", "rpi5", "sim"];

    /// <summary>Path of the shipped file of board <paramref name="name"/>.</summary>
    public static string PathOf(string name) => Path.Combine(Directory, name + ".json");

    /// <summary>The shipped file of board <paramref name="name"/> as a mutable JSON object.</summary>
    public static JsonObject Json(string name) => JsonNode.Parse(File.ReadAllText(PathOf(name)))!.AsObject();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "boards");
            if (File.Exists(Path.Combine(candidate, "sim.json")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"No boards/sim.json above {TestContext.CurrentContext.TestDirectory}");
    }
}
