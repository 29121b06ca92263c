using System.CommandLine;
using FlightSw.Cli.Deploy;
using FlightSw.Link.Service;

namespace FlightSw.Cli.Commands;

/// <summary>
/// <c>flightsw deploy --board NAME --host USER@HOST</c>: packages (or takes) the node, copies it to a
/// Linux host over ssh, installs and starts it, and waits for its first housekeeping report.
/// </summary>
internal static class DeployCommand
{
    /// <summary>How long to wait for the first housekeeping report by default: 60 s.</summary>
    public const double DefaultTimeoutSeconds = 60;

    /// <summary>Builds the command.</summary>
    public static Command Create(CliEnvironment env)
    {
        var board = new Option<string>("--board") { Description = "Board to deploy, by name from boards/ (a Linux board)", Required = true };
        var host = new Option<string>("--host") { Description = "The host: USER@HOST, reached with the system's ssh (key authentication, BatchMode)", Required = true };
        var port = new Option<int>("--port") { Description = "SSH port (default 22)", DefaultValueFactory = _ => SshTarget.DefaultPort };
        var package = new Option<string?>("--package") { Description = "Deploy this package archive (verified first) instead of building one with `flightsw package`" };
        var prefix = new Option<string?>("--prefix") { Description = "Install into this absolute folder on the host without systemd and start the node there with nohup (pid in PREFIX/run/flightsw-node.pid, output in PREFIX/var/log/flightsw-node.log)" };
        var identity = new Option<string?>("--identity") { Description = "SSH private key file (ssh -i)" };
        var sshOption = new Option<string[]>("--ssh-option") { Description = "Extra ssh/scp option, passed as -o (repeatable), e.g. StrictHostKeyChecking=accept-new", Arity = ArgumentArity.ZeroOrMore };
        var linkPort = new Option<int>("--link-port") { Description = $"The node's TCP link port on the host (default {TcpLinkServer.DefaultPort}), reached through an ssh tunnel to its 127.0.0.1", DefaultValueFactory = _ => TcpLinkServer.DefaultPort };
        var keyFile = CommonOptions.KeyFile();
        var timeout = new Option<double>("--timeout") { Description = "Seconds to wait for the node's first housekeeping report (default 60)", DefaultValueFactory = _ => DefaultTimeoutSeconds };
        var nodeArgs = new Option<string?>("--node-args") { Description = "With --prefix: the node's command line instead of `--board NAME` (a shell command line, e.g. \"--board rpi4 --link tcp:127.0.0.1:5170 --key-file /etc/flightsw/link.keys\")" };
        var command = new Command("deploy", "Deploys the node to a Linux host over ssh: package, reach, systemd check, copy, install, start, first telemetry.")
        {
            board, host, port, package, prefix, identity, sshOption, linkPort, keyFile, timeout, nodeArgs,
        };
        command.SetAction(parse => CommandGuard.Run(env, () =>
        {
            string? prefixValue = parse.GetValue(prefix);
            if (prefixValue is not null && !prefixValue.StartsWith('/'))
            {
                throw new CliException(CliExitCodes.BadInput, $"--prefix must be an absolute folder on the host (was {prefixValue}).");
            }

            if (prefixValue is not null && prefixValue.Split('/', StringSplitOptions.RemoveEmptyEntries).All(part => part == "."))
            {
                // "/" (or "//", "/.") would be a real install without systemd: leave --prefix out for that.
                throw new CliException(CliExitCodes.BadInput, $"--prefix {prefixValue} is the host's root; leave --prefix out to install for systemd.");
            }

            string? nodeArguments = parse.GetValue(nodeArgs);
            if (nodeArguments is not null && prefixValue is null)
            {
                throw new CliException(CliExitCodes.BadInput, "--node-args needs --prefix: a systemd install runs the node as its unit says.");
            }

            string destination = parse.GetValue(host)!;
            if (string.IsNullOrWhiteSpace(destination) || destination.StartsWith('-') || destination.Any(char.IsWhiteSpace))
            {
                throw new CliException(CliExitCodes.BadInput, $"--host must be USER@HOST or HOST (was '{destination}').");
            }

            var target = new SshTarget(destination, Port(parse.GetValue(port), "--port"), parse.GetValue(identity), parse.GetValue(sshOption) ?? []);
            var options = new DeployOptions(
                parse.GetValue(board)!,
                target,
                parse.GetValue(package),
                prefixValue,
                Port(parse.GetValue(linkPort), "--link-port"),
                parse.GetValue(keyFile),
                Seconds.Require(parse.GetValue(timeout), "--timeout", double.MaxValue),
                nodeArguments);
            return NodeDeployer.Run(options, env);
        }));
        return command;
    }

    private static int Port(int value, string option) => value is > 0 and <= 65535
        ? value
        : throw new CliException(CliExitCodes.BadInput, $"{option} must be a port from 1 to 65535 (was {value}).");
}
