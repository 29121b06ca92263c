using FlightSw.Hal.Boards;

namespace FlightSw.Cli.Packaging;

/// <summary>
/// Makes <c>flightsw-node-BOARD-VERSION.tar.gz</c>: the node published for a Linux board, its board
/// file, <c>nlog.config</c>, the generated unit, udev rules, installer and README, and the manifest.
/// </summary>
internal static class NodePackager
{
    /// <summary>The package's name (its archive's without <c>.tar.gz</c>, and its top folder's).</summary>
    public static string PackageName(string board, string version) => $"flightsw-node-{board}-{version}";

    /// <summary>
    /// Packages board <paramref name="boardName"/> (from the checkout's <c>boards/</c>) into
    /// <paramref name="outputDirectory"/> (made if missing; an archive of the same name is replaced),
    /// version <paramref name="version"/> or the checkout's <c>git describe</c>; the publish's output lines go to
    /// <paramref name="progress"/>.
    /// </summary>
    /// <exception cref="CliException">
    /// Unknown or invalid board, the simulated board, a Meadow board (<see cref="PackageExitCodes.MeadowNeedsSdk"/>),
    /// a bad version, or a failed publish.
    /// </exception>
    public static PackageResult Package(string repositoryRoot, string boardName, string outputDirectory, string? version, Action<string>? progress = null)
    {
        var board = LoadBoard(repositoryRoot, boardName);
        return PackageFor(repositoryRoot, boardName, EnsurePackageable(board), outputDirectory, version, progress);
    }

    /// <summary>
    /// As <see cref="Package"/>, but publishes for <paramref name="runtime"/> whatever the board's own
    /// runtime is: the deploy tests install a linux-x64 build of a Linux board's package on this machine.
    /// Not for boards: a package for the wrong runtime does not run there.
    /// </summary>
    /// <exception cref="CliException">As <see cref="Package"/>.</exception>
    internal static PackageResult PackageFor(string repositoryRoot, string boardName, string runtime, string outputDirectory, string? version, Action<string>? progress = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runtime);
        var board = LoadBoard(repositoryRoot, boardName);
        EnsurePackageable(board);
        string resolved = PackageVersion.Resolve(repositoryRoot, version);
        string name = PackageName(board.Name, resolved);
        string output = Path.GetFullPath(outputDirectory);
        try
        {
            Directory.CreateDirectory(output);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException(CliExitCodes.BadInput, $"cannot create the output folder {output}: {ex.Message}");
        }

        string archive = Path.Combine(output, name + ".tar.gz");
        var scratch = Directory.CreateTempSubdirectory("flightsw-package-");
        try
        {
            string package = Path.Combine(scratch.FullName, name);
            NodePublisher.Publish(repositoryRoot, runtime, package, Path.Combine(scratch.FullName, "artifacts"), progress);
            string entryPoint = NodePublisher.HasAppHost(runtime) ? ServiceUnit.Executable : ServiceUnit.Assembly;
            if (!File.Exists(Path.Combine(package, entryPoint)))
            {
                throw new CliException(CliExitCodes.Failed, $"dotnet publish for {runtime} left no {entryPoint} in its output.");
            }

            string nlog = Path.Combine(package, "nlog.config");
            if (!File.Exists(nlog))
            {
                File.Copy(Path.Combine(repositoryRoot, "firmware", "FlightSw.Node", "nlog.config"), nlog);
            }

            File.Copy(board.SourceFile, Path.Combine(package, board.Name + ".json"), overwrite: true);
            WriteGeneratedFiles(board, resolved, package);

            string partial = archive + ".partial";
            int files = PackageArchive.Write(package, partial, [ServiceUnit.Executable, InstallScript.FileName]);
            File.Move(partial, archive, overwrite: true);
            return new PackageResult(archive, new FileInfo(archive).Length, files, board.Name, resolved, runtime, NodePublisher.IsSelfContained(runtime));
        }
        finally
        {
            try
            {
                scratch.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A scratch folder left in the temp directory is harmless.
            }
        }
    }

    /// <summary>Writes the unit, udev rules, installer (mode 0755) and README for <paramref name="board"/> into <paramref name="directory"/>.</summary>
    public static void WriteGeneratedFiles(BoardDefinition board, string version, string directory)
    {
        ArgumentNullException.ThrowIfNull(board);
        File.WriteAllText(Path.Combine(directory, ServiceUnit.FileName), ServiceUnit.For(board));
        File.WriteAllText(Path.Combine(directory, UdevRules.FileName), UdevRules.For(board));
        File.WriteAllText(Path.Combine(directory, BoardReadme.FileName), BoardReadme.For(board, version));
        string install = Path.Combine(directory, InstallScript.FileName);
        File.WriteAllText(install, InstallScript.For(board));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(install, File.GetUnixFileMode(install) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }
    }

    /// <summary>Loads <paramref name="boardName"/> from the checkout's <c>boards/</c>.</summary>
    /// <exception cref="CliException">No such board, or its file breaks a rule.</exception>
    public static BoardDefinition LoadBoard(string repositoryRoot, string boardName)
    {
        try
        {
            return new BoardCatalog(Path.Combine(repositoryRoot, BoardCatalog.FolderName)).Load(boardName);
        }
        catch (Exception ex) when (ex is UnknownBoardException or BoardDefinitionException or DirectoryNotFoundException)
        {
            throw new CliException(CliExitCodes.BadInput, ex.Message);
        }
    }

    /// <summary>The runtime to publish <paramref name="board"/> for; refuses the boards that cannot be packaged.</summary>
    /// <exception cref="CliException">
    /// The simulated board (<see cref="CliExitCodes.BadInput"/>: it runs with <c>dotnet run</c>); a Meadow board
    /// (<see cref="PackageExitCodes.MeadowNeedsSdk"/>: it needs the Meadow SDK); a Linux board without a runtime identifier.
    /// </exception>
    public static string EnsurePackageable(BoardDefinition board)
    {
        ArgumentNullException.ThrowIfNull(board);
        return board.Backend switch
        {
            BoardBackend.Sim => throw new CliException(
                CliExitCodes.BadInput,
                $"board {board.Name} is the simulated board: there is nothing to install; run it with `dotnet run --project firmware/FlightSw.Node` (add --board and --scenario as needed)."),
            BoardBackend.Meadow => throw new CliException(
                PackageExitCodes.MeadowNeedsSdk,
                $"board {board.Name} ({board.Description}) runs on Meadow, which flightsw package cannot build: it needs the Wilderness Labs Meadow SDK and Meadow.CLI (`dotnet tool install WildernessLabs.Meadow.CLI --global`), and the Meadow backend (hal/FlightSw.Hal.Meadow), which is built only where the SDK is installed; build and deploy it with `meadow app build` and `meadow app deploy`."),
            _ when board.RuntimeIdentifier is null => throw new CliException(
                CliExitCodes.BadInput,
                $"board {board.Name} has no runtimeIdentifier in {board.SourceFile}; add one (linux-arm64, linux-x64 or linux-arm) to package it."),
            _ => board.RuntimeIdentifier,
        };
    }
}
