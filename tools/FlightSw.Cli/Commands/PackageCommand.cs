using System.CommandLine;
using System.Globalization;
using FlightSw.Cli.Packaging;

namespace FlightSw.Cli.Commands;

/// <summary>
/// <c>flightsw package --board NAME [--output DIR] [--version V]</c>: publishes the node for a Linux board
/// and writes an installable, checksummed <c>.tar.gz</c>; <c>flightsw package --verify FILE</c> checks one.
/// </summary>
internal static class PackageCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliEnvironment env)
    {
        var board = new Option<string?>("--board") { Description = "Board to package, by name from boards/ (a Linux board: rpi4, rpi5, rpi-zero2w, jetson-orin-nano, beaglebone-black)" };
        var output = new Option<string>("--output")
        {
            Description = "Folder to write flightsw-node-BOARD-VERSION.tar.gz into (default: the current folder)",
            DefaultValueFactory = _ => ".",
        };
        var version = new Option<string?>("--version") { Description = "Package version (default: `git describe --tags --always --dirty` of the checkout, else 0.0.0-dev)" };
        var verify = new Option<string?>("--verify") { Description = "Check a package archive against its MANIFEST.sha256 instead of making one" };
        var command = new Command("package", "Publishes the node for a Linux board and packages it with a systemd unit, udev rules and an installer; or verifies such a package.")
        {
            board, output, version, verify,
        };
        command.SetAction(parse => CommandGuard.Run(env, () =>
        {
            string? file = parse.GetValue(verify);
            string? name = parse.GetValue(board);
            if (file is not null)
            {
                if (name is not null || parse.GetResult(version) is not null || parse.GetResult(output) is { Implicit: false })
                {
                    throw new CliException(CliExitCodes.BadInput, "--verify takes no --board, --output or --version.");
                }

                return Verify(file, env);
            }

            if (name is null)
            {
                throw new CliException(CliExitCodes.BadInput, "give --board NAME to make a package, or --verify FILE to check one.");
            }

            return Package(name, parse.GetValue(output)!, parse.GetValue(version), env);
        }));
        return command;
    }

    /// <summary>Packages <paramref name="board"/> into <paramref name="output"/>; the exit code.</summary>
    public static int Package(string board, string output, string? version, CliEnvironment env)
    {
        string root = RepositoryRoot.Find();
        var definition = NodePackager.LoadBoard(root, board);
        string runtime = NodePackager.EnsurePackageable(definition);
        string mode = NodePublisher.IsSelfContained(runtime) ? "self-contained" : "framework-dependent, needs the .NET 10 runtime on the board";
        env.Out.WriteLine($"Publishing flightsw-node for {definition.Name} ({runtime}, {mode}) from {root} ...");
        var result = NodePackager.Package(root, board, output, version);
        env.Out.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Wrote {result.ArchivePath} ({result.Bytes:N0} bytes, {result.Files} files, version {result.Version}). On the board: tar -xzf, then sudo ./install.sh; see its README.md."));
        return CliExitCodes.Ok;
    }

    /// <summary>Verifies the package archive <paramref name="file"/>: 0 intact, 1 with a problem (each on standard error), 2 no such file.</summary>
    public static int Verify(string file, CliEnvironment env)
    {
        if (!File.Exists(file))
        {
            throw new CliException(CliExitCodes.BadInput, $"no such package: {file}");
        }

        PackageVerification result;
        try
        {
            result = PackageVerifier.Verify(file);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new CliException(CliExitCodes.BadInput, $"cannot read {file}: {ex.Message}");
        }

        if (result.Passed)
        {
            env.Out.WriteLine($"OK: {file} ({result.Folder}): {result.FilesChecked} files match MANIFEST.sha256, none unlisted.");
            return CliExitCodes.Ok;
        }

        foreach (var problem in result.Problems)
        {
            env.Error.WriteLine($"{FlightswCli.Name}: {file}: {problem}");
        }

        env.Error.WriteLine($"{FlightswCli.Name}: {file} FAILED verification: {result.Problems.Count} problem(s), {result.FilesChecked} files intact.");
        return CliExitCodes.Failed;
    }
}
