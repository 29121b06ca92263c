using System.Diagnostics;
using System.Globalization;
using FlightSw.Cli.Packaging;
using FlightSw.Ground;
using FlightSw.Link.Security;

namespace FlightSw.Cli.Deploy;

/// <summary>
/// <c>flightsw deploy</c>'s steps: package, reach, systemd, copy, install, start, telemetry. Each says
/// what it does on standard output; the first that fails throws a <see cref="CliException"/> naming it
/// and saying what to do.
/// </summary>
internal static class NodeDeployer
{
    /// <summary>How long a remote command (not the copy) may take: 2 minutes.</summary>
    public static readonly TimeSpan CommandLimit = TimeSpan.FromMinutes(2);

    /// <summary>How long the copy may take: 20 minutes.</summary>
    public static readonly TimeSpan CopyLimit = TimeSpan.FromMinutes(20);

    /// <summary>The mode channel printed after the first housekeeping report.</summary>
    public const string ModeChannel = "MODE";

    /// <summary>Deploys as <paramref name="options"/> says; the exit code (0: the node sent telemetry).</summary>
    /// <exception cref="CliException">A step failed, or the input is bad.</exception>
    public static int Run(DeployOptions options, CliEnvironment env)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(env);
        var keys = KeySource.Load(options.KeyFile, env);
        var scratch = Directory.CreateTempSubdirectory("flightsw-deploy-");
        try
        {
            var (archive, folder) = Package(options, scratch.FullName, env);
            Reach(options.Target, env);
            if (options.Prefix is null)
            {
                CheckSystemd(options.Target, env);
            }
            else
            {
                env.Out.WriteLine($"{DeployStep.Head(DeployStep.Systemd)}: skipped (--prefix {options.Prefix}: a plain copy, the node started with nohup)");
            }

            string remote = Copy(options.Target, archive, env);
            Install(options, remote, Path.GetFileName(archive), folder, env);
            Start(options, env);
            FirstTelemetry(options, keys, env);
            return CliExitCodes.Ok;
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

    private static (string Archive, string Folder) Package(DeployOptions options, string scratch, CliEnvironment env)
    {
        string head = DeployStep.Head(DeployStep.Package);
        string archive;
        if (options.Package is { } given)
        {
            archive = Path.GetFullPath(given);
            if (!File.Exists(archive))
            {
                throw DeployStep.Failed(DeployStep.Package, CliExitCodes.BadInput, $"no such package: {given}; make one with `flightsw package --board {options.Board}`.");
            }

            env.Out.WriteLine($"{head}: verifying {archive} ...");
        }
        else
        {
            env.Out.WriteLine($"{head}: building the package for board {options.Board} (flightsw package) ...");
            try
            {
                archive = NodePackager.Package(RepositoryRoot.Find(), options.Board, scratch, version: null).ArchivePath;
            }
            catch (CliException ex)
            {
                throw DeployStep.Failed(DeployStep.Package, ex.ExitCode, $"{ex.Message.TrimEnd('.')}; or give a package made elsewhere with --package FILE.");
            }
        }

        PackageVerification verification;
        try
        {
            verification = PackageVerifier.Verify(archive);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw DeployStep.Failed(DeployStep.Package, CliExitCodes.BadInput, $"cannot read {archive}: {ex.Message}");
        }

        if (!verification.Passed || verification.Folder is null)
        {
            string problems = string.Join("; ", verification.Problems.Take(3));
            throw DeployStep.Failed(
                DeployStep.Package,
                CliExitCodes.Failed,
                $"{archive} failed verification ({verification.Problems.Count} problem(s): {problems}); check it with `flightsw package --verify`, or build a new one with `flightsw package --board {options.Board}`.");
        }

        string expected = NodePackager.PackageName(options.Board, "");
        if (!verification.Folder.StartsWith(expected, StringComparison.Ordinal))
        {
            throw DeployStep.Failed(
                DeployStep.Package,
                CliExitCodes.BadInput,
                $"{archive} holds {verification.Folder}, not a package for board {options.Board} ({expected}VERSION); give --board for the board it was made for, or the right package.");
        }

        env.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{head}: {Path.GetFileName(archive)} ({new FileInfo(archive).Length:N0} bytes, {verification.FilesChecked} files match its manifest)"));
        return (archive, verification.Folder);
    }

    private static void Reach(SshTarget target, CliEnvironment env)
    {
        env.Out.WriteLine($"{DeployStep.Head(DeployStep.Reach)}: ssh {target.Destination} (port {target.Port}) ...");
        var outcome = ChildProcess.Run("ssh", target.Ssh("true"), CommandLimit);
        if (!outcome.Succeeded)
        {
            throw DeployStep.Failed(
                DeployStep.Reach,
                CliExitCodes.NoAnswer,
                $"cannot reach {target.Destination}: {outcome.Message}; check the address, that sshd runs, and that your key is authorised (ssh-copy-id).");
        }

        env.Out.WriteLine($"{DeployStep.Head(DeployStep.Reach)}: {target.Destination} answers");
    }

    private static void CheckSystemd(SshTarget target, CliEnvironment env)
    {
        var outcome = ChildProcess.Run("ssh", target.Ssh(RemoteScripts.SystemdCheck), CommandLimit);
        if (outcome.ExitCode == 255 || outcome.TimedOut)
        {
            throw DeployStep.Failed(DeployStep.Systemd, CliExitCodes.NoAnswer, $"lost {target.Destination}: {outcome.Message}; check the connection and run again.");
        }

        if (!outcome.Succeeded)
        {
            throw DeployStep.Failed(
                DeployStep.Systemd,
                CliExitCodes.Failed,
                $"{target.Destination} does not run systemd (no systemctl, or no /run/systemd/system); the node is installed as a systemd service, so the host needs systemd; or give --prefix DIR for a plain copy started with nohup.");
        }

        env.Out.WriteLine($"{DeployStep.Head(DeployStep.Systemd)}: systemd runs on {target.Destination}");
    }

    private static string Copy(SshTarget target, string archive, CliEnvironment env)
    {
        string head = DeployStep.Head(DeployStep.Copy);
        var made = ChildProcess.Run("ssh", target.Ssh(RemoteScripts.MakeTemporaryFolder), CommandLimit);
        string folder = made.Out.Trim();
        if (!made.Succeeded || folder.Length == 0 || folder.Contains('\n', StringComparison.Ordinal))
        {
            throw DeployStep.Failed(DeployStep.Copy, CliExitCodes.Failed, $"cannot make a temporary folder on {target.Destination} (mktemp -d): {made.Message}; check that /tmp there is writable and not full.");
        }

        env.Out.WriteLine($"{head}: scp {Path.GetFileName(archive)} to {target.Destination}:{folder} ...");
        var copied = ChildProcess.Run("scp", target.Scp(archive, folder), CopyLimit);
        if (!copied.Succeeded)
        {
            ChildProcess.Run("ssh", target.Ssh("rm -rf " + RemoteScripts.Quote(folder)), CommandLimit);
            throw DeployStep.Failed(DeployStep.Copy, CliExitCodes.Failed, $"scp to {target.Destination}:{folder} failed: {copied.Message}; check the free space there (df -h /tmp) and that its sshd offers SFTP (scp uses it: Subsystem sftp in sshd_config), then run again.");
        }

        return folder;
    }

    private static void Install(DeployOptions options, string remoteFolder, string archiveName, string packageFolder, CliEnvironment env)
    {
        string into = options.Prefix ?? "/";
        env.Out.WriteLine($"{DeployStep.Head(DeployStep.Install)}: install.sh {into} on {options.Target.Destination} ...");
        var outcome = ChildProcess.Run("ssh", options.Target.Ssh(RemoteScripts.Install(remoteFolder, archiveName, packageFolder, options.Prefix)), CommandLimit);
        if (!outcome.Succeeded)
        {
            string advice = options.Prefix is null
                ? "installing into / needs root: log in as root, or give the user password-less sudo (sudo -n is used), or use --prefix DIR"
                : $"check that {options.Prefix} is writable by {options.Target.Destination}";
            throw DeployStep.Failed(DeployStep.Install, CliExitCodes.Failed, $"install.sh on {options.Target.Destination} failed: {outcome.Message}; {advice}.");
        }

        string last = outcome.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "installed";
        env.Out.WriteLine($"{DeployStep.Head(DeployStep.Install)}: {last}");
    }

    private static void Start(DeployOptions options, CliEnvironment env)
    {
        string head = DeployStep.Head(DeployStep.Start);
        if (options.Prefix is not { } prefix)
        {
            env.Out.WriteLine($"{head}: systemctl enable and restart {RemoteScripts.Unit} ...");
            var outcome = ChildProcess.Run("ssh", options.Target.Ssh(RemoteScripts.EnableAndStart), CommandLimit);
            if (!outcome.Succeeded)
            {
                throw DeployStep.Failed(DeployStep.Start, CliExitCodes.Failed, $"systemctl enable/restart {RemoteScripts.Unit} failed: {outcome.Message}; see `systemctl status {RemoteScripts.Unit}` and `journalctl -u {RemoteScripts.Unit}` on the host.");
            }

            env.Out.WriteLine($"{head}: {RemoteScripts.Unit} enabled and started");
            return;
        }

        string arguments = options.NodeArguments ?? "--board " + RemoteScripts.Quote(options.Board);
        string log = prefix.TrimEnd('/') + "/" + RemoteScripts.LogFile;
        env.Out.WriteLine($"{head}: nohup {prefix.TrimEnd('/')}{ServiceUnit.InstallDirectory}/{ServiceUnit.Executable} {arguments} ...");
        var started = ChildProcess.Run("ssh", options.Target.Ssh(RemoteScripts.StartInPrefix(prefix, arguments)), CommandLimit);
        if (!started.Succeeded)
        {
            throw DeployStep.Failed(DeployStep.Start, CliExitCodes.Failed, $"the node did not start: {started.Message}; see {log} on the host.");
        }

        env.Out.WriteLine($"{head}: running, pid in {prefix.TrimEnd('/')}/{RemoteScripts.PidFile}, output in {log}");
    }

    private static void FirstTelemetry(DeployOptions options, KeyRing keys, CliEnvironment env)
    {
        string head = DeployStep.Head(DeployStep.Telemetry);
        string where = options.Prefix is null
            ? $"see `journalctl -u {RemoteScripts.Unit}` on the host"
            : $"see {options.Prefix.TrimEnd('/')}/{RemoteScripts.LogFile} on the host";
        env.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{head}: ssh tunnel to 127.0.0.1:{options.LinkPort} on {options.Target.Destination}, waiting up to {Seconds.Format(options.Timeout)} for housekeeping ..."));
        var clock = Stopwatch.StartNew();
        using var tunnel = SshTunnel.Open(options.Target, options.LinkPort);
        using var client = ConnectThrough(tunnel, options, keys, clock, where);
        bool hasMode = client.Dictionary.FindChannel(ModeChannel) is not null;
        bool arrived = client.WaitFor(
            () => hasMode ? client.Latest(ModeChannel) is not null : client.LatestAll().Count > 0,
            Remaining(options.Timeout, clock));
        if (!arrived)
        {
            string why = client.IsConnected ? $"none within {Seconds.Format(options.Timeout)}" : $"the link closed: {client.CloseReason}";
            throw DeployStep.Failed(DeployStep.Telemetry, CliExitCodes.NoAnswer, $"no housekeeping report from the node ({why}); {where}.");
        }

        string mode = hasMode ? $"mode {client.Latest(ModeChannel)!.Value.Value}" : "no MODE channel";
        env.Out.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{head}: first housekeeping from {client.Dictionary.NodeName} after {clock.Elapsed.TotalSeconds:0.0} s: {mode}"));
        env.Out.WriteLine($"Deployed board {options.Board} to {options.Target.Destination}.");
    }

    private static GroundClient ConnectThrough(SshTunnel tunnel, DeployOptions options, KeyRing keys, Stopwatch clock, string where)
    {
        string last = "no attempt";
        while (true)
        {
            if (tunnel.HasExited)
            {
                throw DeployStep.Failed(DeployStep.Telemetry, CliExitCodes.NoAnswer, $"the ssh tunnel to {options.Target.Destination} ended: {tunnel.Error}; check that the host allows TCP forwarding (AllowTcpForwarding).");
            }

            var remaining = Remaining(options.Timeout, clock);
            if (remaining <= TimeSpan.Zero)
            {
                throw DeployStep.Failed(
                    DeployStep.Telemetry,
                    CliExitCodes.NoAnswer,
                    string.Create(CultureInfo.InvariantCulture, $"no link to the node on {options.Target.Destination} port {options.LinkPort} within {Seconds.Format(options.Timeout)} ({last}); check --link-port and that the node listens on 127.0.0.1 there; {where}."));
            }

            var attempt = remaining < TimeSpan.FromSeconds(5) ? remaining : TimeSpan.FromSeconds(5);
            try
            {
                return GroundClient.ConnectTcp("127.0.0.1", tunnel.LocalPort, new GroundClientOptions { Keys = keys, ConnectTimeout = attempt });
            }
            catch (Exception ex) when (ex is IOException or TimeoutException)
            {
                last = ex.Message.TrimEnd('.');
            }
            catch (TelecommandRefusedException ex)
            {
                throw DeployStep.Failed(DeployStep.Telemetry, CliExitCodes.Failed, $"the node refused the ground: {ex.Message.TrimEnd('.')}; give the node's key with --key-file or ${KeySource.Variable}.");
            }
            catch (InvalidDataException ex)
            {
                throw DeployStep.Failed(DeployStep.Telemetry, CliExitCodes.Failed, $"the node's dictionary is not valid: {ex.Message.TrimEnd('.')}; {where}.");
            }

            Thread.Sleep(TimeSpan.FromMilliseconds(500));
        }
    }

    private static TimeSpan Remaining(TimeSpan limit, Stopwatch clock) => limit - clock.Elapsed;
}
