using FlightSw.Hal.Configuration;

namespace FlightSw.Hal.Boards;

/// <summary>
/// The board files of one directory (<c>boards/</c>): which boards exist, and loading one by name.
/// </summary>
public sealed class BoardCatalog
{
    /// <summary>Environment variable that, when set, names the board directory for <see cref="Locate()"/>.</summary>
    public const string DirectoryEnvironmentVariable = "FLIGHTSW_BOARDS_DIR";

    /// <summary>Name of the board folder: beside the executable, or at the repository root.</summary>
    public const string FolderName = "boards";

    private const string MarkerFile = "sim.json";

    private static readonly ConfigurationFolder Folder = new("board", DirectoryEnvironmentVariable, FolderName, FolderName, MarkerFile);

    /// <summary>Opens the catalog in <paramref name="directory"/>.</summary>
    /// <exception cref="DirectoryNotFoundException"><paramref name="directory"/> does not exist.</exception>
    public BoardCatalog(string directory)
    {
        Directory = Folder.Open(directory);
    }

    /// <summary>Full path of the board directory.</summary>
    public string Directory { get; }

    /// <summary>
    /// Names of the boards in the directory, sorted ordinally: every <c>*.json</c> file's name without
    /// extension, except <c>board.schema.json</c>. Read from the directory on each call.
    /// </summary>
    public IReadOnlyList<string> Names =>
        ConfigurationFolder.JsonFileNames(Directory, f => string.Equals(f, BoardFileLayout.SchemaFileName, StringComparison.Ordinal));

    /// <summary>Loads and validates the board called <paramref name="name"/>.</summary>
    /// <exception cref="UnknownBoardException">No board file has that name; the exception lists those that do.</exception>
    /// <exception cref="BoardDefinitionException">The board file breaks a rule.</exception>
    public BoardDefinition Load(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var names = Names;
        if (!names.Contains(name, StringComparer.Ordinal))
        {
            throw new UnknownBoardException(name, names);
        }

        return BoardDefinitionLoader.LoadFile(Path.Combine(Directory, name + ".json"));
    }

    /// <summary>
    /// Finds the board directory: the one named by the environment variable
    /// <c>FLIGHTSW_BOARDS_DIR</c> when it is set; else <c>boards/</c> beside the executable
    /// (<see cref="AppContext.BaseDirectory"/>, where the node copies the board files); else the first
    /// <c>boards/</c> folder holding <c>sim.json</c> found walking up from the current directory
    /// (a repository checkout).
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">None of these exists; the message says where it looked.</exception>
    public static BoardCatalog Locate() =>
        Locate(
            Environment.GetEnvironmentVariable(DirectoryEnvironmentVariable),
            AppContext.BaseDirectory,
            System.IO.Directory.GetCurrentDirectory());

    /// <summary><see cref="Locate()"/> with its inputs given, for tests.</summary>
    internal static BoardCatalog Locate(string? environmentValue, string baseDirectory, string currentDirectory) =>
        new(Folder.Locate(environmentValue, baseDirectory, currentDirectory));
}
