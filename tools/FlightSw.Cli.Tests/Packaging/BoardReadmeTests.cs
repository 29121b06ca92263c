using FlightSw.Cli.Packaging;

namespace FlightSw.Cli.Tests.Packaging;

[TestFixture]
public class BoardReadmeTests
{
    [Test]
    public void For_Rpi4_SelfContainedInstallKeysAndJournal()
    {
        string readme = BoardReadme.For(TestBoards.Load("rpi4"), "1.2.3");

        Assert.That(readme, Does.StartWith("# FlightSw node 1.2.3 for rpi4\n"));
        Assert.That(readme, Does.Contain("Raspberry Pi 4 Model B"));
        Assert.That(readme, Does.Contain("self-contained").And.Not.Contain("dotnet-install.sh"));
        Assert.That(readme, Does.Contain("sudo ./install.sh").And.Contain("tar -xzf flightsw-node-rpi4-1.2.3.tar.gz"));
        Assert.That(readme, Does.Contain("journalctl -u flightsw-node"));
        Assert.That(readme, Does.Contain("flightsw keygen").And.Contain("/etc/flightsw/link.keys").And.Contain("chmod 600").And.Contain("flightsw:flightsw"));
        Assert.That(readme, Does.Contain("`/dev/i2c-1`"));
        Assert.That(readme, Does.Contain(BoardReadme.TrimmingNote));
    }

    [Test]
    public void For_BeagleBone_NeedsTheDotnet10Runtime()
    {
        string readme = BoardReadme.For(TestBoards.Load("beaglebone-black"), "1.0");

        Assert.That(readme, Does.Contain("framework-dependent").And.Contain(".NET 10 runtime").And.Contain("linux-arm"));
        Assert.That(readme, Does.Contain("dotnet-install.sh").And.Contain("/usr/bin/dotnet /opt/flightsw/flightsw-node.dll"));
    }

    [TestCaseSource(typeof(TestBoards), nameof(TestBoards.Linux))]
    public void For_LinuxBoard_StatesItsWatchdogTimeout(string name)
    {
        var board = TestBoards.Load(name);

        Assert.That(BoardReadme.For(board, "1.0"), Does.Contain($"WatchdogSec={ServiceUnit.WatchdogSeconds(board)}s"));
    }
}
