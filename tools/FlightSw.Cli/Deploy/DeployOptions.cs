namespace FlightSw.Cli.Deploy;

/// <summary>What <c>flightsw deploy</c> was asked to do.</summary>
/// <param name="Board">The board, by name from <c>boards/</c>: the package built, or the one <see cref="Package"/> must be for.</param>
/// <param name="Target">The host's SSH address and options.</param>
/// <param name="Package">A package archive to deploy instead of building one; null builds one.</param>
/// <param name="Prefix">Install into this folder on the host without systemd (a plain copy, the node started with nohup); null installs into / and enables the unit.</param>
/// <param name="LinkPort">The node's TCP link port on the host.</param>
/// <param name="KeyFile">The ground's key file for the first-telemetry check (null: <c>$FLIGHTSW_KEY_FILE</c>, else the development key).</param>
/// <param name="Timeout">How long to wait for the first housekeeping report.</param>
/// <param name="NodeArguments">With <see cref="Prefix"/>: the node's command line instead of <c>--board BOARD</c>; null keeps that.</param>
internal sealed record DeployOptions(
    string Board,
    SshTarget Target,
    string? Package,
    string? Prefix,
    int LinkPort,
    string? KeyFile,
    TimeSpan Timeout,
    string? NodeArguments);
