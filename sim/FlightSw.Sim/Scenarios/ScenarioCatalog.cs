using FlightSw.Hal.Configuration;

namespace FlightSw.Sim.Scenarios;

/// <summary>
/// The scenario files of one directory (<c>sim/scenarios/</c>, or <c>scenarios/</c> beside the
/// executable): which scenarios exist, and loading one by name.
/// </summary>
public sealed class ScenarioCatalog
{
    /// <summary>Environment variable that, when set, names the scenario directory for <see cref="Locate()"/>.</summary>
    public const string DirectoryEnvironmentVariable = "FLIGHTSW_SCENARIOS_DIR";

    /// <summary>Name of the scenario folder beside the executable.</summary>
    public const string FolderName = "scenarios";

    /// <summary>Path of the scenario folder in a repository checkout, relative to its root.</summary>
    public static readonly string RepositoryFolder = Path.Combine("sim", FolderName);

    private static readonly ConfigurationFolder Folder = new("scenario", DirectoryEnvironmentVariable, FolderName, RepositoryFolder);

    /// <summary>Opens the catalog in <paramref name="directory"/>.</summary>
    /// <exception cref="DirectoryNotFoundException"><paramref name="directory"/> does not exist.</exception>
    public ScenarioCatalog(string directory)
    {
        Directory = Folder.Open(directory);
    }

    /// <summary>Full path of the scenario directory.</summary>
    public string Directory { get; }

    /// <summary>
    /// Names of the scenarios in the directory, sorted ordinally: every <c>*.json</c> file's name
    /// without extension, except <c>*.schema.json</c>. Read from the directory on each call.
    /// </summary>
    public IReadOnlyList<string> Names =>
        ConfigurationFolder.JsonFileNames(Directory, f => f.EndsWith(".schema.json", StringComparison.Ordinal));

    /// <summary>
    /// Loads and validates the scenario called <paramref name="name"/>, matched case-insensitively
    /// (an exact match wins); the scenario's <see cref="Scenario.Name"/> is the file's own name.
    /// </summary>
    /// <exception cref="UnknownScenarioException">No scenario file has that name; the exception lists those that do.</exception>
    /// <exception cref="ScenarioException">The scenario file breaks a rule.</exception>
    public Scenario Load(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var names = Names;
        var match = names.FirstOrDefault(n => string.Equals(n, name, StringComparison.Ordinal))
            ?? names.FirstOrDefault(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new UnknownScenarioException(name, names);
        return ScenarioLoader.Load(Path.Combine(Directory, match + ".json"));
    }

    /// <summary>
    /// Finds the scenario directory: the one named by the environment variable
    /// <c>FLIGHTSW_SCENARIOS_DIR</c> when it is set; else <c>scenarios/</c> beside the executable
    /// (<see cref="AppContext.BaseDirectory"/>, where the build copies the scenario files); else the
    /// first <c>sim/scenarios/</c> found walking up from that base directory (a repository checkout).
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">None of these exists; the message says where it looked.</exception>
    public static ScenarioCatalog Locate() =>
        Locate(System.Environment.GetEnvironmentVariable(DirectoryEnvironmentVariable), AppContext.BaseDirectory);

    /// <summary><see cref="Locate()"/> with its inputs given (for tests and tools).</summary>
    /// <param name="environmentValue">The value of <c>FLIGHTSW_SCENARIOS_DIR</c>, or null when unset.</param>
    /// <param name="baseDirectory">The executable's directory.</param>
    /// <exception cref="DirectoryNotFoundException">None of the places exists; the message says where it looked.</exception>
    public static ScenarioCatalog Locate(string? environmentValue, string baseDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(baseDirectory);
        return new ScenarioCatalog(Folder.Locate(environmentValue, baseDirectory, baseDirectory));
    }
}
