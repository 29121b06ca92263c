namespace FlightSw.Hal.Configuration;

/// <summary>
/// A folder of JSON configuration files of one kind (board files, scenario files), and how to find it:
/// the folder an environment variable names; else <see cref="FolderName"/> beside the executable; else
/// the first <see cref="RepositoryFolder"/> (holding <see cref="MarkerFile"/>, when given) found walking
/// up from a start directory, as in a repository checkout.
/// </summary>
/// <param name="Kind">What the files are, in lower case, as messages name it: <c>board</c>, <c>scenario</c>.</param>
/// <param name="EnvironmentVariable">The environment variable that, when set, names the folder.</param>
/// <param name="FolderName">Name of the folder beside the executable.</param>
/// <param name="RepositoryFolder">Path of the folder in a repository checkout, relative to a directory walked up through.</param>
/// <param name="MarkerFile">A file the repository folder must hold to count, or null when the folder alone counts.</param>
public sealed record ConfigurationFolder(
    string Kind, string EnvironmentVariable, string FolderName, string RepositoryFolder, string? MarkerFile = null)
{
    /// <summary>The full path of <paramref name="directory"/>, which must exist.</summary>
    /// <exception cref="DirectoryNotFoundException"><paramref name="directory"/> does not exist.</exception>
    public string Open(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        var full = Path.GetFullPath(directory);
        if (!Directory.Exists(full))
        {
            throw new DirectoryNotFoundException($"{char.ToUpperInvariant(Kind[0])}{Kind[1..]} directory '{full}' does not exist.");
        }

        return full;
    }

    /// <summary>
    /// Full path of the folder: <paramref name="environmentValue"/> when it is set; else
    /// <see cref="FolderName"/> in <paramref name="baseDirectory"/>; else the first
    /// <see cref="RepositoryFolder"/> (holding <see cref="MarkerFile"/>, when given) in
    /// <paramref name="searchFrom"/> or a directory above it.
    /// </summary>
    /// <param name="environmentValue">The value of <see cref="EnvironmentVariable"/>, or null when unset.</param>
    /// <param name="baseDirectory">The executable's directory.</param>
    /// <param name="searchFrom">Where the walk up to a repository folder starts.</param>
    /// <exception cref="DirectoryNotFoundException">None of these exists; the message says where it looked.</exception>
    public string Locate(string? environmentValue, string baseDirectory, string searchFrom)
    {
        if (!string.IsNullOrWhiteSpace(environmentValue))
        {
            var fromEnvironment = Path.GetFullPath(environmentValue);
            if (!Directory.Exists(fromEnvironment))
            {
                throw new DirectoryNotFoundException(
                    $"{EnvironmentVariable} is set to '{environmentValue}', but directory '{fromEnvironment}' does not exist.");
            }

            return fromEnvironment;
        }

        var besideExecutable = Path.Combine(baseDirectory, FolderName);
        if (Directory.Exists(besideExecutable))
        {
            return besideExecutable;
        }

        for (var directory = new DirectoryInfo(Path.GetFullPath(searchFrom)); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, RepositoryFolder);
            if (MarkerFile is null ? Directory.Exists(candidate) : File.Exists(Path.Combine(candidate, MarkerFile)))
            {
                return candidate;
            }
        }

        var sought = (MarkerFile is null ? RepositoryFolder : Path.Combine(RepositoryFolder, MarkerFile)).Replace('\\', '/');
        throw new DirectoryNotFoundException(
            $"No {Kind} directory found: {EnvironmentVariable} is not set, '{besideExecutable}' does not exist, " +
            $"and no {sought} was found in '{searchFrom}' or any directory above it.");
    }

    /// <summary>
    /// Names of the JSON files in <paramref name="directory"/>, sorted ordinally: every <c>*.json</c>
    /// file's name without extension, except those <paramref name="isExcluded"/> picks by file name
    /// (such as schema files). Read from the directory on each call.
    /// </summary>
    public static IReadOnlyList<string> JsonFileNames(string directory, Func<string, bool> isExcluded) =>
        Directory.EnumerateFiles(directory, "*.json")
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(f => f.EndsWith(".json", StringComparison.Ordinal))
            .Where(f => !isExcluded(f))
            .Select(Path.GetFileNameWithoutExtension)
            .OfType<string>()
            .Order(StringComparer.Ordinal)
            .ToArray();
}
