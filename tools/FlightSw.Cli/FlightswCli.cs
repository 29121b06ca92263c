using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using FlightSw.Cli.Commands;

namespace FlightSw.Cli;

/// <summary>The <c>flightsw</c> command line: its commands, parsing and exit codes.</summary>
internal static class FlightswCli
{
    /// <summary>The tool's name, first on every error line.</summary>
    public const string Name = "flightsw";

    /// <summary>Parses <paramref name="args"/> and runs the command; a parse error is one line on standard error and exit code 2.</summary>
    public static int Run(string[] args, CliEnvironment env)
    {
        var root = new RootCommand("flightsw: the FlightSw ground tool. Live telemetry, authenticated commands, the XTCE dictionary, link keys, board packages and their deployment over ssh, fault-injection campaigns.")
        {
            TlmCommand.Create(env),
            CmdCommand.Create(env),
            DictCommand.Create(env),
            KeygenCommand.Create(env),
            PackageCommand.Create(env),
            DeployCommand.Create(env),
            CampaignCommand.Create(env),
        };

        var parse = root.Parse(args);
        string usage = parse.CommandResult.Command == root ? Name : $"{Name} {parse.CommandResult.Command.Name}";
        if (parse.Errors.Count > 0 && parse.Action is ParseErrorAction)
        {
            env.Error.WriteLine($"{Name}: {string.Join("; ", parse.Errors.Select(e => e.Message.TrimEnd('.')))} (see `{usage} --help`)");
            return CliExitCodes.BadInput;
        }

        if (MistypedOption(parse) is { } mistyped)
        {
            env.Error.WriteLine($"{Name}: unknown option '{mistyped}' (see `{usage} --help`; put -- before arguments that start with '--')");
            return CliExitCodes.BadInput;
        }

        return parse.Invoke(new InvocationConfiguration { Output = env.Out, Error = env.Error });
    }

    /// <summary>
    /// An argument that looks like an option (<c>--name</c>) given before any <c>--</c>: commands
    /// that take any number of arguments (<c>cmd</c>, <c>tlm</c>) would otherwise take a mistyped
    /// option as one. Negative numbers (<c>-5</c>) pass.
    /// </summary>
    private static string? MistypedOption(ParseResult parse)
    {
        // An option's own value (deploy --node-args "--board sim ...") is not a mistyped option.
        var optionValues = parse.CommandResult.Children.OfType<OptionResult>().SelectMany(o => o.Tokens).ToHashSet(ReferenceEqualityComparer.Instance);
        foreach (var token in parse.Tokens)
        {
            if (token.Type == TokenType.DoubleDash)
            {
                return null;
            }

            if (token.Type == TokenType.Argument && !optionValues.Contains(token) && token.Value.StartsWith("--", StringComparison.Ordinal) && token.Value.Length > 2)
            {
                return token.Value;
            }
        }

        return null;
    }
}
