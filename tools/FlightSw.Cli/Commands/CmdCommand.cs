using System.CommandLine;
using System.Globalization;
using FlightSw.Core.Commands;
using FlightSw.Ground;
using FlightSw.Link.Messages;

namespace FlightSw.Cli.Commands;

/// <summary>
/// <c>flightsw cmd NAME [ARGS...]</c>: sends one authenticated flight command and prints its
/// acknowledgements. Exit 0 completed, 1 refused or failed, 2 bad input, 3 no answer.
/// </summary>
internal static class CmdCommand
{
    /// <summary>Default wait for the connection and for each acknowledgement: 10 s.</summary>
    public const double DefaultTimeoutSeconds = 10;

    /// <summary>Longest <c>--timeout</c> accepted: an hour.</summary>
    public const double MaxTimeoutSeconds = 3600;

    /// <summary>Builds the command.</summary>
    public static Command Create(CliEnvironment env)
    {
        var name = new Argument<string>("name") { Description = "Command name, e.g. CMD_NOOP or PRM_SET" };
        var arguments = new Argument<string[]>("args")
        {
            Description = "The command's arguments, in order (invariant culture: 1.5, true, NOMINAL); put -- before the first one that starts with '-'",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var node = CommonOptions.Node();
        var keyFile = CommonOptions.KeyFile();
        var timeout = new Option<double>("--timeout")
        {
            Description = $"Seconds to wait for the connection and for each acknowledgement (default {DefaultTimeoutSeconds})",
            DefaultValueFactory = _ => DefaultTimeoutSeconds,
        };
        var command = new Command("cmd", "Sends an authenticated flight command and prints its acknowledgement. Exit 0 completed, 1 refused or failed, 2 bad input, 3 no answer.")
        {
            name, arguments, node, keyFile, timeout,
        };
        command.SetAction(parse => CommandGuard.Run(env, () => Run(
            parse.GetValue(name)!,
            parse.GetValue(arguments) ?? [],
            parse.GetValue(node),
            parse.GetValue(keyFile),
            Seconds.Require(parse.GetValue(timeout), "--timeout", MaxTimeoutSeconds),
            env)));
        return command;
    }

    /// <summary>Connects, sends <paramref name="name"/> with <paramref name="arguments"/> and prints the outcome; the exit code.</summary>
    public static int Run(string name, string[] arguments, string? node, string? keyFile, TimeSpan timeout, CliEnvironment env)
    {
        var address = NodeAddress.Parse(node);
        var keys = KeySource.Load(keyFile, env);
        var options = new GroundClientOptions { Keys = keys, ConnectTimeout = timeout, CommandTimeout = timeout };
        using var client = address.Connect(options);
        RequireKnown(client, name);
        var reply = client.SendDetailed(new CommandRequest(name, arguments));
        return Report(reply, env.Out);
    }

    /// <summary>Prints the acknowledgements of <paramref name="reply"/>; the exit code.</summary>
    public static int Report(CommandReply reply, TextWriter output)
    {
        string command = reply.Request.Command;
        string sequence = reply.Sequence.ToString(CultureInfo.InvariantCulture);
        if (reply.Acceptance.IsFailure)
        {
            output.WriteLine($"{command}: refused at acceptance (sequence {sequence}): {reply.Response.Message}");
            return CliExitCodes.Failed;
        }

        output.WriteLine($"{command}: accepted (sequence {sequence})");
        var response = reply.Response;
        if (response.Succeeded)
        {
            output.WriteLine(response.Message.Length == 0 ? $"{command}: completed" : $"{command}: completed: {response.Message}");
            return CliExitCodes.Ok;
        }

        output.WriteLine($"{command}: failed ({response.Status}): {response.Message}");
        return CliExitCodes.Failed;
    }

    private static void RequireKnown(GroundClient client, string name)
    {
        var commands = client.Dictionary.Commands;
        if (commands.Any(c => c.Name == name))
        {
            return;
        }

        var near = commands.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
        string hint = near is not null ? $"did you mean {near.Name}?" : "`flightsw dict --xtce FILE` writes the node's dictionary";
        throw new CliException(CliExitCodes.BadInput, $"{name}: the node {client.Status.Node} has no such command ({commands.Count} commands; {hint})");
    }
}
