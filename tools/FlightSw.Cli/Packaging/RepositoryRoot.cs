namespace FlightSw.Cli.Packaging;

/// <summary>Finds the FlightSw repository checkout: the folder holding <c>FlightSw.sln</c>.</summary>
internal static class RepositoryRoot
{
    /// <summary>The file that marks the repository root.</summary>
    public const string MarkerFile = "FlightSw.sln";

    /// <summary>
    /// The first folder holding <c>FlightSw.sln</c>, walking up from the current directory, then from
    /// <see cref="AppContext.BaseDirectory"/> (the tool's own build folder inside the checkout).
    /// </summary>
    /// <exception cref="CliException">Neither walk finds it; the message says where it looked.</exception>
    public static string Find() => Find(Directory.GetCurrentDirectory(), AppContext.BaseDirectory);

    /// <summary><see cref="Find()"/> with the starting folders given, for tests.</summary>
    public static string Find(params string[] starts)
    {
        foreach (string start in starts)
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, MarkerFile)))
                {
                    return folder.FullName;
                }
            }
        }

        throw new CliException(
            CliExitCodes.BadInput,
            $"cannot find the FlightSw repository ({MarkerFile}) above {string.Join(" or ", starts)}; run flightsw package from inside a checkout.");
    }
}
