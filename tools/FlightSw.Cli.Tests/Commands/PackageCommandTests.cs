using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using FlightSw.Cli.Packaging;
using FlightSw.Cli.Tests.Fixtures;
using FlightSw.Cli.Tests.Packaging;

namespace FlightSw.Cli.Tests.Commands;

[TestFixture]
public class PackageCommandTests
{
    private string _directory = "";

    [SetUp]
    public void CreateDirectory() => _directory = Directory.CreateTempSubdirectory("flightsw-package-cmd-").FullName;

    [TearDown]
    public void RemoveDirectory() => Directory.Delete(_directory, recursive: true);

    [Test]
    public void Run_MeadowBoard_MeadowExitCodeAndOneLineAboutTheSdk()
    {
        var run = CliRun.Of(["package", "--board", "meadow-f7v2", "--output", _directory]);

        Assert.That(run.ExitCode, Is.EqualTo(PackageExitCodes.MeadowNeedsSdk));
        Assert.That(run.ErrorLines, Has.Length.EqualTo(1));
        Assert.That(run.Error, Does.Contain("Meadow SDK").And.Contain("Meadow.CLI"));
        Assert.That(Directory.GetFiles(_directory), Is.Empty);
    }

    [Test]
    public void Run_SimBoard_RefusedPointingAtDotnetRun()
    {
        var run = CliRun.Of(["package", "--board", "sim", "--output", _directory]);

        Assert.That(run.ExitCode, Is.EqualTo(CliExitCodes.BadInput));
        Assert.That(run.ErrorLines, Has.Length.EqualTo(1));
        Assert.That(run.Error, Does.Contain("dotnet run --project firmware/FlightSw.Node"));
    }

    [Test]
    public void Run_UnknownBoard_ExitTwoListingBoards()
    {
        var run = CliRun.Of(["package", "--board", "rpi9"]);

        Assert.That(run.ExitCode, Is.EqualTo(CliExitCodes.BadInput));
        Assert.That(run.Error, Does.Contain("rpi9").And.Contain("rpi4"));
    }

    [Test]
    public void Run_NeitherBoardNorVerify_ExitTwo()
    {
        var run = CliRun.Of(["package"]);

        Assert.That(run.ExitCode, Is.EqualTo(CliExitCodes.BadInput));
        Assert.That(run.Error, Does.Contain("--board").And.Contain("--verify"));
    }

    [Test]
    public void Run_VerifyWithBoard_ExitTwo()
    {
        var run = CliRun.Of(["package", "--verify", "x.tar.gz", "--board", "rpi4"]);

        Assert.That(run.ExitCode, Is.EqualTo(CliExitCodes.BadInput));
    }

    [Test]
    public void Run_VerifyNoSuchFile_ExitTwo()
    {
        string missing = Path.Combine(_directory, "none.tar.gz");

        var run = CliRun.Of(["package", "--verify", missing]);

        Assert.That(run.ExitCode, Is.EqualTo(CliExitCodes.BadInput));
        Assert.That(run.ErrorLines, Has.Length.EqualTo(1));
        Assert.That(run.Error, Does.Contain(missing));
    }

    [Test]
    public void Run_VerifyIntact_ExitZero()
    {
        string archive = TestArchives.Make(_directory);

        var run = CliRun.Of(["package", "--verify", archive]);

        Assert.That(run.ExitCode, Is.Zero, run.Error);
        Assert.That(run.Out, Does.Contain("OK").And.Contain("4 files"));
    }

    [Test]
    public void Run_VerifyNotAGzip_ExitOneUnreadable()
    {
        string bogus = Path.Combine(_directory, "bogus.tar.gz");
        File.WriteAllText(bogus, "plain text");

        var run = CliRun.Of(["package", "--verify", bogus]);

        Assert.That(run.ExitCode, Is.EqualTo(CliExitCodes.Failed));
        Assert.That(run.Error, Does.Contain("unreadable"));
    }

    [Test]
    public void Run_VerifyTampered_ExitOneNamingEachProblem()
    {
        string archive = TestArchives.Make(_directory);
        string tampered = TestArchives.Rewrite(archive, Path.Combine(_directory, "t.tar.gz"), entries => entries
            .Where(e => !e.Name.EndsWith("/empty.txt", StringComparison.Ordinal))
            .Select(e => e.Name.EndsWith("/flightsw-node.dll", StringComparison.Ordinal) ? e with { Data = [0] } : e)
            .Append(new TestArchives.Entry("flightsw-node-test-1.0/extra.so", TarEntryType.RegularFile, UnixFileMode.UserRead, [1])));

        var run = CliRun.Of(["package", "--verify", tampered]);

        Assert.That(run.ExitCode, Is.EqualTo(CliExitCodes.Failed));
        Assert.That(run.Error, Does.Contain("missing: empty.txt").And.Contain("changed: flightsw-node.dll").And.Contain("extra: extra.so"));
        Assert.That(run.ErrorLines, Has.Length.EqualTo(4));
    }

    /// <summary>The one real package: publishes rpi4 (linux-arm64, self-contained), verifies, tampers, installs into a folder.</summary>
    [Test]
    [Category("Slow")]
    public void Run_Rpi4_PackagesVerifiesRefusesTamperingAndInstallsIntoAPrefix()
    {
        var clock = Stopwatch.StartNew();
        var run = CliRun.Of(["package", "--board", "rpi4", "--output", _directory, "--version", "9.9.9-test"]);
        TestContext.Out.WriteLine($"package rpi4: {clock.Elapsed.TotalSeconds:F1} s");

        Assert.That(run.ExitCode, Is.Zero, run.Error);
        string archive = Path.Combine(_directory, "flightsw-node-rpi4-9.9.9-test.tar.gz");
        Assert.That(File.Exists(archive), Is.True, run.Out);
        TestContext.Out.WriteLine($"package size: {new FileInfo(archive).Length} bytes");
        Assert.That(Directory.GetFiles(_directory), Has.Length.EqualTo(1), "only the archive is left in the output folder");

        var verify = CliRun.Of(["package", "--verify", archive]);
        Assert.That(verify.ExitCode, Is.Zero, verify.Error);

        var entries = TestArchives.Read(archive).ToDictionary(e => e.Name);
        const string Top = "flightsw-node-rpi4-9.9.9-test/";
        Assert.That(entries.Keys.All(n => n.StartsWith(Top, StringComparison.Ordinal)), Is.True);
        foreach (string file in (string[])["flightsw-node", "flightsw-node.dll", "rpi4.json", "boards/rpi4.json", "nlog.config", "flightsw-node.service", "99-flightsw.rules", "install.sh", "README.md", "MANIFEST.sha256", "libSystem.Native.so"])
        {
            Assert.That(entries.ContainsKey(Top + file), Is.True, file);
        }

        Assert.That(entries[Top + "flightsw-node"].Mode & UnixFileMode.UserExecute, Is.Not.EqualTo(UnixFileMode.None));
        Assert.That(entries[Top + "install.sh"].Mode & UnixFileMode.UserExecute, Is.Not.EqualTo(UnixFileMode.None));
        Assert.That(System.Text.Encoding.UTF8.GetString(entries[Top + "flightsw-node.service"].Data), Does.Contain("WatchdogSec=5s").And.Contain("RestartPreventExitStatus=2 4"));

        string tampered = TestArchives.Rewrite(archive, Path.Combine(_directory, "tampered.tar.gz"), all =>
            all.Select(e => e.Name == Top + "FlightSw.Link.dll" ? e with { Data = [.. e.Data, 0x90] } : e));
        var refused = CliRun.Of(["package", "--verify", tampered]);
        Assert.That(refused.ExitCode, Is.EqualTo(CliExitCodes.Failed));
        Assert.That(refused.Error, Does.Contain("changed: FlightSw.Link.dll"));

        if (OperatingSystem.IsWindows() || !File.Exists("/bin/sh"))
        {
            Assert.Ignore("/bin/sh is absent: the package verified; install.sh was not run");
            return;
        }

        string extracted = Path.Combine(_directory, "extracted");
        Directory.CreateDirectory(extracted);
        using (var file = File.OpenRead(archive))
        using (var gzip = new GZipStream(file, CompressionMode.Decompress))
        {
            TarFile.ExtractToDirectory(gzip, extracted, overwriteFiles: false);
        }

        string prefix = Path.Combine(_directory, "root");
        var (code, output) = InstallScriptTests.RunInstall(Path.Combine(extracted, Top.TrimEnd('/')), prefix);

        Assert.That(code, Is.Zero, output);
        string opt = Path.Combine(prefix, "opt", "flightsw");
        Assert.That(File.Exists(Path.Combine(opt, "flightsw-node")), Is.True);
        Assert.That(File.GetUnixFileMode(Path.Combine(opt, "flightsw-node")) & UnixFileMode.UserExecute, Is.Not.EqualTo(UnixFileMode.None));
        Assert.That(File.Exists(Path.Combine(opt, "boards", "rpi4.json")), Is.True);
        Assert.That(File.Exists(Path.Combine(opt, "nlog.config")), Is.True);
        Assert.That(File.Exists(Path.Combine(prefix, "etc", "systemd", "system", "flightsw-node.service")), Is.True);
        Assert.That(File.Exists(Path.Combine(prefix, "etc", "udev", "rules.d", "99-flightsw.rules")), Is.True);
        Assert.That(Directory.Exists(Path.Combine(prefix, "etc", "flightsw")), Is.True);
        Assert.That(File.Exists(Path.Combine(prefix, "etc", "flightsw", "link.keys")), Is.False);
        Assert.That(output, Does.Contain("No link key"));
    }
}
