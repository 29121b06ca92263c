using System.CommandLine;
using FlightSw.Ground;
using FlightSw.Link.Dictionary;
using FlightSw.Node.Link;

namespace FlightSw.Cli.Commands;

/// <summary>
/// <c>flightsw dict --xtce FILE [--node HOST:PORT]</c>: writes the node's command and telemetry
/// dictionary as an XTCE 1.2 document; without <c>--node</c>, from the flight image composed
/// here on the simulated board.
/// </summary>
internal static class DictCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliEnvironment env)
    {
        var xtce = new Option<string>("--xtce") { Description = "Where to write the XTCE document", Required = true };
        var node = new Option<string?>("--node")
        {
            Description = "Fetch the dictionary from the node's link at HOST:PORT (or serial:DEVICE[:BAUD]) instead of composing the flight image here",
        };
        var keyFile = CommonOptions.KeyFile();
        var command = new Command("dict", "Writes the node's command, telemetry and event dictionary as an XTCE 1.2 document.")
        {
            xtce, node, keyFile,
        };
        command.SetAction(parse => CommandGuard.Run(env, () => Run(parse.GetValue(xtce)!, parse.GetValue(node), parse.GetValue(keyFile), env)));
        return command;
    }

    /// <summary>Writes the dictionary to <paramref name="path"/>, from <paramref name="node"/> when given; the exit code.</summary>
    public static int Run(string path, string? node, string? keyFile, CliEnvironment env)
    {
        LinkDictionary dictionary;
        if (node is null)
        {
            dictionary = NodeDictionary.Build();
        }
        else
        {
            var address = NodeAddress.Parse(node);
            using var client = address.Connect(new GroundClientOptions { Keys = KeySource.Load(keyFile, env) });
            dictionary = client.Dictionary;
        }

        try
        {
            File.WriteAllBytes(path, XtceWriter.ToBytes(dictionary));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException(CliExitCodes.BadInput, $"cannot write {path}: {ex.Message}");
        }

        env.Out.WriteLine($"Wrote the dictionary of {dictionary.NodeName} ({dictionary.Commands.Count} commands, {dictionary.Channels.Count} telemetry channels, {dictionary.Events.Count} events) to {path}.");
        return CliExitCodes.Ok;
    }
}
