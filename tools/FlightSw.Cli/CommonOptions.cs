using System.CommandLine;
using FlightSw.Link.Service;

namespace FlightSw.Cli;

/// <summary>Options several commands share, made anew for each command.</summary>
internal static class CommonOptions
{
    /// <summary>The default node address: the link's TCP port on this machine.</summary>
    public static readonly string DefaultNode = $"{TcpLinkServer.DefaultBindAddress}:{TcpLinkServer.DefaultPort}";

    /// <summary><c>--node HOST:PORT</c>, default 127.0.0.1:5170.</summary>
    public static Option<string> Node() => new("--node")
    {
        Description = $"The node's link: HOST:PORT for TCP, or serial:DEVICE[:BAUD] (default {DefaultNode})",
        DefaultValueFactory = _ => DefaultNode,
    };

    /// <summary><c>--key-file FILE</c>.</summary>
    public static Option<string?> KeyFile() => new("--key-file")
    {
        Description = $"Telecommand key file (lines '<id> <64 hex>', mode 0600; see `flightsw keygen`). Default ${KeySource.Variable}; without one the development key is used, which only a node in development mode accepts",
    };
}
