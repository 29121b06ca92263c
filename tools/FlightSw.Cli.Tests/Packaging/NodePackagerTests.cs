using FlightSw.Cli.Packaging;

namespace FlightSw.Cli.Tests.Packaging;

[TestFixture]
public class NodePackagerTests
{
    [Test]
    public void EnsurePackageable_Meadow_MeadowExitCodeExplainingTheSdk()
    {
        var ex = Assert.Throws<CliException>(() => NodePackager.EnsurePackageable(TestBoards.Load("meadow-f7v2")));

        Assert.That(ex!.ExitCode, Is.EqualTo(PackageExitCodes.MeadowNeedsSdk));
        Assert.That(ex.Message, Does.Contain("Meadow SDK").And.Contain("Meadow.CLI").And.Contain("hal/FlightSw.Hal.Meadow"));
    }

    [Test]
    public void EnsurePackageable_Sim_BadInputPointingAtDotnetRun()
    {
        var ex = Assert.Throws<CliException>(() => NodePackager.EnsurePackageable(TestBoards.Load("sim")));

        Assert.That(ex!.ExitCode, Is.EqualTo(CliExitCodes.BadInput));
        Assert.That(ex.Message, Does.Contain("dotnet run --project firmware/FlightSw.Node"));
    }

    [TestCase("rpi4", "linux-arm64")]
    [TestCase("beaglebone-black", "linux-arm")]
    public void EnsurePackageable_LinuxBoard_ItsRuntime(string name, string runtime)
    {
        Assert.That(NodePackager.EnsurePackageable(TestBoards.Load(name)), Is.EqualTo(runtime));
    }

    [Test]
    public void LoadBoard_Unknown_BadInputListingTheBoards()
    {
        var ex = Assert.Throws<CliException>(() => NodePackager.LoadBoard(RepositoryRoot.Find(), "nope"));

        Assert.That(ex!.ExitCode, Is.EqualTo(CliExitCodes.BadInput));
        Assert.That(ex.Message, Does.Contain("rpi4"));
    }

    [Test]
    public void PackageName_BoardAndVersion()
    {
        Assert.That(NodePackager.PackageName("rpi4", "1.0"), Is.EqualTo("flightsw-node-rpi4-1.0"));
    }

    [Test]
    public void WriteGeneratedFiles_Board_FourFilesInstallExecutable()
    {
        var folder = Directory.CreateTempSubdirectory("flightsw-generated-");
        try
        {
            NodePackager.WriteGeneratedFiles(TestBoards.Load("rpi4"), "1.0", folder.FullName);

            Assert.That(folder.GetFiles().Select(f => f.Name).Order(StringComparer.Ordinal), Is.EqualTo(new[] { "99-flightsw.rules", "README.md", "flightsw-node.service", "install.sh" }));
            if (!OperatingSystem.IsWindows())
            {
                Assert.That(File.GetUnixFileMode(Path.Combine(folder.FullName, "install.sh")) & UnixFileMode.UserExecute, Is.Not.EqualTo(UnixFileMode.None));
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
