using System.CommandLine;
using FlightSw.Link.Security;

namespace FlightSw.Cli.Commands;

/// <summary><c>flightsw keygen FILE [--id N]</c>: writes a new random telecommand key file, readable by its owner only.</summary>
internal static class KeygenCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliEnvironment env)
    {
        var file = new Argument<string>("file") { Description = "Where to write the key file; it must not exist yet" };
        var id = new Option<ushort>("--id")
        {
            Description = "Key id, 1 to 65535 (default 1); 0 is the development key and cannot be written",
            DefaultValueFactory = _ => 1,
        };

        var command = new Command("keygen", "Writes a new random telecommand key file (mode 0600). Give the same file to the node and to the ground.")
        {
            file, id,
        };
        command.SetAction(parse => CommandGuard.Run(env, () => Run(parse.GetValue(file)!, parse.GetValue(id), env)));
        return command;
    }

    /// <summary>Writes key <paramref name="id"/> to <paramref name="path"/>; refuses to replace an existing file.</summary>
    public static int Run(string path, ushort id, CliEnvironment env)
    {
        if (id == 0)
        {
            throw new CliException(CliExitCodes.BadInput, "--id must be from 1 to 65535: key 0 is the development key, which needs no file.");
        }

        if (File.Exists(path) || Directory.Exists(path))
        {
            throw new CliException(CliExitCodes.BadInput, $"{path} already exists; keygen never overwrites a key (remove the file first to replace it).");
        }

        try
        {
            KeyRing.WriteNew(path, id);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException(CliExitCodes.BadInput, $"cannot write {path}: {ex.Message}");
        }

        env.Out.WriteLine($"Wrote key {id} to {path} (mode 0600). Give the node the same file: flightsw-node --key-file {path}; and the ground: --key-file {path} or ${KeySource.Variable}.");
        return CliExitCodes.Ok;
    }
}
