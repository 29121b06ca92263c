using System.Diagnostics;
using FlightSw.Cli.Packaging;

namespace FlightSw.Cli.Tests.Packaging;

[TestFixture]
public class InstallScriptTests
{
    private string _directory = "";

    [SetUp]
    public void CreateDirectory() => _directory = Directory.CreateTempSubdirectory("flightsw-install-").FullName;

    [TearDown]
    public void RemoveDirectory() => Directory.Delete(_directory, recursive: true);

    [TestCaseSource(typeof(TestBoards), nameof(TestBoards.Linux))]
    public void For_LinuxBoard_PosixShellSetEuWithPrefixDefaultRoot(string name)
    {
        string script = InstallScript.For(TestBoards.Load(name));

        Assert.That(script, Does.StartWith("#!/bin/sh\n"));
        Assert.That(script.Split('\n'), Does.Contain("set -eu").And.Contain("PREFIX=${1:-/}"));
        Assert.That(script, Does.Not.Contain("\r"));
        Assert.That(script, Does.Contain("systemctl daemon-reload").And.Contain("systemctl enable flightsw-node.service"));
    }

    [Test]
    public void For_Rpi4_CreatesTheGroupsTheUnitJoins()
    {
        string script = InstallScript.For(TestBoards.Load("rpi4"));

        Assert.That(script.Split('\n'), Does.Contain("GROUPS_NEEDED=\"gpio i2c watchdog dialout\""));
        Assert.That(script, Does.Contain("useradd --system"));
        Assert.That(script, Does.Contain("KEY_FILE=$ROOT/etc/flightsw/link.keys"));
    }

    [Test]
    public void Run_IntoPrefix_FilesLandAndAnExistingKeyIsKept()
    {
        if (!File.Exists("/bin/sh"))
        {
            Assert.Ignore("/bin/sh is absent");
        }

        var board = TestBoards.Load("rpi4");
        string package = Path.Combine(_directory, "flightsw-node-rpi4-1.0");
        Directory.CreateDirectory(package);
        File.WriteAllText(Path.Combine(package, "flightsw-node"), "#!/bin/sh\n");
        NodePackager.WriteGeneratedFiles(board, "1.0", package);
        string prefix = Path.Combine(_directory, "root");
        Directory.CreateDirectory(Path.Combine(prefix, "etc", "flightsw"));
        File.WriteAllText(Path.Combine(prefix, "etc", "flightsw", "link.keys"), "precious");
        Directory.CreateDirectory(Path.Combine(prefix, "opt", "flightsw"));
        File.WriteAllText(Path.Combine(prefix, "opt", "flightsw", "stale.dll"), "old");

        var (code, output) = RunInstall(package, prefix);

        Assert.That(code, Is.Zero, output);
        Assert.That(File.ReadAllText(Path.Combine(prefix, "etc", "flightsw", "link.keys")), Is.EqualTo("precious"));
        Assert.That(File.Exists(Path.Combine(prefix, "opt", "flightsw", "flightsw-node")), Is.True);
        Assert.That(File.Exists(Path.Combine(prefix, "opt", "flightsw", "stale.dll")), Is.False, "an older installation is replaced as a whole");
        Assert.That(File.ReadAllText(Path.Combine(prefix, "etc", "systemd", "system", "flightsw-node.service")), Is.EqualTo(ServiceUnit.For(board)));
        Assert.That(File.ReadAllText(Path.Combine(prefix, "etc", "udev", "rules.d", "99-flightsw.rules")), Is.EqualTo(UdevRules.For(board)));
        Assert.That(Directory.Exists(Path.Combine(prefix, "var", "lib", "flightsw")), Is.True);
        Assert.That(output, Does.Not.Contain("No link key"));
    }

    /// <summary>Runs <c>sh install.sh PREFIX</c> in <paramref name="package"/>; its exit code and output.</summary>
    internal static (int Code, string Output) RunInstall(string package, string prefix)
    {
        var start = new ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = package };
        start.ArgumentList.Add(Path.Combine(package, InstallScript.FileName));
        start.ArgumentList.Add(prefix);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }
}
