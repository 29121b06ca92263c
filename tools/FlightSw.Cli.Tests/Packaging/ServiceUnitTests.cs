using FlightSw.Cli.Packaging;

namespace FlightSw.Cli.Tests.Packaging;

[TestFixture]
public class ServiceUnitTests
{
    private static IEnumerable<string> LinuxBoards() => TestBoards.Linux;

    private static string[] Lines(string text) => text.Split('\n');

    [TestCaseSource(nameof(LinuxBoards))]
    public void For_LinuxBoard_WatchdogSecIsTheBoardsWatchdogTimeout(string name)
    {
        var board = TestBoards.Load(name);

        string unit = ServiceUnit.For(board);

        Assert.That(Lines(unit), Does.Contain($"WatchdogSec={ServiceUnit.WatchdogSeconds(board)}s"));
        Assert.That(Lines(unit).Count(l => l.StartsWith("WatchdogSec=", StringComparison.Ordinal)), Is.EqualTo(1));
    }

    [TestCaseSource(nameof(LinuxBoards))]
    public void For_LinuxBoard_ExecStartNamesTheBoard(string name)
    {
        string unit = ServiceUnit.For(TestBoards.Load(name));

        Assert.That(Lines(unit).Single(l => l.StartsWith("ExecStart=", StringComparison.Ordinal)), Does.EndWith($" --board {name}"));
    }

    [Test]
    public void For_Rpi4_ExecStartIsTheSelfContainedExecutable()
    {
        Assert.That(Lines(ServiceUnit.For(TestBoards.Load("rpi4"))), Does.Contain("ExecStart=/opt/flightsw/flightsw-node --board rpi4"));
    }

    [Test]
    public void For_BeagleBone_ExecStartIsTheDotnetHostWithTheAssembly()
    {
        Assert.That(
            Lines(ServiceUnit.For(TestBoards.Load("beaglebone-black"))),
            Does.Contain("ExecStart=/usr/bin/dotnet /opt/flightsw/flightsw-node.dll --board beaglebone-black"));
    }

    [TestCaseSource(nameof(LinuxBoards))]
    public void For_LinuxBoard_NotifyServiceRestartedOnFailureAndWarmReset(string name)
    {
        var lines = Lines(ServiceUnit.For(TestBoards.Load(name)));

        Assert.That(lines, Does.Contain("Type=notify").And.Contain("NotifyAccess=main").And.Contain("Restart=on-failure").And.Contain("RestartForceExitStatus=75"));
        Assert.That(lines, Does.Contain("User=flightsw").And.Contain("DevicePolicy=closed").And.Contain("WantedBy=multi-user.target"));
    }

    [Test]
    public void For_Rpi4_DeviceAllowForEachDeviceAndTheirGroups()
    {
        var lines = Lines(ServiceUnit.For(TestBoards.Load("rpi4")));

        Assert.That(lines.Where(l => l.StartsWith("DeviceAllow=", StringComparison.Ordinal)), Is.EqualTo(new[]
        {
            "DeviceAllow=/dev/gpiochip0 rw",
            "DeviceAllow=/dev/i2c-1 rw",
            "DeviceAllow=/dev/watchdog rw",
            "DeviceAllow=/dev/serial0 rw",
        }));
        Assert.That(lines, Does.Contain("SupplementaryGroups=gpio i2c watchdog dialout"));
        Assert.That(lines, Does.Contain("StateDirectory=flightsw"));
        Assert.That(lines, Does.Contain("WatchdogSec=5s"));
    }

    [Test]
    public void For_BeagleBone_ItsGpioChipI2cBusAndUart()
    {
        var lines = Lines(ServiceUnit.For(TestBoards.Load("beaglebone-black")));

        Assert.That(lines, Does.Contain("DeviceAllow=/dev/gpiochip1 rw").And.Contain("DeviceAllow=/dev/i2c-2 rw").And.Contain("DeviceAllow=/dev/ttyS1 rw"));
        Assert.That(lines, Does.Contain("WatchdogSec=30s"));
    }

    [Test]
    public void For_BoardWithoutSerialLink_NoDialout()
    {
        var board = TestBoards.Load("rpi4");
        board = board with { Storage = new FlightSw.Hal.Boards.StorageSettings("/srv/flightsw") };
        board = board with { Link = board.Link with { SerialDevice = null } };

        var lines = Lines(ServiceUnit.For(board));

        Assert.That(lines, Does.Contain("SupplementaryGroups=gpio i2c watchdog"));
        Assert.That(lines.Where(l => l.StartsWith("DeviceAllow=", StringComparison.Ordinal)), Has.Exactly(3).Items);
        Assert.That(lines, Does.Contain("ReadWritePaths=/srv/flightsw"));
        Assert.That(lines.Any(l => l.StartsWith("StateDirectory=", StringComparison.Ordinal)), Is.False);
    }

    [TestCase("/var/lib/flightsw", "flightsw")]
    [TestCase("/var/lib/flightsw/records/", "flightsw/records")]
    [TestCase("/var/lib", null)]
    [TestCase("/srv/flightsw", null)]
    [TestCase("/var/lib/../etc", null)]
    public void StateDirectoryOf_Path_RelativeToVarLibOrNull(string path, string? expected)
    {
        Assert.That(ServiceUnit.StateDirectoryOf(path), Is.EqualTo(expected));
    }
}
