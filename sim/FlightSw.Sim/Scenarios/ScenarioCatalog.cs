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

    /// <summary>Opens the catalog in <paramref name="directory"/>.</summary>
    /// <exception cref="DirectoryNotFoundException"><paramref name="directory"/> does not exist.</exception>
    public ScenarioCatalog(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        var full = Path.GetFullPath(directory);
        if (!System.IO.Directory.Exists(full))
        {
            throw new DirectoryNotFoundException($"Scenario directory '{full}' does not exist.");
        }

        Directory = full;
    }

    /// <summary>Full path of the scenario directory.</summary>
    public string Directory { get; }

    /// <summary>
    /// Names of the scenarios in the directory, sorted ordinally: every <c>*.json</c> file's name
    /// without extension, except <c>*.schema.json</c>. Read from the directory on each call.
    /// </summary>
    public IReadOnlyList<string> Names =>
        System.IO.Directory.EnumerateFiles(Directory, "*.json")
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(f => f.EndsWith(".json", StringComparison.Ordinal))
            .Where(f => !f.EndsWith(".schema.json", StringComparison.Ordinal))
            .Select(Path.GetFileNameWithoutExtension)
            .OfType<string>()
            .Order(StringComparer.Ordinal)
            .ToArray();

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
        if (!string.IsNullOrWhiteSpace(environmentValue))
        {
            var fromEnvironment = Path.GetFullPath(environmentValue);
            if (!System.IO.Directory.Exists(fromEnvironment))
            {
                throw new DirectoryNotFoundException(
                    $"{DirectoryEnvironmentVariable} is set to '{environmentValue}', but directory '{fromEnvironment}' does not exist.");
            }

            return new ScenarioCatalog(fromEnvironment);
        }

        var besideExecutable = Path.Combine(baseDirectory, FolderName);
        if (System.IO.Directory.Exists(besideExecutable))
        {
            return new ScenarioCatalog(besideExecutable);
        }

        for (var directory = new DirectoryInfo(Path.GetFullPath(baseDirectory)); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, RepositoryFolder);
            if (System.IO.Directory.Exists(candidate))
            {
                return new ScenarioCatalog(candidate);
            }
        }

        throw new DirectoryNotFoundException(
            $"No scenario directory found: {DirectoryEnvironmentVariable} is not set, '{besideExecutable}' does not exist, " +
            $"and no {RepositoryFolder.Replace('\\', '/')} was found in '{baseDirectory}' or any directory above it.");
    }
}
