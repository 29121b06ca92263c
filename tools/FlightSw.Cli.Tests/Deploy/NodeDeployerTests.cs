using System.Diagnostics;
using System.Globalization;
using FlightSw.Cli.Packaging;
using FlightSw.Cli.Tests.Fixtures;

namespace FlightSw.Cli.Tests.Deploy;

/// <summary>
/// <c>flightsw deploy</c> against a real sshd on 127.0.0.1: a linux-x64 build of the rpi4 package is
/// deployed into a temporary prefix and started on the simulated board, and its first housekeeping
/// report arrives through the ssh tunnel; an unreachable host fails at step reach, and this container
/// (no systemd running) fails at step systemd.
/// </summary>
[Category("Slow")]
[NonParallelizable]
public class NodeDeployerTests
{
    private const string Board = "rpi4";
    private string _scratch = "";
    private string _package = "";
    private TestSshServer? _server;

    [OneTimeSetUp]
    public void BuildPackageAndStartSshd()
    {
        if (!OperatingSystem.IsLinux() || !TestSshServer.Available)
        {
            Prerequisite.Missing($"the deploy tests need Linux with {TestSshServer.Daemon}, ssh-keygen, ssh and scp; scripts/bootstrap installs them (openssh-server, openssh-client).");
        }

        _scratch = Directory.CreateTempSubdirectory("flightsw-deploy-test-").FullName;
        _server = TestSshServer.Start(_scratch);
        _package = NodePackager.PackageFor(RepositoryRoot.Find(), Board, "linux-x64", _scratch, "0.0.0-deploy-test").ArchivePath;
    }

    [OneTimeTearDown]
    public void StopSshd()
    {
        _server?.Dispose();
        if (_scratch.Length > 0 && Directory.Exists(_scratch))
        {
            Directory.Delete(_scratch, recursive: true);
        }
    }

    [Test]
    public void Run_PrefixOnReachableHost_ReportsTheFirstTelemetry()
    {
        string prefix = Path.Combine(_scratch, "prefix");
        string key = Path.Combine(_scratch, "link.key");
        Assert.That(CliRun.Of(["keygen", key]).ExitCode, Is.Zero);
        int linkPort = TestSshServer.FreePort();
        string nodeArgs = string.Create(CultureInfo.InvariantCulture, $"--board sim --link tcp:127.0.0.1:{linkPort} --key-file {key} --realtime --duration 10m");

        CliRun run;
        try
        {
            run = CliRun.Of([.. Deploy(_server!.Port), "--prefix", prefix, "--node-args", nodeArgs, "--link-port", linkPort.ToString(CultureInfo.InvariantCulture), "--key-file", key, "--timeout", "90"]);
        }
        finally
        {
            StopNode(prefix);
        }

        TestContext.Out.WriteLine(run.Out);
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.Error + _server.Log);
            Assert.That(run.Out, Does.Contain("[1/7] package").And.Contain("[2/7] reach").And.Contain("[3/7] systemd: skipped").And.Contain("[6/7] start"));
            Assert.That(run.Out, Does.Match(@"\[7/7\] telemetry: first housekeeping from .* mode \w+"));
            Assert.That(File.Exists(Path.Combine(prefix, "opt", "flightsw", "flightsw-node")), Is.True, "installed into the prefix");
        });
    }

    [Test]
    public void Run_ClosedPort_FailsAtStepReachWithSshsMessage()
    {
        int closed = TestSshServer.FreePort();

        var run = CliRun.Of([.. Deploy(closed), "--prefix", Path.Combine(_scratch, "never")]);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(CliExitCodes.NoAnswer), run.Error);
            Assert.That(run.ErrorLines[^1], Does.StartWith($"flightsw: step reach failed: cannot reach {TestSshServer.Destination}: "));
            Assert.That(run.ErrorLines[^1], Does.Contain("Connection refused").And.Contain("ssh-copy-id"));
            Assert.That(run.Out, Does.Not.Contain("[4/7] copy"));
        });
    }

    [Test]
    public void Run_HostWithoutSystemd_FailsAtStepSystemdSuggestingPrefix()
    {
        if (Directory.Exists("/run/systemd/system"))
        {
            Assert.Ignore("systemd runs here, so this host cannot stand for one without it.");
        }

        var run = CliRun.Of(Deploy(_server!.Port));

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(CliExitCodes.Failed), run.Error);
            Assert.That(run.Out, Does.Contain("[2/7] reach: " + TestSshServer.Destination + " answers"));
            Assert.That(run.Error, Does.Contain("step systemd failed:").And.Contain("needs systemd").And.Contain("--prefix"));
        });
    }

    private string[] Deploy(int sshPort)
    {
        var args = new List<string>
        {
            "deploy", "--board", Board, "--host", TestSshServer.Destination, "--port", sshPort.ToString(CultureInfo.InvariantCulture),
            "--package", _package, "--identity", _server!.UserKey,
        };
        foreach (string option in TestSshServer.ClientOptions)
        {
            args.Add("--ssh-option");
            args.Add(option);
        }

        return [.. args];
    }

    private static void StopNode(string prefix)
    {
        string pidFile = Path.Combine(prefix, "run", "flightsw-node.pid");
        if (!File.Exists(pidFile) || !int.TryParse(File.ReadAllText(pidFile).Trim(), CultureInfo.InvariantCulture, out int pid))
        {
            return;
        }

        try
        {
            using var node = Process.GetProcessById(pid);
            node.Kill();
            node.WaitForExit(5000);
        }
        catch (ArgumentException)
        {
            // It is gone already.
        }
        catch (InvalidOperationException)
        {
            // It ended meanwhile.
        }
    }
}
