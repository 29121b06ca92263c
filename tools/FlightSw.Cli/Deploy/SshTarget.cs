using System.Globalization;

namespace FlightSw.Cli.Deploy;

/// <summary>A host reached with the system's <c>ssh</c> and <c>scp</c>, always in batch mode (never a password prompt).</summary>
/// <param name="Destination">USER@HOST (or HOST).</param>
/// <param name="Port">The SSH port.</param>
/// <param name="Identity">The private key file (<c>-i</c>); null uses ssh's own choice.</param>
/// <param name="Options">Further <c>-o</c> options, e.g. <c>StrictHostKeyChecking=no</c>.</param>
internal sealed record SshTarget(string Destination, int Port, string? Identity, IReadOnlyList<string> Options)
{
    /// <summary>The default SSH port.</summary>
    public const int DefaultPort = 22;

    /// <summary>Seconds ssh may take to connect: 10.</summary>
    public const int ConnectTimeoutSeconds = 10;

    /// <summary>The options every ssh and scp run gets, before the destination; <paramref name="portFlag"/> is <c>-p</c> for ssh, <c>-P</c> for scp.</summary>
    public IReadOnlyList<string> CommonArguments(string portFlag)
    {
        var arguments = new List<string>
        {
            "-o", "BatchMode=yes",
            "-o", string.Create(CultureInfo.InvariantCulture, $"ConnectTimeout={ConnectTimeoutSeconds}"),
        };
        foreach (string option in Options)
        {
            arguments.Add("-o");
            arguments.Add(option);
        }

        if (Port != DefaultPort)
        {
            arguments.Add(portFlag);
            arguments.Add(Port.ToString(CultureInfo.InvariantCulture));
        }

        if (Identity is not null)
        {
            arguments.Add("-i");
            arguments.Add(Identity);
        }

        return arguments;
    }

    /// <summary><c>ssh</c>'s arguments to run <paramref name="remoteCommand"/> (a shell command line) on the host.</summary>
    public IReadOnlyList<string> Ssh(string remoteCommand) => [.. CommonArguments("-p"), Destination, remoteCommand];

    /// <summary><c>scp</c>'s arguments to copy <paramref name="localFile"/> into the host's folder <paramref name="remoteDirectory"/>.</summary>
    public IReadOnlyList<string> Scp(string localFile, string remoteDirectory) =>
        [.. CommonArguments("-P"), "-q", localFile, $"{Destination}:{remoteDirectory}/"];

    /// <summary><c>ssh</c>'s arguments for a tunnel from local <paramref name="localPort"/> to the host's 127.0.0.1:<paramref name="remotePort"/>, no command.</summary>
    public IReadOnlyList<string> Tunnel(int localPort, int remotePort) =>
        [.. CommonArguments("-p"), "-o", "ExitOnForwardFailure=yes", "-N", "-L", string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{localPort}:127.0.0.1:{remotePort}"), Destination];
}
