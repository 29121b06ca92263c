using FlightSw.Cli.Packaging;

namespace FlightSw.Cli.Tests.Packaging;

[TestFixture]
public class UdevRulesTests
{
    private static string[] Rules(string board) =>
        UdevRules.For(TestBoards.Load(board)).Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#')).ToArray();

    [Test]
    public void For_Rpi4_GroupsGetGpioI2cWatchdogAndSerial()
    {
        Assert.That(Rules("rpi4"), Is.EqualTo(new[]
        {
            "SUBSYSTEM==\"gpio\", KERNEL==\"gpiochip0\", GROUP=\"gpio\", MODE=\"0660\"",
            "SUBSYSTEM==\"i2c-dev\", KERNEL==\"i2c-1\", GROUP=\"i2c\", MODE=\"0660\"",
            "KERNEL==\"watchdog*\", GROUP=\"watchdog\", MODE=\"0660\"",
            "SUBSYSTEM==\"tty\", SYMLINK==\"serial0\", GROUP=\"dialout\", MODE=\"0660\"",
        }));
    }

    [Test]
    public void For_BeagleBone_KernelNamesOfItsChipBusAndUart()
    {
        var rules = Rules("beaglebone-black");

        Assert.That(rules, Does.Contain("SUBSYSTEM==\"gpio\", KERNEL==\"gpiochip1\", GROUP=\"gpio\", MODE=\"0660\""));
        Assert.That(rules, Does.Contain("SUBSYSTEM==\"i2c-dev\", KERNEL==\"i2c-2\", GROUP=\"i2c\", MODE=\"0660\""));
        Assert.That(rules, Does.Contain("KERNEL==\"ttyS1\", GROUP=\"dialout\", MODE=\"0660\""));
    }

    [TestCaseSource(typeof(TestBoards), nameof(TestBoards.Linux))]
    public void For_LinuxBoard_OneRulePerDevice(string name)
    {
        Assert.That(Rules(name), Has.Length.EqualTo(BoardDevices.Of(TestBoards.Load(name)).Count));
    }
}
